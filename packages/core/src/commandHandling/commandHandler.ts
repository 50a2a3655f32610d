import type { z } from 'zod';
import { type Decider, fold } from '../decider/decider.js';
import { type ExpectedVersion, isAccountPlanningError, ValidationError } from '../errors.js';
import { assertIdentifier } from '../eventStore/prepareAppend.js';
import type {
  EventLike,
  EventMetadata,
  EventStore,
  NewEvent,
  RecordedEvent,
} from '../eventStore/types.js';

/** How a command handler retries after losing a concurrency race. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 5). */
  readonly maxAttempts?: number;
  /** Delay before the first retry, doubled each time, with jitter (default 2 ms). */
  readonly initialDelayMs?: number;
  /** Upper bound of one delay (default 100 ms). */
  readonly maxDelayMs?: number;
}

/** Options of {@link createCommandHandler}. */
export interface CommandHandlerOptions<S, C, E extends EventLike> {
  readonly store: EventStore;
  readonly decider: Decider<S, C, E>;
  /** Parses untrusted input into a command; a failure is a {@link ValidationError} with paths. */
  readonly commandSchema?: z.ZodType<C>;
  /**
   * Load from and save snapshots (needs `store.snapshots`). `reducerVersion` must change
   * whenever `evolve` or the state's shape changes: snapshots of another version are ignored.
   */
  readonly snapshots?: { readonly reducerVersion: string; readonly every?: number };
  readonly retry?: RetryPolicy;
  /** Business time for `metadata.occurredAt` when the caller gives none (default: now). */
  readonly clock?: () => Date;
  /** Jitter source for retry delays (default `Math.random`). */
  readonly random?: () => number;
  /** How to wait between retries (default `setTimeout`). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told when saving a snapshot fails; the command itself has succeeded by then. */
  readonly onSnapshotError?: (error: unknown, streamId: string) => void;
}

/** Options of one {@link CommandHandler.handle} call. */
export interface HandleOptions {
  /**
   * Makes the command safe to retry: a command whose key was already applied to the stream is
   * not applied again, and returns the events it recorded then (`replayed: true`). Unique per
   * tenant: the key also names the events (`<key>/<index>`), so reusing it on another stream is
   * an `IdempotencyConflictError`.
   */
  readonly idempotencyKey?: string;
  /**
   * Append only if the stream is still at this version (the version a user saw). A conflict is
   * then thrown to the caller instead of being retried.
   */
  readonly expectedVersion?: ExpectedVersion;
  /** Stored with every event; `occurredAt` defaults to the handler's clock. */
  readonly metadata?: EventMetadata;
}

/** What a handled command did. */
export interface CommandResult<S, E extends EventLike> {
  readonly streamId: string;
  /** The stream's state after the command. */
  readonly state: S;
  /** The stream's version after the command. */
  readonly version: number;
  /** The events the command recorded (on a replay: the ones it recorded the first time). */
  readonly events: readonly RecordedEvent<E>[];
  /** How many times the command was decided (1 without a concurrency conflict). */
  readonly attempts: number;
  /** True when the idempotency key had already been applied and nothing new was written. */
  readonly replayed: boolean;
}

/** A stream's state as loaded by {@link CommandHandler.load}. */
export interface LoadedState<S, E extends EventLike> {
  readonly state: S;
  readonly version: number;
  /** The events read after the snapshot (all of them without one). */
  readonly events: readonly RecordedEvent<E>[];
  /** The version of the snapshot the state was loaded from, if any. */
  readonly snapshotVersion: number | undefined;
}

/** Runs commands against one kind of aggregate: load, decide, append, retry on conflict. */
export interface CommandHandler<S, E extends EventLike> {
  /**
   * Parses the command, loads the stream, decides, and appends at the loaded version; on a
   * `ConcurrencyError` reloads and decides again, up to the retry policy's attempts.
   *
   * @throws {ValidationError} the command failed its schema; nothing written.
   * @throws {DomainRuleViolation} the decider refused it; nothing written.
   * @throws {ConcurrencyError} every attempt lost a race, or `expectedVersion` did not match.
   */
  handle(streamId: string, command: unknown, options?: HandleOptions): Promise<CommandResult<S, E>>;
  /** Loads a stream's state (from the latest usable snapshot, then the events after it). */
  load(streamId: string): Promise<LoadedState<S, E>>;
}

/**
 * Creates a command handler for one decider over one store.
 *
 * @example
 * ```ts
 * const accounts = createCommandHandler({ store, decider: accountDecider, commandSchema: AccountCommand });
 * const { state, events } = await accounts.handle('account-01J…', { type: 'OpenAccount', … },
 *   { idempotencyKey: request.headers['idempotency-key'] });
 * ```
 */
