import pg from 'pg';

/**
 * The PostgreSQL server the integration tests use: `DATABASE_URL`, or undefined when it is not
 * set (the tests then run on PGlite only and say so).
 */
export const DATABASE_URL: string | undefined = process.env.DATABASE_URL || undefined;

/** Why the server tests are skipped, for the skip message. */
export const NO_SERVER_REASON = 'DATABASE_URL is not set: the server runs are skipped, PGlite runs';

/** A schema name no other test run uses. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

/** A pool on the test server; idle connections that die (a restart) do not crash the run. */
export function serverPool(max = 10, connectionString = DATABASE_URL): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => {});
  return pool;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
