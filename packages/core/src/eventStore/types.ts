import type { ExpectedVersion } from '../errors.js';
import type { Position } from './position.js';

/** A value that survives `JSON.stringify` / `JSON.parse` unchanged. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** The smallest shape of a domain event: a type name and its data. */
export interface EventLike {
  readonly type: string;
  readonly data: unknown;
}

/**
 * What travels with an event besides its data. The well-known keys are listed; any other
 * JSON value may be added under another key and is stored verbatim.
 */
export interface EventMetadata {
  /** Business time: when the fact happened (ISO 8601). Set by the command handler. */
  readonly occurredAt?: string;
  /** Who caused the event (a user or system id). */
  readonly actor?: string;
  /** Ties together every event caused by one user request. */
  readonly correlationId?: string;
  /** The id of the event or command that directly caused this one. */
  readonly causationId?: string;
  /** The idempotency key of the command that produced the event. */
  readonly idempotencyKey?: string;
  /**
   * The schema version the event was written at. Set by the store from the registry; after an
   * upcast on read, the data has the latest shape and this still says what was stored.
   */
  readonly schemaVersion?: number;
  readonly [key: string]: JsonValue | undefined;
}

/** An event to append. The store assigns `eventId` (a ULID) when it is absent. */
export interface NewEvent<E extends EventLike = EventLike> {
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata?: EventMetadata;
  /**
   * A unique id for this event within the tenant. Give it to make the append idempotent:
   * re-appending events whose ids were already appended to the stream returns the first result.
   */
  readonly eventId?: string;
}

/** What the store adds to every event it records. */
export interface EventEnvelope {
  /** Unique within the tenant. */
  readonly eventId: string;
  readonly streamId: string;
  /** 1 for a stream's first event, then contiguous. */
  readonly streamVersion: number;
  /** The tenant-wide sequence number the store gave the event (unique, increasing in time of
   * assignment, not necessarily in commit order). For display and identification. */
  readonly globalPosition: number;
  /** Where the event sits in the tenant's log order: pass it back as `readAll({ after })`. */
  readonly position: Position;
  /** When the store recorded the event (ISO 8601). */
  readonly recordedAt: string;
  readonly metadata: EventMetadata;
}

/** An event as read back from a store: its type and data plus the envelope. */
export type RecordedEvent<E extends EventLike = EventLike> = E extends EventLike
  ? { readonly type: E['type']; readonly data: E['data'] } & EventEnvelope
  : never;

/** Options of {@link EventStore.append}. */
export interface AppendOptions {
  /**
   * What the stream must be for the append to go ahead: an exact version (the number of events
   * in it; 0 means no stream), `'no_stream'`, `'stream_exists'` or `'any'`.
   */
  readonly expectedVersion: ExpectedVersion;
}

/** What an append recorded. A re-append of the same event ids returns the first result. */
export interface AppendResult<E extends EventLike = EventLike> {
  readonly streamId: string;
  /** The stream's version after the append: pass it as the next `expectedVersion`. */
  readonly nextExpectedVersion: number;
  /** The recorded events, in order. */
  readonly events: readonly RecordedEvent<E>[];
}

/** Options of {@link EventStore.readStream}. */
export interface ReadStreamOptions {
  /** First version to return (inclusive). Defaults to 1 forward, the last version backward. */
  readonly fromVersion?: number;
  /** Last version to return (inclusive), in either direction. */
  readonly toVersion?: number;
  readonly direction?: 'forward' | 'backward';
  /** At most this many events. */
  readonly limit?: number;
}

/** The result of {@link EventStore.readStream}. */
export interface StreamRead<E extends EventLike = EventLike> {
  readonly streamId: string;
  /** The stream's current version, whatever range was read; 0 when the stream does not exist. */
  readonly version: number;
  readonly events: readonly RecordedEvent<E>[];
}

/** Options of {@link EventStore.readAll}. */
export interface ReadAllOptions {
  /** Return events after this position (exclusive). Defaults to the start of the log. */
  readonly after?: Position;
  /** At most this many events (default 1000). */
  readonly limit?: number;
  /** Only events of these types. */
  readonly types?: readonly string[];
}

/** The result of {@link EventStore.readAll}. */
export interface LogRead<E extends EventLike = EventLike> {
  readonly events: readonly RecordedEvent<E>[];
  /** Pass as the next `after`: the position of the last event returned, or `after` if none. */
  readonly next: Position;
  /** True when the read reached the end of what is visible now. */
  readonly endOfLog: boolean;
}

/** What a subscription handler receives besides the events. */
export interface BatchContext {
  /** Aborted when the subscription is stopped. */
  readonly signal: AbortSignal;
  /** The position of the batch's last event: where the checkpoint will be moved to. */
  readonly position: Position;
  /**
   * Adapter-specific: for stores that support transactional handlers
   * (`capabilities.supportsTransactionalHandlers`), the open transaction in which the
   * checkpoint will be stored. Writes through it commit together with the checkpoint.
   */
  readonly transaction?: unknown;
}

