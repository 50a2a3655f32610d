import { rm } from 'node:fs/promises';
import type { PostgresConnection } from '@account-planning/store-postgres';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** One connection to the example's database, and how to close it when done. */
export interface Connection {
  readonly connection: PostgresConnection;
  close(): Promise<void>;
}

/** Where the example keeps its events: a PGlite data directory, or a schema on a server. */
export interface Database {
  /** Where, for people. */
  readonly where: string;
  /** The schema of the store's tables. */
  readonly schema: string;
  /** Opens a connection, as a new process would. */
  connect(): Promise<Connection>;
  /** Removes every trace of the example: the data directory, or the schema. */
  destroy(): Promise<void>;
}

/**
 * The example's database: a schema of its own on the server at `databaseUrl` when one is given
 * (so that it never touches the tables of anything else there), otherwise embedded PGlite in a
 * data directory under the example.
 */
export async function exampleDatabase(databaseUrl: string | undefined): Promise<Database> {
  if (databaseUrl) {
    const schema = `example_postgres_${process.pid}`;
    return {
      where: `schema ${schema} on ${new URL(databaseUrl).host}`,
      schema,
      // The store opens its own pool from the connection string, and ends it on close().
      connect: async () => ({
        connection: { connectionString: databaseUrl },
        close: async () => {},
      }),
      async destroy() {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dataDir = new URL('../.pglite/', import.meta.url);
  // A run that was killed may have left its directory behind: start afresh.
  await rm(dataDir, { recursive: true, force: true });
  return {
    where: 'PGlite in examples/postgres/.pglite',
    schema: 'account_planning',
    async connect() {
      // A PGlite instance given to the store stays open on the store's close(): we end it.
      const pglite = await PGlite.create(dataDir.pathname);
      return { connection: { pglite }, close: () => pglite.close() };
    },
    destroy: () => rm(dataDir, { recursive: true, force: true }),
  };
}
