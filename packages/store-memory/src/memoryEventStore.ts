import {
  type AppendOptions,
  type AppendResult,
  assertIdentifier,
  CheckpointConflictError,
  checkExpectedVersion,
  checkReadAllOptions,
  checkReadStreamOptions,
  DomainRuleViolation,
  type EventLike,
  type EventRegistry,
  type EventStore,
  type ForgetResult,
  IdempotencyConflictError,
  isPosition,
  type JsonValue,
  type LogRead,
  NotFoundError,
  type Position,
  type PreparedEvent,
  prepareAppend,
  type RecordedEvent,
  type Snapshot,
  type SnapshotStore,
  STORE_LIMITS,
  StorageError,
  type StoreCapabilities,
  type StreamRead,
  type Subscription,
  type SubscriptionLoopSource,
  subscriptionLoop,
  ValidationError,
} from '@account-planning/core';
import { deepFreeze } from './internal/deepFreeze.js';
import type { EventIdIndex } from './internal/eventIdIndex.js';
import { keepShape } from './internal/keepShape.js';
import { positionOf } from './internal/positionOf.js';
import { FrozenEvent } from './internal/storedEvent.js';
import {
  createMemoryDatabase,
  type MemoryDatabase,
  StoredStream,
  type TenantData,
  tenantData,
} from './memoryDatabase.js';

/** Options of {@link createMemoryEventStore}. */
export interface MemoryEventStoreOptions {
  /** The tenant the store is bound to (default `'default'`). */
  readonly tenant?: string;
  /** Validates data on append and upcasts it on read. Without one, any JSON data is accepted. */
  readonly registry?: EventRegistry;
  /**
   * The data to work on (default: a new, private database). Give several stores the same
   * database to have tenants share it, as they would share one PostgreSQL database.
   */
  readonly database?: MemoryDatabase;
  /** The time recorded as `recordedAt` (default: the system clock). */
  readonly clock?: () => Date;
  /** Makes the ids of events appended without one (default: strictly increasing ULIDs). */
  readonly newEventId?: () => string;
}

/** The memory event store: the whole port, snapshots, forgetting and archiving included. */
export interface MemoryEventStore extends EventStore {
  readonly snapshots: SnapshotStore;
  forgetSubject(subjectId: string): Promise<ForgetResult>;
  archiveStream(streamId: string): Promise<void>;
  /** The database the store works on, to make stores of other tenants over the same data. */
  readonly database: MemoryDatabase;
}

const CAPABILITIES: StoreCapabilities = Object.freeze({
  supportsSnapshots: true,
  supportsForgetting: true,
  supportsArchiving: true,
  supportsTransactionalHandlers: false,
});

type StoredEvent = RecordedEvent;

/** Whether the caller gave the event at `index` its id (the store made it otherwise). */
function givenId(events: readonly unknown[], index: number): boolean {
  return (events[index] as { eventId?: unknown }).eventId !== undefined;
}

