import type { NewEvent } from '@account-planning/core';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { wallTimeMs } from '../benchSuite.js';
import { BENCH_SCHEMA, type BenchBackend } from './benchBackends.js';

// The workloads of the PostgreSQL figures, each in three flavours measured in the same run: the
// store, raw SQL on an equivalent table (the same columns and indexes, see benchBackends.ts), and
// the other library's PostgreSQL store. All return events per wall-clock second: the work is
// shared with the database.

const metadata = { occurredAt: '2026-03-01T09:00:00.000Z', actor: 'rep-1', correlationId: 'c-1' };
const valueChanged = (n: number): NewEvent => ({
  type: 'OpportunityValueChanged',
  data: { opportunityId: `opp-${n % 100}`, valueMinor: 100_000 + n, currency: 'EUR' },
  metadata,
});

let runCount = 0;
/** A tenant (and stream prefix) no other run used: each run starts from empty streams. */
const freshTenant = (what: string) => `${what}-${process.pid}-${++runCount}`;

const perSecond = (events: number, ms: number) => (events / ms) * 1000;

/** Appends `calls` batches of `perCall` events to one stream per writer, through the store. */
export async function storeAppend(
  backend: BenchBackend,
  perCall: number,
  calls: number,
  writers = 1,
): Promise<number> {
  const store = backend.store(freshTenant('append'), writers);
  try {
    await store.readStream('warm-up');
    const ms = await wallTimeMs(() =>
      Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          let version = 0;
          for (let call = 0; call < calls; call++) {
            const events = Array.from({ length: perCall }, (_, i) => valueChanged(version + i));
            const result = await store.append(`stream-${writer}`, events, {
              expectedVersion: version,
            });
            version = result.nextExpectedVersion;
          }
        }),
      ),
    );
    return perSecond(perCall * calls * writers, ms);
  } finally {
    await store.close();
  }
}

