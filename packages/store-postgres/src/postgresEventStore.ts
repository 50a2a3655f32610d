import {
  type AppendOptions,
  type AppendResult,
  assertIdentifier,
  CheckpointConflictError,
  ConcurrencyError,
  checkReadAllOptions,
  checkReadStreamOptions,
  createIdFactory,
  DomainRuleViolation,
  decodePosition,
  type EventLike,
  type EventMetadata,
  type EventRegistry,
  type EventStore,
  type ExpectedVersion,
  type ForgetResult,
  IdempotencyConflictError,
  isAccountPlanningError,
  isPosition,
  type LogRead,
  type NewEvent,
  NotFoundError,
  type Position,
  type PreparedEvent,
  prepareAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type Snapshot,
  type SnapshotStore,
  START_POSITION,
  STORE_LIMITS,
  StorageError,
  type StoreCapabilities,
  type StreamRead,
  type SubscribeOptions,
  type Subscription,
  TenantIsolationError,
  ValidationError,
} from '@account-planning/core';
import { executorFor, type PostgresConnection, schemaNames } from './connection.js';
import type { Executor, PostgresTransaction, Statement } from './executor/executor.js';
import { isConnectionError } from './executor/pgExecutor.js';
import { positionOf } from './logPosition.js';
import { migrateWith } from './migrate.js';
import { statementsFor } from './sql/statements.js';
import { createSubscriptions } from './subscriptions/subscriptions.js';

/** Options of {@link createPostgresEventStore}: a connection, the tenant, and the rest. */
export type PostgresEventStoreOptions = PostgresConnection & {
  /** The tenant every call is bound to. */
  readonly tenant: string;
  /** The schema of the store's tables (default `account_planning`). */
  readonly schema?: string;
  /** Validates data on append and upcasts it on read. Without one, any JSON data is accepted. */
  readonly registry?: EventRegistry;
  /** Makes the ids of events appended without one (default: increasing ULIDs). */
  readonly newEventId?: () => string;
  /**
   * Runs {@link migrate} before the first call (default false: run migrations as a deployment
   * step). Handy for PGlite and tests.
   */
  readonly migrate?: boolean;
  /**
   * How often an idle subscription reads again when no notification came (default 1000 ms):
   * the fallback for missed notifications and for readers held back by an open transaction.
   */
  readonly pollIntervalMs?: number;
  /**
   * Whether appends send a NOTIFY to wake subscriptions in other processes (default true): at
   * most one per 20 ms per store, carried by an append, or sent on its own once appending
   * stops. Without it, those subscriptions find new events by polling.
   */
  readonly notify?: boolean;
};

/** How far a consumer is behind, from {@link PostgresEventStore.lag}. */
export interface ConsumerLag {
  readonly consumer: string;
  /** The consumer's checkpoint (the start of the log when it has none). */
  readonly checkpoint: Position;
  /** Committed events after the checkpoint, visible to readers or not yet. */
  readonly eventsBehind: number;
  /**
   * Committed events that readers cannot see yet because an older transaction is still open:
   * the price of gap safety, normally 0.
   */
  readonly eventsHeldBack: number;
  /**
   * Age in milliseconds of the oldest open transaction that holds an xid (and so holds readers
   * back), or null when there is none (or the role may not see other sessions' activity).
   */
  readonly oldestOpenTransactionMs: number | null;
}

/** The PostgreSQL event store: the whole port, every optional capability, and a lag figure. */
export interface PostgresEventStore extends EventStore {
  readonly snapshots: SnapshotStore;
  forgetSubject(subjectId: string): Promise<ForgetResult>;
  archiveStream(streamId: string): Promise<void>;
  /** The schema the store's tables live in. */
  readonly schema: string;
  /**
   * How far a consumer is behind the log, and whether an open transaction holds readers back.
   * @throws {ValidationError} a bad consumer name.
   */
  lag(consumer: string): Promise<ConsumerLag>;
}

const CAPABILITIES: StoreCapabilities = Object.freeze({
  supportsSnapshots: true,
  supportsForgetting: true,
  supportsArchiving: true,
  supportsTransactionalHandlers: true,
});

