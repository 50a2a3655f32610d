import {
  createEventRegistry,
  defineEvent,
  type EventLike,
  type RecordedEvent,
  ValidationError,
} from '@account-planning/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createPostgresEventStore,
  migrate,
  type PostgresConnection,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from '../index.js';

/** What a PostgreSQL-specific suite runs on: a connection, raw SQL as the owner, a schema. */
export interface BehaviourFixture {
  readonly connection: PostgresConnection;
  readonly schema: string;
  /** Raw SQL as the tables' owner, to look at what is really stored. */
  sql(text: string, values?: readonly unknown[]): Promise<readonly Record<string, unknown>[]>;
  /** Makes another schema for the test (migrated), and drops it at the end. */
  close(): Promise<void>;
}

const ContactRecorded = defineEvent({
  type: 'ContactRecorded',
  schemaVersion: 1,
  schema: z.object({
    contactId: z.string(),
    name: z.string().optional(),
    email: z.string().optional(),
    role: z.string(),
  }),
  personalData: { subject: (data) => data.contactId, fields: ['name', 'email'] },
});
const Noted = defineEvent({
  type: 'Noted',
  schemaVersion: 1,
  schema: z.object({ text: z.string(), fail: z.boolean().optional() }),
});
const registry = createEventRegistry([ContactRecorded, Noted]);

const noted = (text: string, fail?: boolean) => ({
  type: 'Noted',
  data: fail === undefined ? { text } : { text, fail },
});

