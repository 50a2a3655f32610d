import {
  createPostgresEventStore,
  migrate,
  type PostgresEventStore,
} from '@account-planning/store-postgres';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Plain SQL on the same database as the store: the raw baselines and the set-up. */
export interface RawConnection {
  /** Runs a statement; with a name it is prepared once per connection, as the store's are. */
  query(
    text: string,
    values?: readonly unknown[],
    name?: string,
  ): Promise<readonly Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Where a PostgreSQL figure runs: a server database made for the bench run, or PGlite. */
export interface BenchBackend {
  readonly kind: 'server' | 'pglite';
  /** A store bound to `tenant` in the bench schema, with up to `connections` connections. */
  store(tenant: string, connections?: number): PostgresEventStore;
  /** Raw SQL with up to `connections` connections. */
  raw(connections?: number): RawConnection;
  /** The server's connection string (server only: for the other library's store). */
  readonly connectionString?: string;
}

/** The schema the bench's stores and raw tables live in. */
export const BENCH_SCHEMA = 'bench';

const RAW_TABLE = `
  CREATE TABLE ${BENCH_SCHEMA}.raw_events (
    tenant_id text NOT NULL,
    stream_id text NOT NULL,
    stream_version bigint NOT NULL,
    global_position bigserial NOT NULL,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    event_id text NOT NULL,
    type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, stream_id, stream_version),
    UNIQUE (tenant_id, event_id)
  );
  CREATE INDEX raw_events_log ON ${BENCH_SCHEMA}.raw_events (tenant_id, transaction_id, global_position);`;

/** The bench server's base URL: DATABASE_URL, or the local server. */
export const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

function poolConnection(pool: pg.Pool): RawConnection {
  return {
    async query(text, values = [], name) {
      const result = await pool.query({
        text,
        values: values as unknown[],
        ...(name ? { name } : {}),
      });
      return result.rows;
    },
    close: () => pool.end(),
  };
}

async function serverReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    await client.end().catch(() => {});
    return false;
  }
}

/**
 * Whether a PostgreSQL server is there to measure against: the server figures are left out
 * (with a note on stderr) when it is not.
 */
export const hasServer: boolean = await serverReachable();

let server: Promise<BenchBackend> | undefined;

/**
 * A database made for this bench run on the server (dropped when the process ends), migrated,
 * with the raw table beside the store's tables.
 */
export function serverBackend(): Promise<BenchBackend> {
  server ??= (async () => {
    const database = `ap_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(SERVER_URL);
    url.pathname = `/${database}`;
    const connectionString = url.toString();
    await migrate({ connectionString, schema: BENCH_SCHEMA });
    const setup = new pg.Client({ connectionString });
    await setup.connect();
    await setup.query(RAW_TABLE);
    await setup.end();
    process.once('beforeExit', () => {
      void (async () => {
        const drop = new pg.Client({ connectionString: SERVER_URL });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await drop.end();
      })();
    });
    return {
      kind: 'server',
      connectionString,
      store: (tenant, connections = 1) =>
        createPostgresEventStore({
          connectionString,
          schema: BENCH_SCHEMA,
          tenant,
          maxConnections: connections,
        }),
      raw: (connections = 1) => {
        const pool = new pg.Pool({ connectionString, max: connections });
        pool.on('error', () => {});
        return poolConnection(pool);
      },
    } satisfies BenchBackend;
  })();
  return server;
}

let embedded: Promise<BenchBackend> | undefined;

/** One in-memory PGlite for the bench run, migrated, with the raw table. */
export function pgliteBackend(): Promise<BenchBackend> {
  embedded ??= (async () => {
    const pglite = await PGlite.create();
    await migrate({ pglite, schema: BENCH_SCHEMA });
    await pglite.exec(RAW_TABLE);
    process.once('beforeExit', () => {
      void pglite.close();
    });
    return {
      kind: 'pglite',
      store: (tenant) => createPostgresEventStore({ pglite, schema: BENCH_SCHEMA, tenant }),
      raw: () => ({
        async query(text, values = []) {
          return (await pglite.query<Record<string, unknown>>(text, values as unknown[])).rows;
        },
        async close() {},
      }),
    } satisfies BenchBackend;
  })();
  return embedded;
}
