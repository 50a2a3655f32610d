import { ValidationError } from '../errors.js';
import { isPosition, type Position, START_POSITION } from './position.js';
import { assertIdentifier, STORE_LIMITS } from './prepareAppend.js';
import type {
  EventLike,
  EventStore,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from './types.js';

/** The most events a subscription asks for per handler call. */
const MAX_BATCH_SIZE = 10_000;
const DEFAULT_BATCH_SIZE = 500;

/** One batch for {@link SubscriptionLoopSource.commitBatch}: handle it, then move the checkpoint. */
export interface BatchCommit<E extends EventLike = EventLike> {
  readonly events: readonly RecordedEvent<E>[];
  /** The position of the batch's last event: the consumer's new checkpoint. */
  readonly position: Position;
  /** The durable consumer, if the subscription has one. */
  readonly consumer: string | undefined;
  /** The consumer's checkpoint before this batch, for the compare-and-set (null: none yet). */
  readonly expected: Position | null;
  /** Aborted when the subscription is stopped. */
  readonly signal: AbortSignal;
  readonly handler: SubscribeOptions<E>['handler'];
}

/**
 * What {@link subscriptionLoop} needs from an adapter: its log reads and checkpoints, and a way
 * to be woken when the log grows.
 */
export interface SubscriptionLoopSource {
  readonly readAll: EventStore['readAll'];
  readonly readCheckpoint: EventStore['readCheckpoint'];
  readonly storeCheckpoint: EventStore['storeCheckpoint'];
  /**
   * Arms a wake-up: the promise resolves after the next append to this tenant's log that
   * commits after the call (spurious wake-ups are harmless: the loop just reads again), and as
   * soon as `signal` aborts, at which point the adapter must release whatever it registered.
   * The loop arms one before every read, so an append that lands between a read and the wait
   * is never missed. The memory store resolves on its own appends; a PostgreSQL adapter on
   * LISTEN/NOTIFY, possibly with a polling fallback.
   */
  armWakeUp(signal: AbortSignal): Promise<void>;
  /**
   * Handles one batch and moves the consumer's checkpoint (when there is a consumer). The
   * default calls the handler, then `storeCheckpoint(consumer, position, { expected })`.
   * Adapters with transactional handlers override it to do both in one transaction and pass
   * the transaction in the handler's context.
   * @throws {CheckpointConflictError} when the checkpoint moved meanwhile.
   */
  commitBatch?<E extends EventLike>(batch: BatchCommit<E>): Promise<void>;
}

interface CaughtUpWaiter {
  /** Only a read that started after this many reads can prove the subscription caught up. */
  readonly readsBefore: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Runs a subscription for an adapter: reads the log in pages from the consumer's checkpoint (or
 * `from`), hands each page to the handler in order, one call at a time, moves the checkpoint by
 * compare-and-set after each page, and once at the end of the log waits for the adapter's
 * wake-up before reading again. Delivery is at least once: a crash between a handler and its
 * checkpoint redelivers that page.
 *
 * `caughtUp()` resolves once every event visible when it was called has been handled (the loop
 * reads again to prove it), and rejects with the error that ended the subscription, or with
 * the abort reason if it was stopped first. `done` rejects with a handler's, the store's or a
 * checkpoint conflict's error; a stop (`stop()` or the `signal`) lets the page in flight finish
 * and resolves it.
 *
 * @throws {ValidationError} synchronously, for a bad consumer name, `from`, `types` or
 *   `batchSize`, or a missing handler.
 */
export function subscriptionLoop<E extends EventLike = EventLike>(
  source: SubscriptionLoopSource,
  options: SubscribeOptions<E>,
): Subscription {
  checkSubscribeOptions(options);
  const { consumer, types, handler } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const controller = new AbortController();
  const { signal } = controller;
  const userSignal = options.signal;
  const onUserAbort = () => controller.abort(userSignal?.reason);
  if (userSignal?.aborted) controller.abort(userSignal.reason);
  else userSignal?.addEventListener('abort', onUserAbort, { once: true });

  let position: Position = options.from ?? START_POSITION;
  let readsStarted = 0;
  let ended: { error: unknown } | undefined;
  let waiters: CaughtUpWaiter[] = [];
  // Set while the loop waits at the end of the log, so that caughtUp() can make it read again.
  let interruptWait: (() => void) | undefined;

  const commitBatch =
    source.commitBatch?.bind(source) ??
    (async (batch: BatchCommit<E>) => {
      await batch.handler(batch.events, { signal: batch.signal, position: batch.position });
      if (batch.consumer !== undefined) {
        await source.storeCheckpoint(batch.consumer, batch.position, {
          expected: batch.expected,
        });
      }
    });

  const settleWaiters = (readOrdinal: number) => {
    const still: CaughtUpWaiter[] = [];
    for (const waiter of waiters) {
      if (waiter.readsBefore < readOrdinal) waiter.resolve();
      else still.push(waiter);
    }
    waiters = still;
  };

  async function run(): Promise<void> {
    let checkpoint: Position | null = null;
    if (consumer !== undefined) {
      checkpoint = await source.readCheckpoint(consumer);
      if (checkpoint !== null) position = checkpoint;
    }
    while (!signal.aborted) {
      const wake = new AbortController();
      const cancelWake = () => wake.abort();
      signal.addEventListener('abort', cancelWake, { once: true });
      try {
        const woken = source.armWakeUp(wake.signal);
        // Only awaited at the end of the log; a wake-up that fails just means reading again.
        woken.catch(() => {});
        const readOrdinal = ++readsStarted;
        const page = await source.readAll<E>({
          after: position,
          limit: batchSize,
          ...(types === undefined ? {} : { types }),
        });
        if (signal.aborted) break;
        if (page.events.length > 0) {
          await commitBatch({
            events: page.events,
            position: page.next,
            consumer,
            expected: checkpoint,
            signal,
            handler,
          });
          if (consumer !== undefined) checkpoint = page.next;
          position = page.next;
        }
        if (!page.endOfLog) continue;
        settleWaiters(readOrdinal);
        if (signal.aborted || waiters.length > 0) continue;
        await new Promise<void>((resolve) => {
          interruptWait = resolve;
          woken.then(resolve, resolve);
          // Do not rely on the adapter alone to end the wait on a stop.
          wake.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        interruptWait = undefined;
      } finally {
        signal.removeEventListener('abort', cancelWake);
        wake.abort();
      }
    }
  }

  const done = run().then(
    () => {
      finish({ error: signal.reason });
    },
    (error: unknown) => {
      finish({ error });
      throw error;
    },
  );
  // A caller who never looks at `done` must not get an unhandled rejection; one who does
  // still sees it reject.
  done.catch(() => {});

  function finish(outcome: { error: unknown }) {
    ended = outcome;
    userSignal?.removeEventListener('abort', onUserAbort);
    for (const waiter of waiters) waiter.reject(outcome.error);
    waiters = [];
  }

  return {
    get position() {
      return position;
    },
    caughtUp() {
      if (ended) return Promise.reject(ended.error);
      return new Promise<void>((resolve, reject) => {
        waiters.push({ readsBefore: readsStarted, resolve, reject });
        interruptWait?.();
      });
    },
    done,
    stop() {
      controller.abort();
      return done.then(
        () => {},
        () => {},
      );
    },
  };
}

function checkSubscribeOptions<E extends EventLike>(options: SubscribeOptions<E>): void {
  const invalid = (path: string, message: string): never => {
    throw new ValidationError(`Invalid subscription: ${path} ${message}`, [
      { path: [path], message, code: 'invalid_value' },
    ]);
  };
  if (typeof options?.handler !== 'function') invalid('handler', 'must be a function');
  if (options.consumer !== undefined) {
    assertIdentifier(options.consumer, 'consumer', ['consumer'], STORE_LIMITS.nameLength);
  }
  if (options.from !== undefined && !isPosition(options.from)) {
    invalid('from', 'must be a position returned by the store');
  }
  const { batchSize } = options;
  if (
    batchSize !== undefined &&
    !(Number.isSafeInteger(batchSize) && batchSize >= 1 && batchSize <= MAX_BATCH_SIZE)
  ) {
    invalid('batchSize', `must be an integer from 1 to ${MAX_BATCH_SIZE}`);
  }
  if (options.types !== undefined) {
    if (!Array.isArray(options.types)) invalid('types', 'must be an array of event types');
    options.types.forEach((type, index) => {
      assertIdentifier(type, 'event type', ['types', index], STORE_LIMITS.nameLength);
    });
  }
}
