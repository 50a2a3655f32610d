import type { Executor, PostgresTransaction } from '../executor/executor.js';

/** A transaction begun on first use: what a subscription batch hands its handler. */
export interface LazyTransaction {
  /** The handle given to the handler: its first query begins the transaction. */
  readonly handle: PostgresTransaction;
  /** True once the handler used the handle. */
  readonly begun: boolean;
  /** The open transaction (begins it if needed). */
  transaction(): Promise<PostgresTransaction>;
  /** Commits, if begun. Throws when a query in it failed (PostgreSQL would roll it back). */
  commit(): Promise<void>;
  /** Rolls back, if begun. Never throws. */
  rollback(): Promise<void>;
}

const ROLLBACK = Symbol('rollback');

/**
 * Begins a transaction on `executor` only when the handler first queries through it, so that a
 * handler that never does holds no connection (and, on PGlite or a single client, does not
 * block the store's other calls) while it runs.
 */
export function lazyTransaction(executor: Executor): LazyTransaction {
  let open: Promise<PostgresTransaction> | undefined;
  let outcome: Promise<void> = Promise.resolve();
  let finish: (commit: boolean) => void = () => {};
  let failed: unknown;
  let hasFailed = false;

  const transaction = (): Promise<PostgresTransaction> => {
    if (!open) {
      const decided = new Promise<boolean>((resolve) => {
        finish = resolve;
      });
      open = new Promise<PostgresTransaction>((resolveTx, rejectTx) => {
        outcome = executor
          .transaction(async (tx) => {
            resolveTx(tx);
            if (!(await decided)) throw ROLLBACK;
          })
          .catch((error: unknown) => {
            rejectTx(error);
            if (error !== ROLLBACK) throw error;
          });
      });
    }
    return open;
  };

  return {
    handle: {
      async query(text, values) {
        const tx = await transaction();
        try {
          return await tx.query(text, values);
        } catch (error) {
          hasFailed = true;
          failed = error;
          throw error;
        }
      },
    },
    get begun() {
      return open !== undefined;
    },
    transaction,
    async commit() {
      if (!open) return;
      await open;
      if (hasFailed) {
        finish(false);
        await outcome.catch(() => {});
        throw failed;
      }
      finish(true);
      await outcome;
    },
    async rollback() {
      if (!open) return;
      try {
        await open;
      } catch {
        return;
      }
      finish(false);
      await outcome.catch(() => {});
    },
  };
}
