import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { StorageError } from '@account-planning/core';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEventStore, migrate, type PostgresEventStore } from './index.js';
import {
  DATABASE_URL,
  dropSchema,
  holdServer,
  NO_SERVER_REASON,
  SERVER_TURN_TIMEOUT_MS,
  serverPool,
  uniqueSchema,
  waitForServer,
} from './testSupport/serverDatabase.js';

/** How to restart the local server, when this process may (root, a Debian cluster). */
function restartCommand(): string[] | undefined {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/pg_ctlcluster')) return undefined;
  if (!DATABASE_URL || !/@(127\.0\.0\.1|localhost)(:5432)?\//.test(DATABASE_URL)) return undefined;
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql').sort() : [];
  const version = versions.at(-1);
  if (!version) return undefined;
  return ['/usr/bin/pg_ctlcluster', '--skip-systemctl-redirect', version, 'main', 'restart'];
}

const RESTART = restartCommand();

describe.skipIf(!DATABASE_URL)(
  `faults on a server${DATABASE_URL ? '' : ` (${NO_SERVER_REASON})`}`,
  () => {
    const schema = uniqueSchema('faults');
    let pool: pg.Pool;
    let release: () => Promise<void>;
    const stores: PostgresEventStore[] = [];

    beforeAll(async () => {
      release = await holdServer();
      pool = serverPool();
      await migrate({ pool, schema });
    }, SERVER_TURN_TIMEOUT_MS);
    afterAll(async () => {
      await Promise.all(stores.map((store) => store.close()));
      // Whatever happened above, leave the server up for whoever comes next.
      await waitForServer();
      await dropSchema(pool, schema);
      await pool.end();
      await release();
    }, 60_000);

    it('writes all or nothing when the connection is killed mid-append, and the retry is idempotent', async () => {
      const store = createPostgresEventStore({
        connectionString: DATABASE_URL as string,
        schema,
        tenant: 'killed',
      });
      stores.push(store);
      await store.append('s', [{ type: 'Noted', data: { n: 0 } }], {
        expectedVersion: 'no_stream',
      });
      const events = Array.from({ length: 50 }, (_, n) => ({
        type: 'Noted',
        data: { n: n + 1 },
        eventId: `batch-${n}`,
      }));
      // Hold the stream's lock from outside, so that the append waits for it.
      const blocker = await pool.connect();
      await blocker.query('BEGIN');
      await blocker.query(
        'SELECT pg_advisory_xact_lock(hashtextextended($1, hashtextextended($2, 0)))',
        ['s', 'killed'],
      );
      const append = store.append('s', events, { expectedVersion: 1 });
      append.catch(() => {});
      let victim: number | undefined;
      while (victim === undefined) {
        // The append's statement names this schema early on (pg_stat_activity keeps only the
        // start of a long statement).
        const { rows } = await pool.query(
          `SELECT pid FROM pg_stat_activity
         WHERE query LIKE $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          [`%"${schema}".%`],
        );
        victim = rows[0]?.pid;
      }
      await pool.query('SELECT pg_terminate_backend($1)', [victim]);
      const failure = await append.then(
        () => undefined,
        (error: unknown) => error,
      );
      await blocker.query('ROLLBACK');
      blocker.release();
      expect(failure).toBeInstanceOf(StorageError);
      expect((failure as StorageError).outcome).toBe('unknown');
      expect((await store.readStream('s')).version).toBe(1);

      const retried = await store.append('s', events, { expectedVersion: 1 });
      expect(retried.nextExpectedVersion).toBe(51);
      const again = await store.append('s', events, { expectedVersion: 1 });
      expect(again).toEqual(retried);
      expect((await store.readStream('s')).events.map((e) => (e.data as { n: number }).n)).toEqual(
        Array.from({ length: 51 }, (_, n) => n),
      );
    });

    it.skipIf(!RESTART)(
      `resumes a subscription from its checkpoint after a server restart, losing and doubling nothing${RESTART ? '' : ' (needs root and pg_ctlcluster for the local server)'}`,
      async () => {
        const store = createPostgresEventStore({
          connectionString: DATABASE_URL as string,
          schema,
          tenant: 'restarted',
          pollIntervalMs: 50,
        });
        stores.push(store);
        const projection = `"${schema}".restart_projection`;
        await pool.query(`CREATE TABLE ${projection} (event_id text PRIMARY KEY)`);
        const delivered: string[] = [];
        const subscription = store.subscribe({
          consumer: 'projection',
          handler: async (events, context) => {
            const tx = context.transaction as { query(t: string, v: unknown[]): Promise<unknown> };
            for (const event of events) {
              await tx.query(`INSERT INTO ${projection} (event_id) VALUES ($1)`, [event.eventId]);
            }
            delivered.push(...events.map((event) => event.eventId));
          },
        });
        const appendSome = async (from: number) => {
          for (let n = from; n < from + 20; n++) {
            const event = { type: 'Noted', data: { n }, eventId: `restart-${n}` };
            // A pooled connection may only learn of the restart when used: retrying is safe, the
            // event id makes the append idempotent.
            for (let attempt = 0; ; attempt++) {
              try {
                await store.append('s', [event], { expectedVersion: 'any' });
                break;
              } catch (error) {
                if (!(error instanceof StorageError) || attempt >= 5) throw error;
              }
            }
          }
        };
        await appendSome(0);
        await subscription.caughtUp();

        execFileSync(RESTART?.[0] as string, RESTART?.slice(1) ?? [], { stdio: 'ignore' });
        await waitForServer();

        await appendSome(20);
        await subscription.caughtUp();
        await subscription.stop();

        const stream = await store.readStream('s');
        const ids = stream.events.map((event) => event.eventId);
        expect(ids).toHaveLength(40);
        const { rows } = await pool.query(`SELECT event_id FROM ${projection} ORDER BY event_id`);
        expect(rows.map((row) => row.event_id)).toEqual([...ids].sort());
        expect(delivered).toEqual(ids);
        expect(await store.readCheckpoint('projection')).toBe(stream.events.at(-1)?.position);
      },
      120_000,
    );
  },
);
