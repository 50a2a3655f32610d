import { type AppendResult, comparePositions, type EventStore } from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { type ContractContext, readWholeLog } from './contractContext.js';
import { noted } from './contractEvents.js';

const WRITERS = 8;

/** Appends until it has written `rounds` events, each at the exact version it last read. */
async function exactVersionWriter(store: EventStore, writer: number, rounds: number) {
  const won: AppendResult[] = [];
  let conflicts = 0;
  while (won.length < rounds) {
    const { version } = await store.readStream('contested', { direction: 'backward', limit: 1 });
    try {
      won.push(
        await store.append(
          'contested',
          [noted(`w${writer}-${won.length}`, `w${writer}-${won.length}`)],
          {
            expectedVersion: version,
          },
        ),
      );
    } catch (error) {
      if ((error as { code?: string }).code !== 'concurrency_conflict') throw error;
      conflicts++;
    }
  }
  return { won, conflicts };
}

/** Concurrent appenders to one stream, with exact versions and with 'any'. */
export function concurrencyContract(context: ContractContext): void {
  describe('concurrency', () => {
    it('lets exactly one of many racing first appends win, the others seeing its version', async () => {
      const store = await context.store();
      const outcomes = await Promise.allSettled(
        Array.from({ length: WRITERS }, (_, writer) =>
          store.append('s', [noted(`w${writer}`), noted(`w${writer}`)], { expectedVersion: 0 }),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(WRITERS - 1);
      for (const error of lost) {
        expect(error).toMatchObject({ code: 'concurrency_conflict', expected: 0, actual: 2 });
      }
      expect((await store.readStream('s')).version).toBe(2);
    });

    it('gives each version to exactly one writer racing with exact versions', async () => {
      const store = await context.store();
      const rounds = 5;
      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, writer) => exactVersionWriter(store, writer, rounds)),
      );
      const versions = results
        .flatMap((r) => r.won.map((w) => w.nextExpectedVersion))
        .sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: WRITERS * rounds }, (_, i) => i + 1));
      const stream = await store.readStream('contested');
      expect(stream.events.map((e) => e.streamVersion)).toEqual(versions);
      const ids = stream.events.map((e) => e.eventId);
      expect(new Set(ids).size).toBe(WRITERS * rounds);
    });

    it("appends every racing 'any' append contiguously, losing and doubling nothing, in log order too", async () => {
      const store = await context.store();
      const perWriter = 4;
      const results = await Promise.all(
        Array.from({ length: WRITERS * 2 }, (_, writer) =>
          store.append(
            's',
            Array.from({ length: perWriter }, (_, i) =>
              noted(`w${writer}-${i}`, `w${writer}-${i}`),
            ),
            { expectedVersion: 'any' },
          ),
        ),
      );
      const stream = await store.readStream('s');
      const total = WRITERS * 2 * perWriter;
      expect(stream.version).toBe(total);
      expect(stream.events.map((e) => e.streamVersion)).toEqual(
        Array.from({ length: total }, (_, i) => i + 1),
      );
      expect(new Set(stream.events.map((e) => e.eventId)).size).toBe(total);
      for (const result of results) {
        const versions = result.events.map((e) => e.streamVersion);
        expect(versions).toEqual(versions.map((_, i) => (versions[0] ?? 0) + i));
        expect(result.nextExpectedVersion).toBe(versions.at(-1));
      }
      const log = await readWholeLog(store);
      expect(log.map((e) => e.eventId)).toEqual(stream.events.map((e) => e.eventId));
      for (let i = 1; i < log.length; i++) {
        expect(comparePositions(log[i - 1]?.position ?? '', log[i]?.position ?? '')).toBeLessThan(
          0,
        );
      }
    });

    it('appends racing writers of different streams without conflict', async () => {
      const store = await context.store();
      await Promise.all(
        Array.from({ length: WRITERS }, (_, writer) =>
          store.append(`s-${writer}`, [noted('a'), noted('b')], { expectedVersion: 'no_stream' }),
        ),
      );
      expect(await readWholeLog(store)).toHaveLength(WRITERS * 2);
    });
  });
}
