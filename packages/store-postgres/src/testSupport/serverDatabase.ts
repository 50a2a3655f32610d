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

const SERVER_LOCK = 727_001;

/**
 * Holds the test server for this test file, alone. Gap safety is global to the server (an open
 * transaction anywhere holds every reader back for a moment), so server test files take turns
 * rather than disturb each other's reads; one of them also restarts the server. Held on a
 * connection of its own; one lost to a restart is retried until the server is back. Returns the
 * release.
 */
export async function holdServer(): Promise<() => Promise<void>> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT pg_advisory_lock($1)', [SERVER_LOCK]);
      return async () => {
        await client.end().catch(() => {});
      };
    } catch (error) {
      await client.end().catch(() => {});
      if (attempt >= 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** How long a server test file may wait for its turn (see {@link holdServer}). */
export const SERVER_TURN_TIMEOUT_MS = 240_000;

/** Waits until the server accepts connections again (after a restart). */
export async function waitForServer(attempts = 120): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
