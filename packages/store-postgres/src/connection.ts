import { ValidationError } from '@account-planning/core';
import type { Executor } from './executor/executor.js';
import {
  createClientExecutor,
  createPoolExecutor,
  type PostgresClient,
  type PostgresPool,
  quoteIdentifier,
} from './executor/pgExecutor.js';
import { createPGliteExecutor, type PGliteDatabase } from './executor/pgliteExecutor.js';

/**
 * Where the store's tables live: exactly one of a connection string (the store opens and
 * closes its own `pg` pool), a `pg` pool, one connected `pg` client, or a PGlite instance.
 * A pool, client or PGlite given by the caller stays open on `close()`: its owner ends it.
 */
export type PostgresConnection =
  | {
      /** `postgres://user@host:5432/db`: the store opens a `pg` pool and ends it on close. */
      readonly connectionString: string;
      /** Connections in the store's own pool (default 10). */
      readonly maxConnections?: number;
    }
  | { readonly pool: PostgresPool }
  | { readonly client: PostgresClient }
  | { readonly pglite: PGliteDatabase };

/** The default schema of the store's tables. */
export const DEFAULT_SCHEMA = 'account_planning';

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,47}$/;

/** The schema's identifiers, checked: what the SQL and the NOTIFY channel are made from. */
export interface SchemaNames {
  readonly schema: string;
  readonly quoted: string;
  readonly channel: string;
}

/**
 * Checks a schema name: lower-case letters, digits and underscores, starting with a letter or
 * underscore, at most 48 characters (so that the NOTIFY channel stays within PostgreSQL's 63).
 * @throws {ValidationError} otherwise.
 */
export function schemaNames(schema: unknown = DEFAULT_SCHEMA): SchemaNames {
  if (typeof schema !== 'string' || !SCHEMA_PATTERN.test(schema)) {
    const message =
      'schema must be 1 to 48 lower-case letters, digits or underscores, not starting with a digit';
    throw new ValidationError(message, [{ path: ['schema'], message, code: 'invalid_value' }]);
  }
  return { schema, quoted: quoteIdentifier(schema), channel: `${schema}_events` };
}

/**
 * Makes the executor for a connection option.
 * @throws {ValidationError} when not exactly one of the connection options is given.
 */
export async function executorFor(connection: PostgresConnection): Promise<Executor> {
  const given = ['connectionString', 'pool', 'client', 'pglite'].filter(
    (key) => (connection as Record<string, unknown>)?.[key] !== undefined,
  );
  if (given.length !== 1) {
    const message = 'give exactly one of connectionString, pool, client or pglite';
    throw new ValidationError(message, [{ path: given, message, code: 'invalid_value' }]);
  }
  if ('pglite' in connection && connection.pglite) {
    return createPGliteExecutor(connection.pglite, false);
  }
  if ('client' in connection && connection.client) return createClientExecutor(connection.client);
  if ('pool' in connection && connection.pool) return createPoolExecutor(connection.pool, false);
  const { connectionString, maxConnections } = connection as {
    connectionString: string;
    maxConnections?: number;
  };
  // Loaded only here, so that a PGlite-only bundle does not pull in pg.
  const pg = await import('pg');
  const Pool = pg.default?.Pool ?? (pg as unknown as { Pool: typeof pg.default.Pool }).Pool;
  const pool = new Pool({
    connectionString,
    max: maxConnections ?? 10,
    // The store's SQL relies on READ COMMITTED (statement snapshots for gap-safe reads, 'any'
    // appends that wait for the stream's lock), whatever the server's default.
    options: '-c default_transaction_isolation=read\\ committed',
  });
  // An idle connection that dies (a server restart) must not crash the process: the next
  // checkout reconnects.
  pool.on('error', () => {});
  return createPoolExecutor(pool as unknown as PostgresPool, true);
}