/** Resolves once `predicate` holds for the events seen, checked after each batch. */
function collector() {
  const seen: RecordedEvent[] = [];
  let waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  return {
    seen,
    push(events: readonly RecordedEvent<EventLike>[]) {
      seen.push(...(events as RecordedEvent[]));
      waiters = waiters.filter((waiter) => {
        if (!waiter.predicate()) return true;
        waiter.resolve();
        return false;
      });
    },
    until(predicate: () => boolean): Promise<void> {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
  };
}

/**
 * What the PostgreSQL store does beyond the port's contract, run on PGlite and on a server:
 * transactional handlers, consumer leases, LISTEN/NOTIFY and polling, forgetting that really
 * removes data, hostile input, schemas and migrations.
 */
export function describeStoreBehaviours(
  name: string,
  factory: () => Promise<BehaviourFixture>,
): void {
  describe(`PostgreSQL store behaviours: ${name}`, () => {
    let fixture: BehaviourFixture;
    let stores: PostgresEventStore[] = [];
    let tenantCount = 0;
    const newTenant = () => `tenant-${process.pid}-${++tenantCount}-${Math.random()}`;

    // Long enough for a server test file to wait for its turn (see holdServer).
    beforeAll(async () => {
      fixture = await factory();
    }, 240_000);
    afterEach(async () => {
      await Promise.all(stores.map((store) => store.close()));
      stores = [];
    });
    afterAll(async () => {
      await fixture?.close();
    });

    const open = (
      options: Partial<Omit<PostgresEventStoreOptions, keyof PostgresConnection>> = {},
    ): PostgresEventStore => {
      const store = createPostgresEventStore({
        ...fixture.connection,
        schema: fixture.schema,
        tenant: options.tenant ?? newTenant(),
        registry,
        pollIntervalMs: 20,
        ...options,
      } as PostgresEventStoreOptions);
      stores.push(store);
      return store;
    };
    const table = (suffix: string) => `"${fixture.schema}"."${suffix}"`;

    describe('transactional handlers', () => {
      it("commits a handler's writes with the checkpoint and rolls both back when it throws", async () => {
        const store = open();
        const projection = `projection_${Math.random().toString(36).slice(2, 8)}`;
        await fixture.sql(`CREATE TABLE ${table(projection)} (event_id text PRIMARY KEY)`);
        const handler = async (
          events: readonly RecordedEvent[],
          context: { transaction?: unknown },
        ) => {
          const tx = context.transaction as { query(t: string, v: unknown[]): Promise<unknown> };
          for (const event of events) {
            await tx.query(`INSERT INTO ${table(projection)} (event_id) VALUES ($1)`, [
              event.eventId,
            ]);
            if ((event.data as { fail?: boolean }).fail) throw new Error('projection failed');
          }
        };
        await store.append('s', [noted('a'), noted('b')], { expectedVersion: 'no_stream' });
        const first = store.subscribe({ consumer: 'projection', handler });
        await first.caughtUp();
        const checkpoint = await store.readCheckpoint('projection');
        await store.append('s', [noted('c'), noted('d', true)], { expectedVersion: 2 });
        await expect(first.done).rejects.toThrow('projection failed');
        // The failed batch wrote nothing: neither its rows nor the checkpoint.
        expect(await fixture.sql(`SELECT count(*)::int AS n FROM ${table(projection)}`)).toEqual([
          { n: 2 },
        ]);
        expect(await store.readCheckpoint('projection')).toBe(checkpoint);

        await store.append('s', [noted('e')], { expectedVersion: 4 });
        const second = store.subscribe({
          consumer: 'projection',
          handler: (events, context) =>
            handler(
              events.filter((event) => !(event.data as { fail?: boolean }).fail),
              context,
            ),
        });
        await second.caughtUp();
        await second.stop();
        const rows = await fixture.sql(`SELECT event_id FROM ${table(projection)}`);
        const stream = await store.readStream('s');
        expect(rows.map((row) => row.event_id).sort()).toEqual(
          stream.events
            .filter((event) => !(event.data as { fail?: boolean }).fail)
            .map((event) => event.eventId)
            .sort(),
        );
        await fixture.sql(`DROP TABLE ${table(projection)}`);
      });

      it('does not open a transaction for a handler that never uses it', async () => {
        const store = open();
        await store.append('s', [noted('a')], { expectedVersion: 'no_stream' });
        // On a single connection (PGlite) a transaction held during the handler would block
        // this read; the lazy transaction lets the handler use the store.
        let read = -1;
        const subscription = store.subscribe({
          consumer: 'reader',
          handler: async () => {
            read = (await store.readStream('s')).version;
          },
        });
        await subscription.caughtUp();
        await subscription.stop();
        expect(read).toBe(1);
      });
    });

    describe('reading the log', () => {
      it('reads a page without reading the event after it, which it only counts', async () => {
        const tenant = newTenant();
        const writer = open({ tenant, registry: undefined as never });
        await writer.append('s', [noted('kept'), { type: 'NotRegistered', data: {} }], {
          expectedVersion: 'no_stream',
        });
        const reader = open({ tenant });
        const page = await reader.readAll({ limit: 1 });
        expect(page.events.map((event) => event.data)).toEqual([{ text: 'kept' }]);
        expect(page.endOfLog).toBe(false);
        // Read, the event after it fails: the registry does not know its type.
        await expect(reader.readAll({ after: page.next })).rejects.toThrow(/NotRegistered/);
      });
    });

    describe('consumer leases', () => {
      it('lets one subscription per consumer name work at a time, and another take over when it stops', async () => {
        const tenant = newTenant();
        const first = open({ tenant });
        const second = open({ tenant });
        const handledByFirst = collector();
        const handledBySecond = collector();
        await first.append('s', [noted('1'), noted('2')], { expectedVersion: 'no_stream' });
        const a = first.subscribe({
          consumer: 'shared',
          handler: (events) => handledByFirst.push(events),
        });
        await a.caughtUp();
        const b = second.subscribe({
          consumer: 'shared',
          handler: (events) => handledBySecond.push(events),
        });
        await second.append('s', [noted('3')], { expectedVersion: 2 });
        await a.caughtUp();
        expect(handledBySecond.seen).toEqual([]);
        await a.stop();
        await second.append('s', [noted('4')], { expectedVersion: 3 });
        await handledBySecond.until(() => handledBySecond.seen.length >= 1);
        await b.caughtUp();
        await b.stop();
        const all = [...handledByFirst.seen, ...handledBySecond.seen].map((e) => e.data);
        expect(all).toEqual([{ text: '1' }, { text: '2' }, { text: '3' }, { text: '4' }]);
        expect(handledBySecond.seen.map((e) => e.data)).toEqual([{ text: '4' }]);
      });
    });

    describe('wake-ups', () => {
      type StoreOptions = Parameters<typeof open>[0];
      /** A writer and a caught-up subscription of another store of the same tenant. */
      async function listening(listenerOptions: StoreOptions, writerOptions: StoreOptions = {}) {
        const tenant = newTenant();
        const listener = open({ tenant, ...listenerOptions });
        const writer = open({ tenant, ...writerOptions });
        const handled = collector();
        const subscription = listener.subscribe({ handler: (events) => handled.push(events) });
        await subscription.caughtUp();
        return { writer, handled, subscription };
      }

      it("wakes a subscription on another store's append through LISTEN/NOTIFY", async () => {
        // Polls only once an hour: only the notification can wake it within the test.
        const { writer, handled, subscription } = await listening({ pollIntervalMs: 3_600_000 });
        await writer.append('s', [noted('hello')], { expectedVersion: 'no_stream' });
        await handled.until(() => handled.seen.length === 1);
        await subscription.stop();
        expect(handled.seen.map((e) => e.data)).toEqual([{ text: 'hello' }]);
      });

      it("announces every append of a burst to another store's subscription", async () => {
        const { writer, handled, subscription } = await listening({ pollIntervalMs: 3_600_000 });
        // Most of these fall within one notification's cool-down: one after another on one
        // stream, and at the same time on eight more.
        for (let n = 0; n < 10; n++) {
          await writer.append('one', [noted(`one-${n}`)], { expectedVersion: n });
        }
        await Promise.all(
          Array.from({ length: 8 }, async (_, writerNumber) => {
            for (let n = 0; n < 3; n++) {
              await writer.append(`many-${writerNumber}`, [noted(`many-${writerNumber}-${n}`)], {
                expectedVersion: n,
              });
            }
          }),
        );
        await handled.until(() => handled.seen.length === 34);
        await subscription.stop();
        expect(handled.seen).toHaveLength(34);
      });

      it('finds appends by polling when no notification is sent', async () => {
        const { writer, handled, subscription } = await listening(
          { pollIntervalMs: 10 },
          { notify: false },
        );
        await writer.append('s', [noted('quiet')], { expectedVersion: 'no_stream' });
        await handled.until(() => handled.seen.length === 1);
        await subscription.stop();
        expect(handled.seen.map((e) => e.data)).toEqual([{ text: 'quiet' }]);
      });
    });

    describe('forgetting personal data', () => {
      it('removes the fields from the stored rows themselves, not just from reads', async () => {
        const store = open();
        await store.append(
          'contacts',
          [
            {
              type: 'ContactRecorded',
              data: {
                contactId: 'c1',
                name: 'Ada Secret',
                email: 'ada@secret.example',
                role: 'cfo',
              },
            },
          ],
          { expectedVersion: 'no_stream' },
        );
        await store.snapshots.save({
          streamId: 'contacts',
          version: 1,
          reducerVersion: 'r1',
          state: { name: 'Ada Secret' },
        });
        expect(await store.forgetSubject('c1')).toEqual({ eventsRedacted: 1, snapshotsDeleted: 1 });
        const leftovers = await fixture.sql(
          `SELECT count(*)::int AS n FROM ${table('events')}
           WHERE tenant_id = $1 AND (data::text LIKE '%Secret%' OR data::text LIKE '%secret.example%')`,
          [store.tenant],
        );
        expect(leftovers).toEqual([{ n: 0 }]);
        const snapshots = await fixture.sql(
          `SELECT count(*)::int AS n FROM ${table('snapshots')} WHERE tenant_id = $1`,
          [store.tenant],
        );
        expect(snapshots).toEqual([{ n: 0 }]);
        const [event] = (await store.readStream('contacts')).events;
        expect(event?.data).toEqual({ contactId: 'c1', role: 'cfo' });
        expect(await store.forgetSubject('c1')).toEqual({ eventsRedacted: 0, snapshotsDeleted: 0 });
      });
    });

    describe('hostile input', () => {
      const hostile = [
        `'); DROP TABLE events; --`,
        `" OR 1=1 --`,
        `$1; SELECT pg_sleep(10);`,
        `\\'; TRUNCATE checkpoints; \\`,
        `%_'"\`;{}[]$$ $tag$ */ /*`,
        `tenant' OR tenant_id <> '`,
      ];

      it('stores stream ids, types, metadata keys, consumers and subjects verbatim, never executing them', async () => {
        const store = open({ registry: undefined as never });
        for (const [index, text] of hostile.entries()) {
          const metadata = { [text]: text, [`k${index}`]: text.repeat(3) };
          const result = await store.append(text, [{ type: text, data: { text }, metadata }], {
            expectedVersion: 'no_stream',
          });
          const read = await store.readStream(text);
          expect(read.events).toEqual(result.events);
          expect(read.events[0]).toMatchObject({ streamId: text, type: text, data: { text } });
          expect(read.events[0]?.metadata).toMatchObject(metadata);
          await store.storeCheckpoint(text, result.events[0]?.position as string, {
            expected: null,
          });
          expect(await store.readCheckpoint(text)).toBe(result.events[0]?.position);
          await store.snapshots.save({
            streamId: text,
            version: 1,
            reducerVersion: text,
            state: text,
          });
          expect((await store.snapshots.load(text, text))?.state).toBe(text);
          await store.forgetSubject(text);
        }
        const tables = await fixture.sql(
          `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1`,
          [fixture.schema],
        );
        expect(tables[0]?.n).toBeGreaterThanOrEqual(6);
        const log = await store.readAll();
        expect(log.events.map((event) => event.streamId)).toEqual(hostile);
      });

      it('rejects NUL characters with a ValidationError before anything is sent', async () => {
        const store = open({ registry: undefined as never });
        await expect(
          store.append('s', [{ type: 'T', data: {}, metadata: { 'a\u0000b': 1 } }], {
            expectedVersion: 'any',
          }),
        ).rejects.toBeInstanceOf(ValidationError);
        await expect(store.readStream('a\u0000')).rejects.toBeInstanceOf(ValidationError);
        await expect(
          store.snapshots.save({
            streamId: 's',
            version: 1,
            reducerVersion: 'r',
            state: 'x\u0000',
          }),
        ).rejects.toBeInstanceOf(ValidationError);
        expect((await store.readAll()).events).toEqual([]);
      });

      it('keeps 1 MB stream data and metadata strings verbatim', async () => {
        const store = open({ registry: undefined as never });
        const big = `'"; --${'x'.repeat(1024 * 1024)}`;
        await store.append('big', [{ type: 'T', data: { big }, metadata: { big } }], {
          expectedVersion: 'no_stream',
        });
        const [event] = (await store.readStream('big')).events;
        expect(event?.data).toEqual({ big });
        expect(event?.metadata.big).toBe(big);
      });

      it('cannot reach another tenant through a crafted stream id', async () => {
        const victim = open();
        await victim.append('secret', [noted('private')], { expectedVersion: 'no_stream' });
        const attacker = open();
        for (const streamId of [
          'secret',
          `secret' OR tenant_id = '${victim.tenant}`,
          `${victim.tenant}/secret`,
        ]) {
          expect((await attacker.readStream(streamId)).events).toEqual([]);
        }
        expect((await attacker.readAll()).events).toEqual([]);
      });
    });

    describe('schemas and migrations', () => {
      it('applies nothing when migrated again', async () => {
        const again = await migrate({ ...fixture.connection, schema: fixture.schema });
        expect(again).toEqual({ schema: fixture.schema, applied: [], version: 2 });
      });

      it('keeps stores of two schemas apart', async () => {
        const other = `${fixture.schema}_b`;
        expect((await migrate({ ...fixture.connection, schema: other })).applied).toEqual([1, 2]);
        try {
          const tenant = newTenant();
          const inFirst = open({ tenant });
          const inOther = open({ tenant, schema: other });
          await inFirst.append('s', [noted('first')], { expectedVersion: 'no_stream' });
          expect((await inOther.readStream('s')).version).toBe(0);
          await inOther.append('s', [noted('other')], { expectedVersion: 'no_stream' });
          expect((await inFirst.readStream('s')).events.map((e) => e.data)).toEqual([
            { text: 'first' },
          ]);
        } finally {
          await Promise.all(stores.map((store) => store.close()));
          stores = [];
          await fixture.sql(`DROP SCHEMA "${other}" CASCADE`);
        }
      });

      it('rejects a schema name that is not a plain identifier', () => {
        for (const schema of ['Bad', 'a-b', 'x"; DROP', '', '1abc', 'a'.repeat(49)]) {
          expect(() => open({ schema })).toThrow(ValidationError);
        }
      });
    });
  });
}