/**
 * The events' ids, types, data, metadata and personal-data subjects, as the append statements
 * take them ($5 to $9): plain values for one event (unless `asBatch`); for several, arrays of
 * ids, types and subjects, and the data and metadata as one JSON array each.
 */
function appendColumns(prepared: readonly PreparedEvent[], asBatch = false): unknown[] {
  if (prepared.length === 1 && !asBatch) {
    const event = prepared[0] as PreparedEvent;
    return [
      event.eventId,
      event.type,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      event.personalSubject ?? null,
    ];
  }
  const count = prepared.length;
  const ids = new Array<string>(count);
  const types = new Array<string>(count);
  const data = new Array<unknown>(count);
  const metadata = new Array<unknown>(count);
  const subjects = new Array<string | null>(count);
  for (let index = 0; index < count; index++) {
    const event = prepared[index] as PreparedEvent;
    ids[index] = event.eventId;
    types[index] = event.type;
    data[index] = event.data;
    metadata[index] = event.metadata;
    subjects[index] = event.personalSubject ?? null;
  }
  return [ids, types, JSON.stringify(data), JSON.stringify(metadata), subjects];
}

/** The `append_events` encoding of an expected version (see the migration). */
function encodeExpected(expected: ExpectedVersion): number {
  if (expected === 'any') return -1;
  if (expected === 'stream_exists') return -2;
  if (expected === 'no_stream') return 0;
  return expected;
}

const MAX_VERSION = Number.MAX_SAFE_INTEGER;
/** The shortest time between two notifications of one store (see `carriesNotification`). */
const NOTIFY_COOL_DOWN_MS = 20;
const UNIQUE_VIOLATION = '23505';
const RLS_VIOLATION = '42501';
const UNSUPPORTED_UNICODE = '22P05';

type Row = Readonly<Record<string, unknown>>;
type ArrayRow = readonly unknown[];

/** Where each of `EVENT_COLUMNS` (sql/statements.ts) is in a row read as an array. */
const COLUMN = {
  transactionId: 0,
  globalPosition: 1,
  streamId: 2,
  streamVersion: 3,
  eventId: 4,
  type: 5,
  data: 6,
  metadata: 7,
  recordedAt: 8,
} as const;
/** The rows of a statement marked `arrays`. */
const asArrays = (rows: readonly Row[]) => rows as unknown as readonly ArrayRow[];
/** A stream read's rows end with the stream's current version. */
const CURRENT_VERSION = 9;

/**
 * Creates a PostgreSQL event store bound to one tenant, over a server (`connectionString`, a
 * `pg` pool or client) or PGlite. Appends are one round trip; `readAll` is gap-safe (ordered by
 * the writers' transaction ids, showing only what no running transaction can still precede);
 * subscriptions wake on LISTEN/NOTIFY with a polling fallback, hold a per-consumer advisory lock
 * so that one process handles a consumer at a time, and hand the handler a transaction that
 * commits with the checkpoint. Run {@link migrate} first (or pass `migrate: true`).
 *
 * @throws {ValidationError} a bad tenant, schema or connection option.
 *
 * @example
 * ```ts
 * await migrate({ connectionString: process.env.DATABASE_URL });
 * const store = createPostgresEventStore({ connectionString: process.env.DATABASE_URL, tenant: 'acme', registry });
 * await store.append('account-01J…', [{ type: 'AccountOpened', data }], { expectedVersion: 'no_stream' });
 * await store.close();
 * ```
 */