/** Options of {@link EventStore.subscribe}. */
export interface SubscribeOptions<E extends EventLike = EventLike> {
  /**
   * A durable consumer name. When set, the subscription starts from the consumer's stored
   * checkpoint and moves it (compare-and-set) after each handled batch: at-least-once delivery.
   */
  readonly consumer?: string;
  /** Where to start when there is no consumer (or it has no checkpoint yet). Defaults to the start. */
  readonly from?: Position;
  readonly types?: readonly string[];
  /** Events per handler call (default 500). */
  readonly batchSize?: number;
  /** Stops the subscription when aborted. */
  readonly signal?: AbortSignal;
  /** Called with each batch, in log order, one call at a time. A throw stops the subscription. */
  readonly handler: (
    events: readonly RecordedEvent<E>[],
    context: BatchContext,
  ) => void | Promise<void>;
}

/** A running subscription. */
export interface Subscription {
  /** The position of the last handled event (the `from` position before the first batch). */
  readonly position: Position;
  /**
   * Resolves once every event committed before this call has been handled. Rejects if the
   * subscription fails first.
   */
  caughtUp(): Promise<void>;
  /** Settles when the subscription ends: resolves when stopped or aborted, rejects with the
   * handler's or store's error. */
  readonly done: Promise<void>;
  /** Stops after the batch in flight (if any) and resolves when stopped. */
  stop(): Promise<void>;
}

/** A saved state of one stream at one version, for one reducer version. */
export interface Snapshot<S = unknown> {
  readonly streamId: string;
  readonly version: number;
  /** Changes whenever the reducer changes; a snapshot of another reducer version is ignored. */
  readonly reducerVersion: string;
  readonly state: S;
}

/** Optional snapshot storage, offered by stores with `capabilities.supportsSnapshots`. */
export interface SnapshotStore {
  /** The latest snapshot of the stream for this reducer version, or null. */
  load<S = unknown>(streamId: string, reducerVersion: string): Promise<Snapshot<S> | null>;
  /** Saves (replaces) the stream's snapshot for `snapshot.reducerVersion`. */
  save(snapshot: Snapshot): Promise<void>;
}

/** What an adapter supports beyond the required port. The contract suite reads these flags. */
export interface StoreCapabilities {
  readonly supportsSnapshots: boolean;
  /** `forgetSubject` removes personal data from storage. */
  readonly supportsForgetting: boolean;
  /** `archiveStream` is available. */
  readonly supportsArchiving: boolean;
  /** Subscription handlers receive a transaction that commits with the checkpoint. */
  readonly supportsTransactionalHandlers: boolean;
}

/** The result of {@link EventStore.forgetSubject}. */
export interface ForgetResult {
  /** Events whose personal-data fields were removed. */
  readonly eventsRedacted: number;
  /** Snapshots deleted because they could hold the subject's personal data. */
  readonly snapshotsDeleted: number;
}

/**
 * The event-store port: append-only streams of events with optimistic concurrency, a global
 * log per tenant, consumer checkpoints and subscriptions. Every instance is bound to one tenant
 * and can neither read nor write another tenant's events.
 */
export interface EventStore {
  /** The tenant this store is bound to. */
  readonly tenant: string;
  readonly capabilities: StoreCapabilities;

  /**
   * Appends events to a stream atomically (all or nothing), if the stream matches
   * `expectedVersion`. A re-append of event ids already in the stream returns the original
   * result, whatever the stream's version now.
   *
   * @throws {ValidationError} bad stream id, event type, data or metadata; nothing written.
   * @throws {ConcurrencyError} the stream does not match `expectedVersion`; nothing written.
   * @throws {IdempotencyConflictError} an event id belongs to another stream, or only part of
   *   the batch was appended before.
   * @throws {StorageError} the backend failed.
   */
  append<E extends EventLike>(
    streamId: string,
    events: readonly NewEvent<E>[],
    options: AppendOptions,
  ): Promise<AppendResult<E>>;

  /** Reads a stream's events in a version range and direction. A missing stream reads empty. */
  readStream<E extends EventLike = EventLike>(
    streamId: string,
    options?: ReadStreamOptions,
  ): Promise<StreamRead<E>>;

  /**
   * Reads the tenant's log in order after a position. Gap-safe: a position is only returned
   * once no event before it can still appear.
   */
  readAll<E extends EventLike = EventLike>(options?: ReadAllOptions): Promise<LogRead<E>>;

  /** The consumer's stored checkpoint, or null when it has none. */
  readCheckpoint(consumer: string): Promise<Position | null>;

  /**
   * Moves a consumer's checkpoint to `position` if it is still `expected` (null: no checkpoint).
   * @throws {CheckpointConflictError} the checkpoint is not `expected`.
   */
  storeCheckpoint(
    consumer: string,
    position: Position,
    options: { readonly expected: Position | null },
  ): Promise<void>;

  /** Delivers the log from a checkpoint, catching up and then following live appends. */
  subscribe<E extends EventLike = EventLike>(options: SubscribeOptions<E>): Subscription;

  /** Snapshot storage, when `capabilities.supportsSnapshots`. */
  readonly snapshots?: SnapshotStore;

  /**
   * Removes the personal data of a subject (a contact, say) from every stored event that
   * carries it, as the event registry's `personalData` declares, and deletes snapshots of the
   * affected streams. The events themselves stay. When `capabilities.supportsForgetting`.
   */
  forgetSubject?(subjectId: string): Promise<ForgetResult>;

  /**
   * Closes a stream for writing: later appends fail with a `DomainRuleViolation`
   * (`stream.archived`); its events stay readable. When `capabilities.supportsArchiving`.
   */
  archiveStream?(streamId: string): Promise<void>;

  /** Releases every resource the store opened (connections, timers). Idempotent. */
  close(): Promise<void>;
}