const RAW_INSERT_ONE = `INSERT INTO ${BENCH_SCHEMA}.raw_events
  (tenant_id, stream_id, stream_version, event_id, type, data, metadata)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;

const RAW_INSERT_MANY = `INSERT INTO ${BENCH_SCHEMA}.raw_events
  (tenant_id, stream_id, stream_version, event_id, type, data, metadata)
  SELECT $1, $2, u.version, u.event_id, u.type, u.data, u.metadata
  FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[]::jsonb[], $7::text[]::jsonb[])
    AS u(version, event_id, type, data, metadata)`;

/**
 * The baseline of the appends: the same events inserted with plain autocommit INSERTs (one row
 * per statement when `perCall` is 1, one `unnest` statement per batch otherwise), with no
 * version check, no stream row, no idempotency.
 */
export async function rawAppend(
  backend: BenchBackend,
  perCall: number,
  calls: number,
  writers = 1,
): Promise<number> {
  const raw = backend.raw(writers);
  const tenant = freshTenant('raw');
  try {
    await raw.query('SELECT 1');
    const ms = await wallTimeMs(() =>
      Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          const stream = `stream-${writer}`;
          let version = 0;
          for (let call = 0; call < calls; call++) {
            if (perCall === 1) {
              const event = valueChanged(version);
              version++;
              await raw.query(
                RAW_INSERT_ONE,
                [
                  tenant,
                  stream,
                  version,
                  `${stream}-${version}`,
                  event.type,
                  JSON.stringify(event.data),
                  JSON.stringify(event.metadata),
                ],
                'raw_insert_one',
              );
            } else {
              const versions: number[] = [];
              const ids: string[] = [];
              const types: string[] = [];
              const data: string[] = [];
              const metadatas: string[] = [];
              for (let i = 0; i < perCall; i++) {
                const event = valueChanged(version);
                version++;
                versions.push(version);
                ids.push(`${stream}-${version}`);
                types.push(event.type);
                data.push(JSON.stringify(event.data));
                metadatas.push(JSON.stringify(event.metadata));
              }
              await raw.query(
                RAW_INSERT_MANY,
                [tenant, stream, versions, ids, types, data, metadatas],
                'raw_insert_many',
              );
            }
          }
        }),
      ),
    );
    return perSecond(perCall * calls * writers, ms);
  } finally {
    await raw.close();
  }
}

/** The same appends through the other library's PostgreSQL store (`getPostgreSQLEventStore`). */
export async function emmettAppend(
  connectionString: string,
  perCall: number,
  calls: number,
): Promise<number> {
  const store = getPostgreSQLEventStore(connectionString);
  const stream = freshTenant('emmett');
  try {
    // Creates its schema on first use: not timed.
    await store.appendToStream(`${stream}-warm-up`, [valueChanged(0)] as never);
    const ms = await wallTimeMs(async () => {
      let version = 0n;
      for (let call = 0; call < calls; call++) {
        const events = Array.from({ length: perCall }, (_, i) => valueChanged(Number(version) + i));
        const result = await store.appendToStream(stream, events as never, {
          expectedStreamVersion: version,
        });
        version = result.nextExpectedStreamVersion;
      }
    });
    return perSecond(perCall * calls, ms);
  } finally {
    await store.close();
  }
}

const READ_TENANT = 'read-stream';
const prepared = new WeakMap<BenchBackend, Promise<void>>();

/** A stream of `length` events, in the store and (the same rows) in the raw table. Made once. */
function prepareReadStream(backend: BenchBackend, length: number): Promise<void> {
  let ready = prepared.get(backend);
  if (!ready) {
    ready = (async () => {
      const store = backend.store(READ_TENANT);
      try {
        for (let version = 0; version < length; version += 100) {
          const events = Array.from({ length: 100 }, (_, i) => valueChanged(version + i));
          await store.append('long', events, { expectedVersion: version });
        }
      } finally {
        await store.close();
      }
      const raw = backend.raw();
      await raw.query(
        `INSERT INTO ${BENCH_SCHEMA}.raw_events (tenant_id, stream_id, stream_version,
           global_position, transaction_id, event_id, type, data, metadata, recorded_at)
         SELECT tenant_id, stream_id, stream_version, global_position, transaction_id, event_id,
           type, data, metadata, recorded_at
         FROM ${BENCH_SCHEMA}.events WHERE tenant_id = $1`,
        [READ_TENANT],
      );
      await raw.close();
    })();
    prepared.set(backend, ready);
  }
  return ready;
}

/** Reads the long stream `reads` times through the store. */
export async function storeReadStream(
  backend: BenchBackend,
  length: number,
  reads: number,
): Promise<number> {
  await prepareReadStream(backend, length);
  const store = backend.store(READ_TENANT);
  try {
    await store.readStream('long', { limit: 1 });
    const ms = await wallTimeMs(async () => {
      for (let read = 0; read < reads; read++) {
        const { events } = await store.readStream('long');
        if (events.length !== length) throw new Error(`read ${events.length} events`);
      }
    });
    return perSecond(length * reads, ms);
  } finally {
    await store.close();
  }
}

/**
 * The baseline of the reads: a raw SELECT of the same rows and columns (in the same text form
 * for the time stamp), with the driver parsing the same jsonb.
 */
export async function rawReadStream(
  backend: BenchBackend,
  length: number,
  reads: number,
): Promise<number> {
  await prepareReadStream(backend, length);
  const raw = backend.raw();
  try {
    const text = `SELECT e.transaction_id::text AS transaction_id, e.global_position, e.stream_id,
        e.stream_version, e.event_id, e.type, e.data, e.metadata,
        to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
      FROM ${BENCH_SCHEMA}.raw_events e
      WHERE e.tenant_id = $1 AND e.stream_id = $2 ORDER BY e.stream_version`;
    await raw.query('SELECT 1');
    const ms = await wallTimeMs(async () => {
      for (let read = 0; read < reads; read++) {
        const rows = await raw.query(text, [READ_TENANT, 'long'], 'raw_read_stream');
        if (rows.length !== length) throw new Error(`read ${rows.length} rows`);
      }
    });
    return perSecond(length * reads, ms);
  } finally {
    await raw.close();
  }
}

const CATCH_UP_TENANT = 'catch-up';
const catchUpLogs = new WeakMap<BenchBackend, Promise<void>>();

/**
 * A log of `total` events in transactions of 10,000, written straight into the store's table
 * (as `append_events` writes them, but in bulk: the figure is about reading). Made once.
 */
function prepareCatchUp(backend: BenchBackend, total: number): Promise<void> {
  let ready = catchUpLogs.get(backend);
  if (!ready) {
    ready = (async () => {
      const raw = backend.raw();
      const chunk = 10_000;
      for (let from = 0; from < total; from += chunk) {
        await raw.query(
          `INSERT INTO ${BENCH_SCHEMA}.events (tenant_id, stream_id, stream_version,
             global_position, transaction_id, event_id, type, data, metadata)
           SELECT $1, 'account-' || (n % 1000), n / 1000 + 1,
             nextval('${BENCH_SCHEMA}.global_position'), pg_current_xact_id(), 'e-' || n,
             'OpportunityValueChanged',
             jsonb_build_object('opportunityId', 'opp-' || (n % 100), 'valueMinor', 100000 + n,
               'currency', 'EUR'),
             jsonb_build_object('occurredAt', '2026-03-01T09:00:00.000Z', 'actor', 'rep-1',
               'correlationId', 'c-1', 'schemaVersion', 1)
           FROM generate_series($2::bigint, $3::bigint) AS n`,
          [CATCH_UP_TENANT, from, Math.min(from + chunk, total) - 1],
        );
      }
      await raw.close();
    })();
    catchUpLogs.set(backend, ready);
  }
  return ready;
}

/**
 * A new durable consumer catching up over the whole log: the store's subscription with its
 * defaults (batches of 500, a checkpoint after each), timed until `caughtUp()`.
 */
export async function storeCatchUp(backend: BenchBackend, total: number): Promise<number> {
  await prepareCatchUp(backend, total);
  const store = backend.store(CATCH_UP_TENANT, 2);
  try {
    let seen = 0;
    const ms = await wallTimeMs(async () => {
      const subscription = store.subscribe({
        consumer: freshTenant('consumer'),
        handler: (events) => {
          seen += events.length;
        },
      });
      await subscription.caughtUp();
      await subscription.stop();
    });
    if (seen !== total) throw new Error(`caught up over ${seen} events, not ${total}`);
    return perSecond(total, ms);
  } finally {
    await store.close();
  }
}
