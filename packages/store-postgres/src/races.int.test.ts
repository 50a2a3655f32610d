import { ConcurrencyError, type ExpectedVersion, type RecordedEvent } from '@account-planning/core';
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
} from './testSupport/serverDatabase.js';
import { buildStoreWorker, runWorker } from './testSupport/workerProcesses.js';

// Gap safety and concurrency against a real server: transactions held open on connections of
// their own, and real processes racing on one stream.
describe.skipIf(!DATABASE_URL)(
  `races on a server${DATABASE_URL ? '' : ` (${NO_SERVER_REASON})`}`,
  () => {
    const schema = uniqueSchema('races');
    let pool: pg.Pool;
    let release: () => Promise<void>;
    let tenantCount = 0;
    const stores: PostgresEventStore[] = [];
    const open = () => {
      const store = createPostgresEventStore({
        pool,
        schema,
        tenant: `races-${++tenantCount}`,
        pollIntervalMs: 20,
      });
      stores.push(store);
      return store;
    };

    /** An append through the store's SQL function in a transaction left open on its own client. */
    async function openAppend(store: PostgresEventStore, streamId: string, text: string) {
      const client = await pool.connect();
      await client.query('BEGIN');
      const [row] = (
        await client.query(
          `SELECT status FROM "${schema}".append_events($1, $2, -1, false, $3, $4, $5::text[]::jsonb[],
           $6::text[]::jsonb[], $7, true)`,
          [
            store.tenant,
            streamId,
            [`open-${text}`],
            ['Noted'],
            [JSON.stringify({ text })],
            ['{}'],
            [null],
          ],
        )
      ).rows;
      expect(row?.status).toBe('ok');
      return {
        commit: async () => {
          await client.query('COMMIT');
          client.release();
        },
        rollback: async () => {
          await client.query('ROLLBACK');
          client.release();
        },
      };
    }

    const texts = (events: readonly RecordedEvent[]) =>
      events.map((event) => (event.data as { text: string }).text);

    beforeAll(async () => {
      release = await holdServer();
      pool = serverPool(20);
      await migrate({ pool, schema });
    }, SERVER_TURN_TIMEOUT_MS);
    afterAll(async () => {
      await Promise.all(stores.map((store) => store.close()));
      await dropSchema(pool, schema);
      await pool.end();
      await release();
    });

    /**
     * Resolves once an append of this schema waits for a lock (the stream's, held elsewhere):
     * the plain statement, or `append_events` when the stream's row was not there to wait on.
     */
    async function waitingForLock() {
      for (;;) {
        const { rows } = await pool.query(
          `SELECT 1 FROM pg_stat_activity
           WHERE query LIKE $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          [`%"${schema}".%`],
        );
        if (rows.length > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }

    // An append's statement takes its snapshot before it waits for the stream's lock: what the
    // writer it waited for committed meanwhile must still count, as the stream's latest state.
    describe("appends that wait for the stream's lock", () => {
      for (const expected of [1, 'stream_exists', 'any'] as const) {
        it(`appends with ${JSON.stringify(expected)} to a stream created while it waited, after the creator in the log`, async () => {
          const store = open();
          const creator = await openAppend(store, 'created', 'first');
          const waiting = store.append('created', [{ type: 'Noted', data: { text: 'second' } }], {
            expectedVersion: expected,
          });
          await waitingForLock();
          await creator.commit();
          expect((await waiting).nextExpectedVersion).toBe(2);
          expect(texts((await store.readStream('created')).events)).toEqual(['first', 'second']);
          expect(texts((await store.readAll()).events)).toEqual(['first', 'second']);
        });
      }

      for (const [expected, actual] of [
        [1, 2],
        ['no_stream', 2],
      ] as [ExpectedVersion, number][]) {
        it(`reports the version the other writer left when ${JSON.stringify(expected)} no longer holds after the wait`, async () => {
          const store = open();
          await store.append('moved', [{ type: 'Noted', data: { text: 'first' } }], {
            expectedVersion: 'no_stream',
          });
          const other = await openAppend(store, 'moved', 'second');
          const waiting = store.append('moved', [{ type: 'Noted', data: { text: 'late' } }], {
            expectedVersion: expected,
          });
          waiting.catch(() => {});
          await waitingForLock();
          await other.commit();
          const failure = await waiting.then(
            () => undefined,
            (error: unknown) => error,
          );
          expect(failure).toBeInstanceOf(ConcurrencyError);
          expect((failure as ConcurrencyError).actual).toBe(actual);
          expect(texts((await store.readStream('moved')).events)).toEqual(['first', 'second']);
        });
      }

      it('appends a batch with an exact version after the writer it waited for', async () => {
        const store = open();
        await store.append('batch', [{ type: 'Noted', data: { text: 'first' } }], {
          expectedVersion: 'no_stream',
        });
        const other = await openAppend(store, 'batch', 'second');
        const waiting = store.append(
          'batch',
          ['third', 'fourth'].map((text) => ({ type: 'Noted', data: { text } })),
          { expectedVersion: 2 },
        );
        await waitingForLock();
        await other.commit();
        const result = await waiting;
        expect(result.events.map((event) => event.streamVersion)).toEqual([3, 4]);
        expect(texts((await store.readAll()).events)).toEqual([
          'first',
          'second',
          'third',
          'fourth',
        ]);
      });
    });

    it('does not skip a slow transaction that began before a fast one committed', async () => {
      const store = open();
      const slow = await openAppend(store, 'slow', 'slow');
      await store.append('fast', [{ type: 'Noted', data: { text: 'fast' } }], {
        expectedVersion: 'no_stream',
      });
      // The fast event is committed, but the slow transaction could still commit before it.
      const early = await store.readAll();
      expect(early.events).toEqual([]);
      expect(early.endOfLog).toBe(true);
      await slow.commit();
      const late = await store.readAll({ after: early.next });
      expect(texts(late.events)).toEqual(['slow', 'fast']);
    });

    it('leaves holes for rolled-back appends but skips nothing committed', async () => {
      const store = open();
      const handled: RecordedEvent[] = [];
      const subscription = store.subscribe({
        consumer: 'holes',
        handler: (events) => {
          handled.push(...events);
        },
      });
      const committed: string[] = [];
      for (let round = 0; round < 5; round++) {
        const doomed = await openAppend(store, `doomed-${round}`, `doomed-${round}`);
        await store.append(`kept-${round}`, [{ type: 'Noted', data: { text: `kept-${round}` } }], {
          expectedVersion: 'any',
        });
        committed.push(`kept-${round}`);
        await doomed.rollback();
      }
      await subscription.caughtUp();
      await subscription.stop();
      expect(texts(handled)).toEqual(committed);
      const positions = handled.map((event) => event.globalPosition);
      // The rolled-back appends took sequence values: the positions are not contiguous.
      expect(positions.at(-1)! - positions[0]!).toBeGreaterThan(positions.length - 1);
    });

    it('holds readers back while an older transaction is open, and the lag figure shows it', async () => {
      const store = open();
      await store.storeCheckpoint('watcher', (await store.readAll()).next, { expected: null });
      const held = await openAppend(store, 'held', 'held');
      for (let index = 0; index < 3; index++) {
        await store.append('later', [{ type: 'Noted', data: { text: `later-${index}` } }], {
          expectedVersion: 'any',
        });
      }
      const lag = await store.lag('watcher');
      expect(lag.eventsBehind).toBe(3);
      expect(lag.eventsHeldBack).toBe(3);
      expect(lag.oldestOpenTransactionMs).not.toBeNull();
      expect((await store.readAll()).events).toEqual([]);
      await held.commit();
      const after = await store.lag('watcher');
      expect(after).toMatchObject({ eventsBehind: 4, eventsHeldBack: 0 });
      expect(texts((await store.readAll()).events)).toEqual([
        'held',
        'later-0',
        'later-1',
        'later-2',
      ]);
    });

    describe('8 processes appending to one stream', () => {
      let bundle: string;
      beforeAll(async () => {
        bundle = await buildStoreWorker();
      });

      for (const mode of ['exact', 'any'] as const) {
        it(`loses and doubles nothing with ${mode === 'exact' ? 'exact versions' : "'any'"}, versions contiguous`, async () => {
          const tenant = `processes-${mode}`;
          const count = 25;
          const outcomes = await Promise.all(
            Array.from({ length: 8 }, (_, worker) =>
              runWorker(bundle, {
                kind: 'append',
                connectionString: DATABASE_URL,
                schema,
                tenant,
                stream: 'contested',
                worker,
                count,
                mode,
              }),
            ),
          );
          for (const outcome of outcomes) expect(outcome).toMatchObject({ code: 0 });
          const store = createPostgresEventStore({ pool, schema, tenant });
          stores.push(store);
          const stream = await store.readStream('contested');
          expect(stream.version).toBe(8 * count);
          expect(stream.events.map((event) => event.streamVersion)).toEqual(
            Array.from({ length: 8 * count }, (_, index) => index + 1),
          );
          const ids = stream.events.map((event) => event.eventId).sort();
          const expected = Array.from({ length: 8 }, (_, worker) =>
            Array.from({ length: count }, (_, index) => `w${worker}-${index}`),
          )
            .flat()
            .sort();
          expect(ids).toEqual(expected);
          // Each writer's events are in its own order, and the log agrees with the stream.
          for (let worker = 0; worker < 8; worker++) {
            const mine = stream.events.filter((event) => event.eventId.startsWith(`w${worker}-`));
            expect(mine.map((event) => (event.data as { index: number }).index)).toEqual(
              Array.from({ length: count }, (_, index) => index),
            );
          }
          const log = await store.readAll({ limit: 10_000 });
          expect(log.events.map((event) => event.eventId)).toEqual(
            stream.events.map((event) => event.eventId),
          );
        });
      }
    });

    it('migrates from two processes at once, applying each migration once', async () => {
      const bundle = await buildStoreWorker();
      const fresh = uniqueSchema('migrate2');
      try {
        const outcomes = await Promise.all(
          [0, 1].map(() =>
            runWorker(bundle, { kind: 'migrate', connectionString: DATABASE_URL, schema: fresh }),
          ),
        );
        for (const outcome of outcomes) expect(outcome).toMatchObject({ code: 0 });
        const applied = outcomes.map((outcome) => JSON.parse(outcome.stdout).applied);
        expect(applied.flat().sort()).toEqual([1, 2]);
        expect(applied.some((versions: number[]) => versions.length === 0)).toBe(true);
        const { rows } = await pool.query(
          `SELECT version FROM "${fresh}".schema_migrations ORDER BY version`,
        );
        expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
      } finally {
        await dropSchema(pool, fresh);
      }
    });

    it('leaves nothing running after close(): a process with a live subscription ends by itself', async () => {
      const bundle = await buildStoreWorker();
      const outcome = await runWorker(bundle, {
        kind: 'subscribeAndClose',
        connectionString: DATABASE_URL,
        schema,
        tenant: 'closer',
      });
      expect(outcome).toMatchObject({ code: 0, stdout: JSON.stringify({ seen: 1 }) });
    });
  },
);