export function createPostgresEventStore(options: PostgresEventStoreOptions): PostgresEventStore {
  const { tenant, registry } = options;
  assertIdentifier(tenant, 'tenant', ['tenant'], STORE_LIMITS.tenantLength);
  const names = schemaNames(options.schema);
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  if (!Number.isFinite(pollIntervalMs) || pollIntervalMs < 1) {
    const message = 'pollIntervalMs must be a positive number';
    throw new ValidationError(message, [
      { path: ['pollIntervalMs'], message, code: 'invalid_value' },
    ]);
  }
  const notify = options.notify ?? true;
  const newEventId = options.newEventId ?? createIdFactory();
  const st = statementsFor(names.quoted, names.channel);
  let closed = false;

  const ready: Promise<Executor> = (async () => {
    const executor = await executorFor(options);
    if (options.migrate) {
      try {
        await migrateWith(executor, names);
      } catch (error) {
        await executor.close();
        throw error;
      }
    }
    return executor;
  })();
  // Reported by the first call that needs the executor, not as an unhandled rejection.
  ready.catch(() => {});

  const executor = async (): Promise<Executor> => {
    if (closed) {
      throw new StorageError(
        `The PostgreSQL event store of tenant ${JSON.stringify(tenant)} is closed`,
        {
          outcome: 'not_written',
        },
      );
    }
    return ready;
  };

  /** Wraps a driver error: RLS refusals become tenant errors, the rest storage errors. */
  const failure = (error: unknown, what: string, writing: boolean): Error => {
    if (isAccountPlanningError(error)) return error;
    const code = (error as { code?: unknown })?.code;
    if (code === UNSUPPORTED_UNICODE) {
      const message = 'JSON data must not contain NUL characters';
      return new ValidationError(`${what}: ${message}`, [{ path: [], message, code: 'not_json' }]);
    }
    if (code === RLS_VIOLATION) {
      return new TenantIsolationError(
        tenant,
        `${what} was refused by row-level security for tenant ${JSON.stringify(tenant)}`,
      );
    }
    const outcome = writing && isConnectionError(error) ? 'unknown' : 'not_written';
    return new StorageError(`${what} failed: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
      outcome,
    });
  };

  /** An event from a row of `EVENT_COLUMNS`, read as an array. */
  const readEvent = (row: readonly unknown[], streamId: string): RecordedEvent => {
    const metadata = row[COLUMN.metadata] as EventMetadata;
    const type = row[COLUMN.type] as string;
    const globalPosition = Number(row[COLUMN.globalPosition]);
    const stored = row[COLUMN.data];
    return {
      eventId: row[COLUMN.eventId] as string,
      streamId,
      streamVersion: Number(row[COLUMN.streamVersion]),
      globalPosition,
      position: positionOf(row[COLUMN.transactionId] as string, globalPosition),
      type,
      data: registry ? registry.read(type, stored, metadata.schemaVersion ?? 1) : stored,
      metadata,
      recordedAt: row[COLUMN.recordedAt] as string,
    } as RecordedEvent;
  };

  /** The original result when every event id of the append is already in this stream. */
  async function replayOf(
    exec: Executor,
    streamId: string,
    prepared: readonly PreparedEvent[],
  ): Promise<AppendResult | undefined> {
    const ids = prepared.map((event) => event.eventId);
    const rows = asArrays(await exec.run(st.eventsById, [tenant, ids]));
    if (rows.length === 0) return undefined;
    const foreign = rows
      .filter((row) => row[COLUMN.streamId] !== streamId)
      .map((row) => row[COLUMN.eventId]);
    if (foreign.length > 0) {
      throw new IdempotencyConflictError(
        streamId,
        foreign as string[],
        `Event ids ${foreign.map((id) => JSON.stringify(id)).join(', ')} already belong to another stream`,
      );
    }
    if (rows.length < prepared.length) {
      throw new IdempotencyConflictError(
        streamId,
        rows.map((row) => row[COLUMN.eventId] as string),
        `Only ${rows.length} of the append's ${prepared.length} event ids were appended before: a retry must resend the same events`,
      );
    }
    const events = rows.map((row) => readEvent(row, streamId));
    return {
      streamId,
      nextExpectedVersion: (events.at(-1) as RecordedEvent).streamVersion,
      events,
    };
  }

  /** The append statement for an expected version (encoded) and a number of events. */
  function appendStatementFor(encoded: number, count: number): Statement {
    if (count === 1) {
      return encoded === 0
        ? st.appendNewOne
        : encoded === -1
          ? st.appendAnyOne
          : st.appendExistingOne;
    }
    return encoded === 0 ? st.appendNew : encoded === -1 ? st.appendAny : st.appendExisting;
  }

  async function append<E extends EventLike>(
    streamId: string,
    events: readonly NewEvent<E>[],
    appendOptions: AppendOptions,
  ): Promise<AppendResult<E>> {
    const exec = await executor();
    const expected = appendOptions?.expectedVersion;
    const prepared = prepareAppend(streamId, events, expected, { registry, newEventId });
    const count = prepared.length;
    let callerIds = false;
    for (let index = 0; index < count; index++) {
      if ((events[index] as NewEvent).eventId !== undefined) callerIds = true;
    }
    const encoded = encodeExpected(expected);
    let row: Row | undefined;
    let status: unknown;
    const notifying = carriesNotification(exec);
    appending++;
    try {
      [row] = await exec.run(appendStatementFor(encoded, count), [
        tenant,
        streamId,
        encoded,
        callerIds,
        ...appendColumns(prepared),
        notifying,
      ]);
      if (row) {
        status = 'ok';
      } else {
        // The plain statement moved nothing: append_events decides, and says why.
        [row] = await exec.run(st.appendFallback, [
          tenant,
          streamId,
          encoded,
          callerIds,
          ...appendColumns(prepared, true),
          notifying,
        ]);
        status = row?.status;
      }
    } catch (error) {
      appending--;
      if (notifying) notificationNotSent(exec);
      // A retry that raced its own first attempt on another stream lock: look the original up.
      if ((error as { code?: unknown })?.code === UNIQUE_VIOLATION) {
        const replay = await replayOf(exec, streamId, prepared).catch((lookup) => {
          throw failure(lookup, 'Looking up a retried append', false);
        });
        if (replay) return replay as AppendResult<E>;
      }
      throw failure(error, `Appending to stream ${JSON.stringify(streamId)}`, true);
    }
    appending--;
    // Only an append that committed events sent the notification it carried.
    if (notifying && status !== 'ok') notificationNotSent(exec);
    if (status === 'ok') {
      const version = Number(row?.stream_version) - count;
      // The plain statement returns one event's position as a value, the fallback as an array.
      const returned = row?.positions;
      const positions = (Array.isArray(returned) ? returned : [returned]) as readonly (
        | number
        | string
      )[];
      const transactionId = row?.transaction_id as string;
      const recordedAt = row?.recorded_at as string;
      const recorded = new Array<RecordedEvent>(count);
      for (let index = 0; index < count; index++) {
        const event = prepared[index] as PreparedEvent;
        const globalPosition = Number(positions[index]);
        recorded[index] = {
          eventId: event.eventId,
          streamId,
          streamVersion: version + index + 1,
          globalPosition,
          position: positionOf(transactionId, globalPosition),
          type: event.type,
          data: event.data,
          metadata: event.metadata,
          recordedAt,
        } as RecordedEvent;
      }
      if (subscriptions.active) subscriptions.wake();
      return {
        streamId,
        nextExpectedVersion: version + count,
        events: recorded as RecordedEvent<E>[],
      };
    }
    if (status === 'conflict') {
      throw new ConcurrencyError(streamId, expected, Number(row?.stream_version));
    }
    if (status === 'archived') {
      throw new DomainRuleViolation(
        'stream.archived',
        `Stream ${JSON.stringify(streamId)} is archived and takes no more events`,
        { streamId },
      );
    }
    if (status === 'duplicate') {
      const replay = await replayOf(exec, streamId, prepared).catch((error) => {
        throw failure(error, 'Looking up a retried append', false);
      });
      if (replay) return replay as AppendResult<E>;
    }
    throw new StorageError(
      `Appending to stream ${JSON.stringify(streamId)} returned ${String(status)}`,
      {
        outcome: 'unknown',
      },
    );
  }

  // Other processes' subscriptions learn of appends by NOTIFY. PostgreSQL serialises the commits
  // of notifying transactions on one lock, which would undo group commit for concurrent writers,
  // so an append carries the NOTIFY only when none was sent in the last NOTIFY_COOL_DOWN_MS. The
  // appends in between are announced by the next append that carries one, or, when appending
  // stops, by one trailing notification: a busy store sends no notification of its own, only
  // carried ones, and a subscriber hears of every append within about two cool-downs.
  let lastAnnounced = Number.NEGATIVE_INFINITY;
  /** Some append since the last notification has not been announced by one committed after it. */
  let unannounced = false;
  /** Appends sent and not yet settled. */
  let appending = 0;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  let announcing: Promise<void> | undefined;
  const scheduleTrailing = (exec: Executor, delayMs: number) => {
    if (trailing) return;
    trailing = setTimeout(() => sendTrailing(exec), delayMs);
    // A pending notification must not keep the process alive: close() sends it at once.
    trailing.unref?.();
  };
  const sendTrailing = (exec: Executor) => {
    trailing = undefined;
    if (!unannounced || closed) return;
    if (appending > 0) {
      // The next append to start will carry the notification, and commits after the ones in
      // flight; look again shortly in case none comes.
      scheduleTrailing(exec, NOTIFY_COOL_DOWN_MS / 4);
      return;
    }
    unannounced = false;
    lastAnnounced = performance.now();
    announcing = exec
      .run(st.notify, [names.channel, tenant])
      .then(
        () => {},
        () => {},
      )
      .finally(() => {
        announcing = undefined;
      });
  };
  /**
   * Whether the append about to start carries the notification (a trailing one is scheduled if
   * not). Called just before the append is counted in `appending`.
   */
  function carriesNotification(exec: Executor): boolean {
    if (!notify) return false;
    const now = performance.now();
    if (now - lastAnnounced >= NOTIFY_COOL_DOWN_MS) {
      lastAnnounced = now;
      // With no other append in flight, every earlier one has committed: this one's notification
      // (delivered when it commits) announces them too.
      if (appending === 0) unannounced = false;
      return true;
    }
    unannounced = true;
    scheduleTrailing(exec, lastAnnounced + NOTIFY_COOL_DOWN_MS - now);
    return false;
  }
  /** After an append that was to carry the notification but did not commit one. */
  function notificationNotSent(exec: Executor): void {
    unannounced = true;
    scheduleTrailing(exec, 0);
  }

  async function readStream<E extends EventLike = EventLike>(
    streamId: string,
    readOptions?: ReadStreamOptions,
  ): Promise<StreamRead<E>> {
    const exec = await executor();
    const { direction, fromVersion, toVersion, limit } = checkReadStreamOptions(
      streamId,
      readOptions,
    );
    const forward = direction === 'forward';
    const low = (forward ? fromVersion : toVersion) ?? 1;
    const high = (forward ? toVersion : fromVersion) ?? MAX_VERSION;
    // The first row carries the stream's version; an empty range is one row of nulls with it.
    let version = 0;
    let events: (RecordedEvent<E> | null)[];
    try {
      events = await exec.map(
        forward ? st.readStreamForward : st.readStreamBackward,
        [tenant, streamId, low, high, Number.isFinite(limit) ? limit : null],
        (row) => {
          if (version === 0) version = Number(row[CURRENT_VERSION]);
          return row[COLUMN.eventId] === null
            ? null
            : (readEvent(row, streamId) as RecordedEvent<E>);
        },
      );
    } catch (error) {
      throw failure(error, `Reading stream ${JSON.stringify(streamId)}`, false);
    }
    if (events[0] === null) return { streamId, version, events: [] };
    return { streamId, version, events: events as RecordedEvent<E>[] };
  }

  async function readAll<E extends EventLike = EventLike>(
    readOptions?: ReadAllOptions,
  ): Promise<LogRead<E>> {
    const exec = await executor();
    const { after, limit, types } = checkReadAllOptions(readOptions);
    return readAllWith(exec, after, limit, types) as Promise<LogRead<E>>;
  }

  async function readAllWith(
    exec: Executor,
    after: Position,
    limit: number,
    types: readonly string[] | undefined,
  ): Promise<LogRead> {
    const { commit, sequence } = decodePosition(after);
    // One row more than asked tells whether the end of the visible log was reached.
    const values: unknown[] = [tenant, commit.toString(), sequence.toString(), limit + 1];
    if (types !== undefined) values.push(types);
    let events: (RecordedEvent | null)[];
    let rows = 0;
    try {
      // The extra row is only counted: its event is not read (nor upcast).
      events = await exec.map(
        types === undefined ? st.readAll : st.readAllOfTypes,
        values,
        (row) => (rows++ < limit ? readEvent(row, row[COLUMN.streamId] as string) : null),
      );
    } catch (error) {
      throw failure(error, 'Reading the log', false);
    }
    const endOfLog = rows <= limit;
    if (!endOfLog) events.length = limit;
    return {
      events: events as RecordedEvent[],
      next: events.at(-1)?.position ?? after,
      endOfLog,
    };
  }

  function checkConsumer(consumer: unknown): asserts consumer is string {
    assertIdentifier(consumer, 'consumer', ['consumer'], STORE_LIMITS.nameLength);
  }

  async function readCheckpoint(consumer: string): Promise<Position | null> {
    const exec = await executor();
    checkConsumer(consumer);
    try {
      const [row] = await exec.run(st.readCheckpoint, [tenant, consumer]);
      return (row?.position as Position | undefined) ?? null;
    } catch (error) {
      throw failure(error, `Reading the checkpoint of ${JSON.stringify(consumer)}`, false);
    }
  }

  function checkCheckpointArguments(
    consumer: unknown,
    position: unknown,
    expected: unknown,
  ): asserts consumer is string {
    checkConsumer(consumer);
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
  }

  /**
   * The checkpoint compare-and-set, through `run` (autocommit, or the handler's transaction).
   * @throws {CheckpointConflictError} the checkpoint is not `expected`.
   */
  async function compareAndSetCheckpoint(
    run: (statement: Statement, values: readonly unknown[]) => Promise<readonly Row[]>,
    consumer: string,
    position: Position,
    expected: Position | null,
    lazily = false,
  ): Promise<void> {
    const moved =
      expected === null
        ? await run(lazily ? st.insertCheckpointLazily : st.insertCheckpoint, [
            tenant,
            consumer,
            position,
          ])
        : await run(lazily ? st.updateCheckpointLazily : st.updateCheckpoint, [
            tenant,
            consumer,
            position,
            expected,
          ]);
    if (moved.length > 0) return;
    const [row] = await run(st.readCheckpoint, [tenant, consumer]);
    throw new CheckpointConflictError(consumer, expected, (row?.position as string) ?? null);
  }

  async function storeCheckpoint(
    consumer: string,
    position: Position,
    checkpointOptions: { readonly expected: Position | null },
  ): Promise<void> {
    const exec = await executor();
    const expected = checkpointOptions?.expected;
    checkCheckpointArguments(consumer, position, expected);
    try {
      await compareAndSetCheckpoint(
        (statement, values) => exec.run(statement, values),
        consumer,
        position,
        expected,
      );
    } catch (error) {
      throw failure(error, `Storing the checkpoint of ${JSON.stringify(consumer)}`, true);
    }
  }

  const snapshots: SnapshotStore = {
    async load<S>(streamId: string, reducerVersion: string): Promise<Snapshot<S> | null> {
      const exec = await executor();
      assertIdentifier(streamId, 'stream id', ['streamId'], STORE_LIMITS.streamIdLength);
      assertIdentifier(reducerVersion, 'reducer version', ['reducerVersion'], 256);
      try {
        const [row] = await exec.run(st.loadSnapshot, [tenant, streamId, reducerVersion]);
        if (!row) return null;
        return { streamId, version: Number(row.version), reducerVersion, state: row.state as S };
      } catch (error) {
        throw failure(error, `Loading a snapshot of ${JSON.stringify(streamId)}`, false);
      }
    },
    async save(snapshot: Snapshot): Promise<void> {
      const exec = await executor();
      const { streamId, reducerVersion, version } = snapshot ?? {};
      assertIdentifier(streamId, 'stream id', ['streamId'], STORE_LIMITS.streamIdLength);
      assertIdentifier(reducerVersion, 'reducer version', ['reducerVersion'], 256);
      if (!Number.isSafeInteger(version) || version < 0) {
        const message = 'version must be an integer >= 0';
        throw new ValidationError(message, [{ path: ['version'], message, code: 'invalid_value' }]);
      }
      let state: string | undefined;
      try {
        state = JSON.stringify(snapshot.state);
      } catch (cause) {
        const message = 'state must be JSON data';
        throw new ValidationError(message, [{ path: ['state'], message, code: 'not_json' }], {
          cause,
        });
      }
      if (state === undefined) {
        const message = 'state must be JSON data';
        throw new ValidationError(message, [{ path: ['state'], message, code: 'not_json' }]);
      }
      try {
        await exec.run(st.saveSnapshot, [tenant, streamId, reducerVersion, version, state]);
      } catch (error) {
        throw failure(error, `Saving a snapshot of ${JSON.stringify(streamId)}`, true);
      }
    },
  };

  /** Each event type's personal-data fields, as the registry declares them. */
  const personalFields = JSON.stringify(
    Object.fromEntries(
      (registry?.definitions ?? [])
        .filter((definition) => (definition.personalData?.fields.length ?? 0) > 0)
        .map((definition) => [definition.type, definition.personalData?.fields]),
    ),
  );

  async function forgetSubject(subjectId: string): Promise<ForgetResult> {
    const exec = await executor();
    assertIdentifier(subjectId, 'subject id', ['subjectId'], STORE_LIMITS.nameLength);
    try {
      const [row] = await exec.run(st.forgetSubject, [tenant, subjectId, personalFields]);
      return {
        eventsRedacted: Number(row?.events_redacted ?? 0),
        snapshotsDeleted: Number(row?.snapshots_deleted ?? 0),
      };
    } catch (error) {
      throw failure(error, `Forgetting subject ${JSON.stringify(subjectId)}`, true);
    }
  }

  async function archiveStream(streamId: string): Promise<void> {
    const exec = await executor();
    assertIdentifier(streamId, 'stream id', ['streamId'], STORE_LIMITS.streamIdLength);
    let rows: readonly Row[];
    try {
      rows = await exec.run(st.archiveStream, [tenant, streamId]);
    } catch (error) {
      throw failure(error, `Archiving stream ${JSON.stringify(streamId)}`, true);
    }
    if (rows.length === 0) throw new NotFoundError('stream', streamId);
  }

  async function lag(consumer: string): Promise<ConsumerLag> {
    checkConsumer(consumer);
    const checkpoint = (await readCheckpoint(consumer)) ?? START_POSITION;
    const exec = await executor();
    const { commit, sequence } = decodePosition(checkpoint);
    try {
      const [row] = await exec.run(st.lag, [tenant, commit.toString(), sequence.toString()]);
      const oldest = row?.oldest_transaction_ms;
      return {
        consumer,
        checkpoint,
        eventsBehind: Number(row?.events_behind ?? 0),
        eventsHeldBack: Number(row?.events_held_back ?? 0),
        oldestOpenTransactionMs: oldest === null || oldest === undefined ? null : Number(oldest),
      };
    } catch (error) {
      throw failure(error, `Measuring the lag of ${JSON.stringify(consumer)}`, false);
    }
  }

  const subscriptions = createSubscriptions({
    tenant,
    schema: names.schema,
    channel: names.channel,
    pollIntervalMs,
    executor,
    readAll: async (after, limit, types) => readAllWith(await executor(), after, limit, types),
    readCheckpoint,
    storeCheckpoint,
    async subscriptionCheckpoint(
      tx: PostgresTransaction | undefined,
      consumer,
      position,
      expected,
    ) {
      const run = tx
        ? async (statement: Statement, values: readonly unknown[]) =>
            (await tx.query(statement.text, values)).rows
        : async (statement: Statement, values: readonly unknown[]) =>
            (await executor()).run(statement, values);
      try {
        await compareAndSetCheckpoint(run, consumer, position, expected, true);
      } catch (error) {
        throw failure(error, `Storing the checkpoint of ${JSON.stringify(consumer)}`, true);
      }
    },
  });

  return {
    tenant,
    schema: names.schema,
    capabilities: CAPABILITIES,
    append,
    readStream,
    readAll,
    readCheckpoint,
    storeCheckpoint,
    subscribe<E extends EventLike = EventLike>(
      subscribeOptions: SubscribeOptions<E>,
    ): Subscription {
      if (closed) {
        throw new StorageError(
          `The PostgreSQL event store of tenant ${JSON.stringify(tenant)} is closed`,
          {
            outcome: 'not_written',
          },
        );
      }
      return subscriptions.subscribe(subscribeOptions);
    },
    snapshots,
    forgetSubject,
    archiveStream,
    lag,
    async close() {
      if (closed) return;
      closed = true;
      await subscriptions.close();
      clearTimeout(trailing);
      trailing = undefined;
      await announcing;
      const exec = await ready.catch(() => undefined);
      if (exec && unannounced) {
        await exec.run(st.notify, [names.channel, tenant]).catch(() => {});
      }
      await exec?.close();
    },
  };
}
