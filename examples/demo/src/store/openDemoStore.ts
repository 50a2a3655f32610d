import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { relative } from 'node:path';
import { createDomainEventRegistry, type EventStore } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { createPostgresEventStore, migrate } from '@account-planning/store-postgres';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DemoStorage } from '../cli/parseDemoArgs.js';

/** The store the demo was pointed at cannot be used: one line for the user, no stack. */
export class DemoStoreError extends Error {
  override readonly name = 'DemoStoreError';
}

/** The demo's schema on a PostgreSQL server: its own, so that it never touches anything else. */
export const DEMO_SCHEMA = 'account_planning_demo';
const TENANT = 'demo';

/** An opened store, where it is, and how to empty or close it. */
export interface DemoStore {
  readonly store: EventStore;
  /** Where the events are, for people. */
  readonly where: string;
  /** Whether the events survive the run (PGlite on disk, a server). */
  readonly durable: boolean;
  /** Removes every event the demo stored, and opens an empty store in its place. */
  wipe(): Promise<DemoStore>;
  close(): Promise<void>;
}

/**
 * Opens the demo's store: in memory, embedded PGlite in a data directory (created and migrated
 * on first use), or a schema of its own on a PostgreSQL server (migrated first).
 *
 * @throws {DemoStoreError} the data directory holds something that is not a PGlite database,
 *   or the server cannot be reached.
 */
export async function openDemoStore(storage: DemoStorage, cwd: string): Promise<DemoStore> {
  const registry = createDomainEventRegistry();
  switch (storage.kind) {
    case 'memory': {
      const open = (): DemoStore => {
        const store = createMemoryEventStore({ registry });
        return {
          store,
          where: 'memory',
          durable: false,
          wipe: async () => open(),
          close: () => store.close(),
        };
      };
      return open();
    }
    case 'pglite': {
      const { dataDir } = storage;
      const shown = `PGlite in ${relative(cwd, dataDir) || '.'}/`;
      if (
        existsSync(dataDir) &&
        (await readdir(dataDir)).length > 0 &&
        !existsSync(`${dataDir}/PG_VERSION`)
      ) {
        throw new DemoStoreError(
          `${dataDir} is not empty and holds no PGlite database: choose another --data-dir`,
        );
      }
      const open = async (): Promise<DemoStore> => {
        const pglite = await PGlite.create(dataDir);
        // Nothing else listens: appends need not notify.
        const store = createPostgresEventStore({
          pglite,
          tenant: TENANT,
          registry,
          migrate: true,
          notify: false,
        });
        const close = async () => {
          await store.close();
          await pglite.close();
        };
        return {
          store,
          where: shown,
          durable: true,
          async wipe() {
            await close();
            await rm(dataDir, { recursive: true, force: true });
            return open();
          },
          close,
        };
      };
      return open();
    }
    case 'server': {
      const url = storage.databaseUrl;
      const host = safeHost(url);
      const open = async (): Promise<DemoStore> => {
        const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5000, max: 8 });
        // A pool reports a dead idle connection as an event; the next query reports it again.
        pool.on('error', () => {});
        try {
          await pool.query('SELECT 1');
          await migrate({ pool, schema: DEMO_SCHEMA });
        } catch (error) {
          await pool.end().catch(() => {});
          const reason = error instanceof Error ? error.message : String(error);
          throw new DemoStoreError(
            `cannot use the PostgreSQL server at ${host}: ${reason || 'connection failed'}`,
          );
        }
        const store = createPostgresEventStore({
          pool,
          schema: DEMO_SCHEMA,
          tenant: TENANT,
          registry,
          notify: false,
        });
        const close = async () => {
          await store.close();
          await pool.end();
        };
        return {
          store,
          where: `schema ${DEMO_SCHEMA} on ${host}`,
          durable: true,
          async wipe() {
            await store.close();
            await pool.query(`DROP SCHEMA IF EXISTS ${DEMO_SCHEMA} CASCADE`);
            await pool.end();
            return open();
          },
          close,
        };
      };
      return open();
    }
  }
}

/** The host and port of a connection URL, without its credentials. */
function safeHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
  } catch {
    throw new DemoStoreError('--database-url is not a valid URL');
  }
}
