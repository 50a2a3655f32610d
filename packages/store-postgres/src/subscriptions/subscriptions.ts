import {
  assertIdentifier,
  type BatchCommit,
  type EventLike,
  type LogRead,
  type Position,
  STORE_LIMITS,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionLoopSource,
  subscriptionLoop,
} from '@account-planning/core';
import type { ControlSession, Executor, PostgresTransaction } from '../executor/executor.js';
import { isConnectionError } from '../executor/pgExecutor.js';
import { lazyTransaction } from './lazyTransaction.js';

/** What the subscriptions need from their store. */
export interface SubscriptionDependencies {
  readonly tenant: string;
  readonly schema: string;
  readonly channel: string;
  readonly pollIntervalMs: number;
  readonly executor: () => Promise<Executor>;
  readAll(after: Position, limit: number, types: readonly string[] | undefined): Promise<LogRead>;
  readCheckpoint(consumer: string): Promise<Position | null>;
  storeCheckpoint(
    consumer: string,
    position: Position,
    options: { readonly expected: Position | null },
  ): Promise<void>;
  /**
   * A batch's checkpoint compare-and-set, in the handler's transaction when it has one. It
   * commits without waiting for the disk: a crash only redelivers the last batches.
   * @throws {CheckpointConflictError} the checkpoint moved.
   */
  subscriptionCheckpoint(
    tx: PostgresTransaction | undefined,
    consumer: string,
    position: Position,
    expected: Position | null,
  ): Promise<void>;
}

/** A store's subscriptions: start one, wake them all, stop them all. */
export interface Subscriptions {
  subscribe<E extends EventLike>(options: SubscribeOptions<E>): Subscription;
  /** Wakes every subscription waiting at the end of the log (after a local append). */
  wake(): void;
  /** True while some subscription runs (so that appends only wake when someone listens). */
  readonly active: boolean;
  /** Stops every subscription and ends the control session. */
  close(): Promise<void>;
}

