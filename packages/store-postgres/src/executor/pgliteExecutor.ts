import type { Executor, ExecutorTransaction, QueryResultLike } from './executor.js';

/**
 * The part of a PGlite instance (`@electric-sql/pglite`) the store uses. A structural type, so
 * that PGlite stays an optional peer dependency.
 */
export interface PGliteDatabase {
  query(
    query: string,
    params?: unknown[],
    options?: { rowMode?: 'array' | 'object' },
  ): Promise<QueryResultLike>;
  transaction<T>(
    callback: (tx: {
      query(query: string, params?: unknown[]): Promise<QueryResultLike>;
      exec(query: string): Promise<unknown>;
    }) => Promise<T>,
  ): Promise<T>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * An executor over PGlite: one in-process connection. PGlite queues every query behind an open
 * transaction itself; LISTEN/NOTIFY works within the process.
 */
export function createPGliteExecutor(db: PGliteDatabase, owned: boolean): Executor {
  const unlistens = new Set<() => Promise<void>>();
  let closed = false;
  return {
    singleConnection: true,
    backend: db,
    async run(statement, values) {
      const result = await db.query(
        statement.text,
        values as unknown[],
        statement.arrays ? { rowMode: 'array' } : undefined,
      );
      return result.rows;
    },
    async map(statement, values, each) {
      const result = await db.query(statement.text, values as unknown[], { rowMode: 'array' });
      return (result.rows as unknown as readonly (readonly unknown[])[]).map((row) => each(row));
    },
    transaction(work) {
      return db.transaction((tx) => {
        const wrapped: ExecutorTransaction = {
          query: (text, values) => tx.query(text, (values ?? []) as unknown[]),
          exec: async (script) => {
            await tx.exec(script);
          },
        };
        return work(wrapped);
      });
    },
    async openControlSession() {
      const mine = new Set<() => Promise<void>>();
      let markLost: () => void = () => {};
      const lost = new Promise<void>((resolve) => {
        markLost = resolve;
      });
      return {
        query: (text, values) => db.query(text, (values ?? []) as unknown[]),
        async listen(channel, handler) {
          const unlisten = await db.listen(channel, handler);
          mine.add(unlisten);
          unlistens.add(unlisten);
        },
        lost,
        async release() {
          markLost();
          for (const unlisten of mine) {
            unlistens.delete(unlisten);
            await unlisten().catch(() => {});
          }
          mine.clear();
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const unlisten of unlistens) await unlisten().catch(() => {});
      unlistens.clear();
      if (owned) await db.close();
    },
  };
}