export function createCommandHandler<S, C, E extends EventLike>(
  options: CommandHandlerOptions<S, C, E>,
): CommandHandler<S, E> {
  const { store, decider } = options;
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const maxAttempts = Math.max(1, options.retry?.maxAttempts ?? 5);
  const initialDelayMs = options.retry?.initialDelayMs ?? 2;
  const maxDelayMs = options.retry?.maxDelayMs ?? 100;
  const snapshots = options.snapshots && store.snapshots ? options.snapshots : undefined;

  async function load(streamId: string): Promise<LoadedState<S, E>> {
    const snapshot = snapshots
      ? await store.snapshots?.load<S>(streamId, snapshots.reducerVersion)
      : null;
    const from = snapshot ? snapshot.version + 1 : 1;
    const read = await store.readStream<E>(streamId, { fromVersion: from });
    const state = fold(
      decider,
      read.events as Iterable<E>,
      snapshot?.state ?? decider.initialState,
    );
    return {
      state,
      version: read.version,
      events: read.events,
      snapshotVersion: snapshot?.version,
    };
  }

  async function findReplay(
    streamId: string,
    key: string,
    loaded: LoadedState<S, E>,
    fullScan: boolean,
  ): Promise<RecordedEvent<E>[]> {
    const events =
      fullScan && loaded.snapshotVersion !== undefined
        ? (await store.readStream<E>(streamId)).events
        : loaded.events;
    return events.filter((event) => event.metadata.idempotencyKey === key);
  }

  async function saveSnapshot(
    streamId: string,
    loaded: LoadedState<S, E>,
    state: S,
    version: number,
  ) {
    if (!snapshots || !store.snapshots) return;
    const every = snapshots.every ?? 100;
    if (version - (loaded.snapshotVersion ?? 0) < every) return;
    try {
      await store.snapshots.save({
        streamId,
        version,
        reducerVersion: snapshots.reducerVersion,
        state,
      });
    } catch (error) {
      options.onSnapshotError?.(error, streamId);
    }
  }

  async function handle(
    streamId: string,
    input: unknown,
    handleOptions: HandleOptions = {},
  ): Promise<CommandResult<S, E>> {
    assertIdentifier(streamId, 'stream id', ['streamId'], 512);
    const key = handleOptions.idempotencyKey;
    if (key !== undefined) assertIdentifier(key, 'idempotency key', ['idempotencyKey'], 200);
    let command = input as C;
    if (options.commandSchema) {
      const parsed = options.commandSchema.safeParse(input);
      if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'command');
      command = parsed.data;
    }
    const metadata: EventMetadata = {
      ...handleOptions.metadata,
      occurredAt: handleOptions.metadata?.occurredAt ?? clock().toISOString(),
      ...(key === undefined ? {} : { idempotencyKey: key }),
    };

    for (let attempt = 1; ; attempt++) {
      const loaded = await load(streamId);
      if (key !== undefined) {
        const replay = await findReplay(streamId, key, loaded, false);
        if (replay.length > 0) return replayed(streamId, loaded, replay, attempt);
      }
      let decided: readonly E[];
      try {
        decided = decider.decide(command, loaded.state);
      } catch (error) {
        // A retried command may have been applied before the snapshot we loaded from; only then
        // is a full scan worth its cost.
        if (
          isAccountPlanningError(error) &&
          error.code === 'domain_rule_violated' &&
          key !== undefined
        ) {
          const replay = await findReplay(streamId, key, loaded, true);
          if (replay.length > 0) return replayed(streamId, loaded, replay, attempt);
        }
        throw error;
      }
      if (decided.length === 0) {
        return {
          streamId,
          state: loaded.state,
          version: loaded.version,
          events: [],
          attempts: attempt,
          replayed: false,
        };
      }
      const toAppend: NewEvent<E>[] = decided.map((event, index) => ({
        type: event.type,
        data: event.data,
        metadata,
        ...(key === undefined ? {} : { eventId: `${key}/${index}` }),
      }));
      const expectedVersion = handleOptions.expectedVersion ?? loaded.version;
      try {
        const result = await store.append<E>(streamId, toAppend, { expectedVersion });
        // The store answers a re-append of known event ids with the original result: those
        // events are already part of the loaded state.
        if ((result.events[0]?.streamVersion ?? 0) <= loaded.version) {
          return replayed(streamId, loaded, [...result.events], attempt);
        }
        const state = fold(decider, result.events as Iterable<E>, loaded.state);
        await saveSnapshot(streamId, loaded, state, result.nextExpectedVersion);
        return {
          streamId,
          state,
          version: result.nextExpectedVersion,
          events: result.events,
          attempts: attempt,
          replayed: false,
        };
      } catch (error) {
        const retryable =
          // By code, not instanceof: the store may come with another copy of this package.
          isAccountPlanningError(error) &&
          error.code === 'concurrency_conflict' &&
          handleOptions.expectedVersion === undefined &&
          attempt < maxAttempts;
        if (!retryable) throw error;
        const backoff = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
        await sleep(backoff * (0.5 + random() / 2));
      }
    }
  }

  function replayed(
    streamId: string,
    loaded: LoadedState<S, E>,
    events: RecordedEvent<E>[],
    attempt: number,
  ): CommandResult<S, E> {
    return {
      streamId,
      state: loaded.state,
      version: loaded.version,
      events,
      attempts: attempt,
      replayed: true,
    };
  }

  return { handle, load };
}
