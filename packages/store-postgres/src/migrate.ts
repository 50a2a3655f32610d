import { StorageError } from '@account-planning/core';
import {
  executorFor,
  type PostgresConnection,
  type SchemaNames,
  schemaNames,
} from './connection.js';
import type { Executor } from './executor/executor.js';
import { MIGRATIONS } from './sql/migrations.js';
import { shortHash } from './sql/statements.js';

/** Options of {@link migrate}: a connection and the schema (default `account_planning`). */
export type MigrateOptions = PostgresConnection & { readonly schema?: string };

/** What {@link migrate} did. */
export interface MigrateResult {
  readonly schema: string;
  /** The versions applied by this call, in order (empty when the schema was up to date). */
  readonly applied: readonly number[];
  /** The schema's version afterwards: the highest migration applied. */
  readonly version: number;
}

/**
 * Creates or upgrades the store's schema: applies the numbered SQL migrations that are not yet
 * recorded in `<schema>.schema_migrations`, in order, in one transaction, under a transaction
 * advisory lock. Safe to run twice and from several processes at once: the second waits for the
 * first and then finds nothing to do.
 *
 * @throws {ValidationError} a bad schema name or connection option.
 * @throws {StorageError} the database failed; nothing was applied (the transaction rolled back).
 *
 * @example
 * ```ts
 * await migrate({ connectionString: process.env.DATABASE_URL });
 * await migrate({ pglite: await PGlite.create() });
 * ```
 */
export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const names = schemaNames(options.schema);
  const executor = await executorFor(options);
  try {
    return await migrateWith(executor, names);
  } finally {
    await executor.close();
  }
}

/** Applies the migrations through an executor the caller owns. */
export async function migrateWith(executor: Executor, names: SchemaNames): Promise<MigrateResult> {
  const { schema, quoted, channel } = names;
  const render = (sql: string) =>
    sql.replaceAll('{{schema}}', quoted).replaceAll('{{channel}}', channel);
  try {
    return await executor.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `account_planning.migrate:${schema}`,
      ]);
      await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${quoted};
        CREATE TABLE IF NOT EXISTS ${quoted}.schema_migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          checksum text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        );`);
      const { rows } = await tx.query(`SELECT version FROM ${quoted}.schema_migrations`);
      const done = new Set(rows.map((row) => Number(row.version)));
      const applied: number[] = [];
      for (const migration of MIGRATIONS) {
        if (done.has(migration.version)) continue;
        await tx.exec(render(migration.sql));
        await tx.query(
          `INSERT INTO ${quoted}.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)`,
          [migration.version, migration.name, shortHash(migration.sql)],
        );
        applied.push(migration.version);
      }
      const version = Math.max(0, ...done, ...applied);
      return { schema, applied, version };
    });
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(`Migrating schema ${schema} failed: ${(error as Error)?.message}`, {
      cause: error,
      outcome: 'not_written',
    });
  }
}