/** A consumer lease: an advisory lock held by the control session. */
interface Lease {
  /** Settles when the lock is lost with its connection. */
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

// Session advisory locks are re-entrant within a session: where several stores share one
// connection (PGlite, a single client), the process also keeps its own set of held leases.
const localLeases = new WeakMap<object, Set<string>>();

const MAX_BACKOFF_MS = 5000;

/** Sleeps, waking early (without error) when `signal` aborts. Leaves no timer behind. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Errors after which a subscription starts again from its checkpoint instead of failing: a lost
 * connection. A checkpoint moved by someone else is not one of them: it ends the subscription
 * with the CheckpointConflictError, as the port says.
 */
function isRecoverable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (isConnectionError(cause)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The subscriptions of one store. Each runs core's `subscriptionLoop` over the store's gap-safe
 * `readAll`, woken by LISTEN/NOTIFY on the schema's channel (payload: the tenant), by the store's
 * own appends, and by a poll every `pollIntervalMs` as a fallback. A durable consumer first takes
 * its lease (a session advisory lock) so that one process handles it at a time; the others
 * wait. Each batch's handler gets a transaction that commits with the checkpoint. A lost
 * connection, or a checkpoint moved by another process, restarts the loop from the stored
 * checkpoint (with backoff); a handler's error ends the subscription.
 */
export function createSubscriptions(deps: SubscriptionDependencies): Subscriptions {
  const { tenant, schema, channel, pollIntervalMs } = deps;
  const waiters = new Set<() => void>();
  const running = new Set<Subscription>();
  let control: Promise<ControlSession> | undefined;
  let closed = false;

  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };

  /** The control session, opened (again) on demand: LISTEN and the consumers' leases. */
  function controlSession(): Promise<ControlSession> {
    if (control) return control;
    const opening = (async () => {
      const exec = await deps.executor();
      const session = await exec.openControlSession();
      try {
        await session.listen(channel, (payload) => {
          if (payload === tenant) wake();
        });
      } catch (error) {
        await session.release();
        throw error;
      }
      void session.lost.then(() => {
        if (control === opening) control = undefined;
        wake();
      });
      if (closed) await session.release();
      return session;
    })();
    control = opening;
    opening.catch(() => {
      if (control === opening) control = undefined;
    });
    return opening;
  }

  function armWakeUp(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, pollIntervalMs);
      waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
      // (Re)establishes LISTEN; while it is down, the poll above still wakes the loop.
      if (!closed) controlSession().catch(() => {});
    });
  }

  async function acquireLease(consumer: string, signal: AbortSignal): Promise<Lease | undefined> {
    const key = JSON.stringify(['account_planning.consumer', schema, tenant, consumer]);
    let backoff = 50;
    while (!signal.aborted) {
      try {
        const exec = await deps.executor();
        const backend = exec.backend;
        let local = localLeases.get(backend);
        if (!local) {
          local = new Set();
          localLeases.set(backend, local);
        }
        if (!local.has(key)) {
          // Claimed before the await, so that two subscriptions of this process cannot both pass.
          local.add(key);
          const held = local;
          let session: ControlSession;
          let taken = false;
          try {
            session = await controlSession();
            const { rows } = await session.query(
              'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
              [key],
            );
            taken = rows[0]?.ok === true;
          } finally {
            if (!taken) held.delete(key);
          }
          if (taken) {
            return {
              lost: session.lost,
              async release() {
                held.delete(key);
                await session
                  .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key])
                  .catch(() => {});
              },
            };
          }
        }
        backoff = 50;
        await sleep(pollIntervalMs, signal);
      } catch (error) {
        if (!isRecoverable(error)) throw error;
        await sleep(backoff, signal);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
    return undefined;
  }

  const source: SubscriptionLoopSource = {
    async readAll(options) {
      // LISTEN is in place before a read, so that an append committed after the read wakes the
      // loop. If it cannot be set up, polling still does.
      if (!closed) await controlSession().catch(() => {});
      return deps.readAll(
        options?.after as Position,
        options?.limit as number,
        options?.types,
      ) as ReturnType<SubscriptionLoopSource['readAll']>;
    },
    readCheckpoint: (consumer) => deps.readCheckpoint(consumer),
    storeCheckpoint: (consumer, position, options) =>
      deps.storeCheckpoint(consumer, position, options),
    armWakeUp,
    async commitBatch<E extends EventLike>(batch: BatchCommit<E>): Promise<void> {
      const exec = await deps.executor();
      const tx = lazyTransaction(exec);
      try {
        await batch.handler(batch.events, {
          signal: batch.signal,
          position: batch.position,
          transaction: tx.handle,
        });
        if (batch.consumer !== undefined) {
          await deps.subscriptionCheckpoint(
            tx.begun ? await tx.transaction() : undefined,
            batch.consumer,
            batch.position,
            batch.expected,
          );
        }
        await tx.commit();
      } catch (error) {
        await tx.rollback();
        throw error;
      }
    },
  };

  function subscribe<E extends EventLike>(options: SubscribeOptions<E>): Subscription {
    const controller = new AbortController();
    const { signal } = controller;
    const userSignal = options.signal;
    const onUserAbort = () => controller.abort(userSignal?.reason);
    if (userSignal?.aborted) controller.abort(userSignal.reason);
    else userSignal?.addEventListener('abort', onUserAbort, { once: true });
    const { consumer } = options;

    // Validates the options synchronously, like the memory store: a loop that is stopped before
    // it starts (and so reads nothing) stands in until the first real one runs.
    if (consumer !== undefined) {
      assertIdentifier(consumer, 'consumer', ['consumer'], STORE_LIMITS.nameLength);
    }
    const { consumer: _durable, ...anonymous } = options;
    let inner: Subscription = subscriptionLoop(source, {
      ...anonymous,
      signal: AbortSignal.abort(),
    });
    let innerStarted: () => void = () => {};
    let nextInner = new Promise<void>((resolve) => {
      innerStarted = resolve;
    });
    let position: Position | undefined = options.from;
    let ended = undefined as { error: unknown } | undefined;

    async function run(): Promise<void> {
      let backoff = 50;
      while (!signal.aborted) {
        let lease: Lease | undefined;
        try {
          if (consumer !== undefined) {
            lease = await acquireLease(consumer, signal);
            if (!lease) break;
          }
          const innerController = new AbortController();
          const stopInner = () => innerController.abort(signal.reason);
          signal.addEventListener('abort', stopInner, { once: true });
          inner = subscriptionLoop(source, {
            ...options,
            // A consumer resumes from its stored checkpoint; an anonymous subscription from the
            // last event it handled.
            ...(consumer === undefined && position !== undefined ? { from: position } : {}),
            signal: innerController.signal,
          });
          innerStarted();
          nextInner = new Promise<void>((resolve) => {
            innerStarted = resolve;
          });
          const outcome = await Promise.race([
            inner.done.then(
              () => ({ kind: 'stopped' as const }),
              (error: unknown) => ({ kind: 'failed' as const, error }),
            ),
            (lease?.lost ?? new Promise<never>(() => {})).then(() => ({ kind: 'lost' as const })),
          ]);
          signal.removeEventListener('abort', stopInner);
          if (consumer === undefined) position = inner.position;
          if (outcome.kind === 'lost') {
            await inner.stop();
            continue;
          }
          if (outcome.kind === 'failed' && !signal.aborted) {
            if (!isRecoverable(outcome.error)) throw outcome.error;
            await lease?.release();
            lease = undefined;
            await sleep(backoff, signal);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            continue;
          }
          backoff = 50;
        } finally {
          await lease?.release();
        }
      }
    }

    const done = run().then(
      () => finish({ error: signal.reason }),
      (error: unknown) => {
        finish({ error });
        controller.abort(error);
        throw error;
      },
    );
    // A caller who never looks at `done` must not get an unhandled rejection.
    done.catch(() => {});

    const subscription: Subscription = {
      get position() {
        return inner.position ?? position;
      },
      async caughtUp() {
        for (;;) {
          if (ended) throw ended.error;
          const current = inner;
          const started = nextInner;
          try {
            await current.caughtUp();
            return;
          } catch {
            const outcome = ended as { error: unknown } | undefined;
            if (outcome) throw outcome.error;
            // The loop was restarted (connection lost, lease moved): ask its successor.
            if (current === inner) await Promise.race([started, done.catch(() => {})]);
          }
        }
      },
      done,
      async stop() {
        controller.abort();
        await done.catch(() => {});
      },
    };

    function finish(outcome: { error: unknown }) {
      ended = outcome;
      running.delete(subscription);
      userSignal?.removeEventListener('abort', onUserAbort);
      innerStarted();
    }

    running.add(subscription);
    return subscription;
  }

  return {
    subscribe,
    wake,
    get active() {
      return running.size > 0;
    },
    async close() {
      closed = true;
      await Promise.all([...running].map((subscription) => subscription.stop()));
      wake();
      const session = await control?.catch(() => undefined);
      control = undefined;
      await session?.release();
    },
  };
}