/** The index in `log` of the first event after `after`. */
function firstIndexAfter(log: readonly StoredEvent[], after: Position): number {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((log[middle] as StoredEvent).position <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * What one store instance works with. The append path lives in module-level functions over this
 * state rather than in closures made per store: V8 keeps a function's optimised code only while
 * a closure that runs it is alive, so closures made per store were optimised again (some 30 ms
 * of compiling, and thousands of appends run unoptimised) for every new store once the previous
 * one had been collected.
 */
class StoreState {
  closed = false;
  /** `recordedAt` of the last append, reused within a millisecond (toISOString is costly). */
  isoTime = Number.NaN;
  iso = '';
  readonly prepareContext: PrepareContext;
  /** Whether the index makes the ids of events given none (no `newEventId` option). */
  readonly generatedIds: boolean;

  constructor(
    readonly tenant: string,
    readonly data: TenantData,
    readonly registry: EventRegistry | undefined,
    readonly now: () => number,
    newEventId: (() => string) | undefined,
  ) {
    this.prepareContext = newEventId
      ? { registry, newEventId }
      : new GeneratedIds(registry, data.eventIds);
    this.generatedIds = newEventId === undefined;
  }
}

type PrepareContext = Parameters<typeof prepareAppend>[3];

/**
 * The context `prepareAppend` takes, making ids with the tenant's index: a method rather than a
 * closure made per store, whose optimised code would die with the store.
 */
class GeneratedIds {
  constructor(
    readonly registry: EventRegistry | undefined,
    private readonly index: EventIdIndex,
  ) {}

  newEventId(): string {
    return this.index.generate();
  }
}

keepShape(
  new StoreState('', tenantData(createMemoryDatabase(), ''), undefined, Date.now, undefined),
);

function recordedAt(state: StoreState): string {
  const time = state.now();
  if (time !== state.isoTime) {
    state.isoTime = time;
    state.iso = new Date(time).toISOString();
  }
  return state.iso;
}

function ensureStateOpen(state: StoreState): void {
  if (state.closed) {
    throw new StorageError(
      `The memory event store of tenant ${JSON.stringify(state.tenant)} is closed`,
      { outcome: 'not_written' },
    );
  }
}

function readEvent(registry: EventRegistry, event: StoredEvent): StoredEvent {
  const stored = event.data;
  const current = registry.read(event.type, stored, event.metadata.schemaVersion ?? 1);
  if (current === stored) return event;
  return Object.freeze({ ...event, data: deepFreeze(current) }) as StoredEvent;
}

function readStateEvents(state: StoreState, events: StoredEvent[]): StoredEvent[] {
  const { registry } = state;
  return registry ? events.map((event) => readEvent(registry, event)) : events;
}

/** The original result when every event id of the append is already in this stream. */
function findReplay(
  state: StoreState,
  streamId: string,
  events: readonly unknown[],
  prepared: readonly PreparedEvent[],
): AppendResult | undefined {
  const { data } = state;
  let known = 0;
  for (let index = 0; index < prepared.length; index++) {
    // An id the store has just made is new by construction.
    if (!givenId(events, index)) continue;
    const event = prepared[index] as PreparedEvent;
    if (data.eventIds.find(event.eventId, data.log) !== undefined) known++;
  }
  if (known === 0) return undefined;
  const stored = prepared.flatMap((event) => {
    const globalPosition = data.eventIds.find(event.eventId, data.log);
    return globalPosition === undefined ? [] : [data.log[globalPosition - 1] as StoredEvent];
  });
  const foreign = stored.filter((event) => event.streamId !== streamId).map((e) => e.eventId);
  if (foreign.length > 0) {
    throw new IdempotencyConflictError(
      streamId,
      foreign,
      `Event ids ${foreign.map((id) => JSON.stringify(id)).join(', ')} already belong to another stream`,
    );
  }
  if (known < prepared.length) {
    throw new IdempotencyConflictError(
      streamId,
      stored.map((event) => event.eventId),
      `Only ${known} of the append's ${prepared.length} event ids were appended before: a retry must resend the same events`,
    );
  }
  stored.sort((a, b) => a.streamVersion - b.streamVersion);
  return {
    streamId,
    nextExpectedVersion: (stored.at(-1) as StoredEvent).streamVersion,
    events: readStateEvents(state, stored),
  };
}

function appendToStore(
  state: StoreState,
  streamId: string,
  events: readonly unknown[],
  appendOptions: AppendOptions,
): AppendResult {
  ensureStateOpen(state);
  const prepared = prepareAppend(
    streamId,
    events,
    appendOptions?.expectedVersion,
    state.prepareContext,
  );
  const replay = findReplay(state, streamId, events, prepared);
  if (replay) return replay;
  const { data } = state;
  const existing = data.streams.get(streamId);
  if (existing?.archived) {
    throw new DomainRuleViolation(
      'stream.archived',
      `Stream ${JSON.stringify(streamId)} is archived and takes no more events`,
      { streamId },
    );
  }
  checkExpectedVersion(streamId, appendOptions.expectedVersion, existing?.events.length ?? 0);

  const stream = existing ?? new StoredStream();
  const { log } = data;
  const at = recordedAt(state);
  const recorded: StoredEvent[] = new Array(prepared.length);
  let version = stream.events.length;
  for (let index = 0; index < prepared.length; index++) {
    const event = prepared[index] as PreparedEvent;
    const globalPosition = log.length + 1;
    const stored = new FrozenEvent(
      event.eventId,
      streamId,
      ++version,
      globalPosition,
      positionOf(globalPosition),
      event.type,
      event.data,
      event.metadata,
      at,
    );
    log.push(stored);
    stream.events.push(stored);
    data.eventIds.add(event.eventId, globalPosition, state.generatedIds && !givenId(events, index));
    if (event.personalSubject !== undefined) rememberPersonalData(state, event, globalPosition);
    recorded[index] = stored;
  }
  if (!existing) data.streams.set(streamId, stream);
  if (data.wakeUps.size > 0) for (const wake of [...data.wakeUps]) wake();
  return { streamId, nextExpectedVersion: version, events: recorded };
}

function rememberPersonalData(state: StoreState, event: PreparedEvent, globalPosition: number) {
  const fields = state.registry?.definition(event.type)?.personalData?.fields;
  if (!fields || fields.length === 0 || event.personalSubject === undefined) return;
  const { personalData } = state.data;
  const entries = personalData.get(event.personalSubject);
  const entry = { globalPosition, fields };
  if (entries) entries.push(entry);
  else personalData.set(event.personalSubject, [entry]);
}

/**
 * Creates an in-memory event store bound to one tenant: the embedded default and the reference
 * behaviour of the port (it passes the whole contract suite). Appends are O(1) amortised
 * whatever the stream's length and the number of streams; `readAll` finds its starting point by
 * binary search on the tenant's log. Data is stored as the frozen copies `prepareAppend` makes,
 * and events are handed out frozen.
 *
 * @throws {ValidationError} when the tenant is empty, too long or holds a NUL character.
 *
 * @example
 * ```ts
 * const store = createMemoryEventStore({ registry });
 * await store.append('account-01J…', [{ type: 'AccountOpened', data }], { expectedVersion: 'no_stream' });
 * ```
 */
export function createMemoryEventStore(options: MemoryEventStoreOptions = {}): MemoryEventStore {
  const tenant = options.tenant ?? 'default';
  assertIdentifier(tenant, 'tenant', ['tenant'], STORE_LIMITS.tenantLength);
  const database = options.database ?? createMemoryDatabase();
  const data = tenantData(database, tenant);
  const { registry, clock } = options;
  const now = clock ? () => clock().getTime() : Date.now;
  const state = new StoreState(tenant, data, registry, now, options.newEventId);
  const subscriptions = new Set<Subscription>();
  const ensureOpen = () => ensureStateOpen(state);
  const readEvents = (events: StoredEvent[]) => readStateEvents(state, events);

  function readStream(streamId: string, readOptions?: unknown): StreamRead {
    const { direction, fromVersion, toVersion, limit } = checkReadStreamOptions(
      streamId,
      readOptions as Parameters<typeof checkReadStreamOptions>[1],
    );
    const all = data.streams.get(streamId)?.events ?? [];
    const version = all.length;
    let events: StoredEvent[] = [];
    if (direction === 'forward') {
      const first = Math.max(fromVersion ?? 1, 1);
      const last = Math.min(toVersion ?? version, version, first - 1 + limit);
      if (first <= last) events = all.slice(first - 1, last);
    } else {
      const first = Math.min(fromVersion ?? version, version);
      const last = Math.max(toVersion ?? 1, 1, first + 1 - limit);
      if (first >= last) events = all.slice(last - 1, first).reverse();
    }
    return { streamId, version, events: readEvents(events) };
  }

  function readAll(readOptions?: unknown): LogRead {
    const { after, limit, types } = checkReadAllOptions(
      readOptions as Parameters<typeof checkReadAllOptions>[0],
    );
    const { log } = data;
    const wanted = types ? new Set(types) : undefined;
    const events: StoredEvent[] = [];
    let index = firstIndexAfter(log, after);
    while (index < log.length && events.length < limit) {
      const event = log[index++] as StoredEvent;
      if (!wanted || wanted.has(event.type)) events.push(event);
    }
    return {
      events: readEvents(events),
      next: events.at(-1)?.position ?? after,
      endOfLog: index >= log.length,
    };
  }

  function assertConsumer(consumer: unknown): asserts consumer is string {
    assertIdentifier(consumer, 'consumer', ['consumer'], STORE_LIMITS.nameLength);
  }

  function readCheckpoint(consumer: string): Position | null {
    assertConsumer(consumer);
    return data.checkpoints.get(consumer) ?? null;
  }

  function storeCheckpoint(
    consumer: string,
    position: Position,
    checkpointOptions: { readonly expected: Position | null },
  ): void {
    assertConsumer(consumer);
    const expected = checkpointOptions?.expected;
    for (const [path, value] of [
      ['position', position],
      ['expected', expected],
    ] as const) {
      if (path === 'expected' && value === null) continue;
      if (!isPosition(value)) {
        const message = `${path} must be a position returned by the store`;
        throw new ValidationError(message, [{ path: [path], message, code: 'invalid_value' }]);
      }
    }
    const actual = data.checkpoints.get(consumer) ?? null;
    if (actual !== expected) throw new CheckpointConflictError(consumer, expected, actual);
    data.checkpoints.set(consumer, position);
  }

  // #region subscription-source
  const source: SubscriptionLoopSource = {
    readAll: async (readOptions) => readAll(readOptions) as LogRead<never>,
    readCheckpoint: async (consumer) => readCheckpoint(consumer),
    storeCheckpoint: async (consumer, position, checkpointOptions) =>
      storeCheckpoint(consumer, position, checkpointOptions),
    armWakeUp: (signal) => armWakeUp(data, signal),
  };
  // #endregion subscription-source

  const snapshots: SnapshotStore = {
    async load<S>(streamId: string, reducerVersion: string) {
      ensureOpen();
      assertIdentifier(streamId, 'stream id', ['streamId'], STORE_LIMITS.streamIdLength);
      assertIdentifier(reducerVersion, 'reducer version', ['reducerVersion'], 256);
      return (data.snapshots.get(streamId)?.get(reducerVersion) as Snapshot<S>) ?? null;
    },
    async save(snapshot) {
      ensureOpen();
      const { streamId, reducerVersion, version } = snapshot ?? {};
      assertIdentifier(streamId, 'stream id', ['streamId'], STORE_LIMITS.streamIdLength);
      assertIdentifier(reducerVersion, 'reducer version', ['reducerVersion'], 256);
      if (!Number.isSafeInteger(version) || version < 0) {
        const message = 'version must be an integer >= 0';
        throw new ValidationError(message, [{ path: ['version'], message, code: 'invalid_value' }]);
      }
      // Stored as JSON would be by any other adapter, so that a snapshot behaves the same here.
      let state: unknown;
      try {
        state = JSON.parse(JSON.stringify(snapshot.state));
      } catch (cause) {
        const message = 'state must be JSON data';
        throw new ValidationError(message, [{ path: ['state'], message, code: 'not_json' }], {
          cause,
        });
      }
      const byVersion = data.snapshots.get(streamId) ?? new Map<string, Snapshot>();
      byVersion.set(reducerVersion, deepFreeze({ streamId, version, reducerVersion, state }));
      data.snapshots.set(streamId, byVersion);
    },
  };

  function forgetSubject(subjectId: string): ForgetResult {
    assertIdentifier(subjectId, 'subject id', ['subjectId'], STORE_LIMITS.nameLength);
    const entries = data.personalData.get(subjectId) ?? [];
    data.personalData.delete(subjectId);
    const streams = new Set<string>();
    let eventsRedacted = 0;
    for (const { globalPosition, fields } of entries) {
      const event = data.log[globalPosition - 1] as StoredEvent;
      streams.add(event.streamId);
      const stored = event.data;
      if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) continue;
      if (!fields.some((field) => Object.hasOwn(stored, field))) continue;
      const redacted: Record<string, JsonValue> = { ...(stored as Record<string, JsonValue>) };
      for (const field of fields) delete redacted[field];
      const forgotten = Object.freeze({ ...event, data: Object.freeze(redacted) }) as StoredEvent;
      data.log[globalPosition - 1] = forgotten;
      const stream = data.streams.get(event.streamId) as StoredStream;
      stream.events[event.streamVersion - 1] = forgotten;
      eventsRedacted++;
    }
    let snapshotsDeleted = 0;
    for (const streamId of streams) {
      snapshotsDeleted += data.snapshots.get(streamId)?.size ?? 0;
      data.snapshots.delete(streamId);
    }
    return { eventsRedacted, snapshotsDeleted };
  }

  function archiveStream(streamId: string): void {
    assertIdentifier(streamId, 'stream id', ['streamId'], STORE_LIMITS.streamIdLength);
    const stream = data.streams.get(streamId);
    if (!stream) throw new NotFoundError('stream', streamId);
    stream.archived = true;
  }

  return {
    tenant,
    capabilities: CAPABILITIES,
    database,
    snapshots,
    async append<E extends EventLike>(
      streamId: string,
      events: readonly unknown[],
      appendOptions: AppendOptions,
    ) {
      return appendToStore(state, streamId, events, appendOptions) as AppendResult<E>;
    },
    async readStream<E extends EventLike>(streamId: string, readOptions?: unknown) {
      ensureOpen();
      return readStream(streamId, readOptions) as StreamRead<E>;
    },
    async readAll<E extends EventLike>(readOptions?: unknown) {
      ensureOpen();
      return readAll(readOptions) as LogRead<E>;
    },
    async readCheckpoint(consumer) {
      ensureOpen();
      return readCheckpoint(consumer);
    },
    async storeCheckpoint(consumer, position, checkpointOptions) {
      ensureOpen();
      storeCheckpoint(consumer, position, checkpointOptions);
    },
    subscribe(subscribeOptions) {
      ensureOpen();
      const subscription = subscriptionLoop(source, subscribeOptions);
      subscriptions.add(subscription);
      subscription.done.then(
        () => subscriptions.delete(subscription),
        () => subscriptions.delete(subscription),
      );
      return subscription;
    },
    async forgetSubject(subjectId) {
      ensureOpen();
      return forgetSubject(subjectId);
    },
    async archiveStream(streamId) {
      ensureOpen();
      archiveStream(streamId);
    },
    async close() {
      state.closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
    },
  };
}

// #region wake-up
/** Resolves after the tenant's next append, or when `signal` aborts; then unregisters itself. */
function armWakeUp(data: TenantData, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const wake = () => {
      data.wakeUps.delete(wake);
      signal.removeEventListener('abort', wake);
      resolve();
    };
    data.wakeUps.add(wake);
    signal.addEventListener('abort', wake, { once: true });
  });
}
// #endregion wake-up
