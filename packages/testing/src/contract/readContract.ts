import {
  comparePositions,
  type EventStore,
  type ReadStreamOptions,
  START_POSITION,
} from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { type ContractContext, readWholeLog, rejectionOf } from './contractContext.js';
import { counted, noted, notes } from './contractEvents.js';

async function storeWithTenEvents(context: ContractContext): Promise<EventStore> {
  const store = await context.store();
  await store.append('s', notes(4), { expectedVersion: 'no_stream' });
  await store.append('other', notes(2), { expectedVersion: 'no_stream' });
  await store.append('s', notes(6, 'm'), { expectedVersion: 4 });
  return store;
}

/** readStream ranges and directions; readAll order, `after`, `types`, `limit`, `next`, `endOfLog`. */
export function readContract(context: ContractContext): void {
  describe('readStream', () => {
    const ranges: [string, ReadStreamOptions | undefined, number[]][] = [
      ['the whole stream forward by default', undefined, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
      ['from a version, inclusive', { fromVersion: 8 }, [8, 9, 10]],
      ['up to a version, inclusive', { toVersion: 3 }, [1, 2, 3]],
      ['a closed range', { fromVersion: 3, toVersion: 6 }, [3, 4, 5, 6]],
      ['with a limit', { fromVersion: 3, limit: 2 }, [3, 4]],
      ['a limit larger than the stream', { limit: 100 }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
      ['backward from the end', { direction: 'backward' }, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]],
      ['backward with a limit', { direction: 'backward', limit: 3 }, [10, 9, 8]],
      ['backward from a version', { direction: 'backward', fromVersion: 7, limit: 3 }, [7, 6, 5]],
      [
        'backward down to a version',
        { direction: 'backward', fromVersion: 7, toVersion: 5 },
        [7, 6, 5],
      ],
      ['backward to a version only', { direction: 'backward', toVersion: 8 }, [10, 9, 8]],
      ['nothing past the end', { fromVersion: 11 }, []],
      ['nothing for an inverted range', { fromVersion: 6, toVersion: 3 }, []],
      ['from version 0 as from the start', { fromVersion: 0, limit: 2 }, [1, 2]],
    ];
    it.each(ranges)('reads %s', async (_, options, versions) => {
      const store = await storeWithTenEvents(context);
      const read = await store.readStream('s', options);
      expect(read.streamId).toBe('s');
      expect(read.version).toBe(10);
      expect(read.events.map((e) => e.streamVersion)).toEqual(versions);
      expect(read.events.every((e) => e.streamId === 's')).toBe(true);
    });

    it('reads a missing stream as empty at version 0', async () => {
      const store = await context.store();
      expect(await store.readStream('nothing-here')).toEqual({
        streamId: 'nothing-here',
        version: 0,
        events: [],
      });
    });

    it('returns events in the order and with the data they were appended', async () => {
      const store = await storeWithTenEvents(context);
      const texts = (await store.readStream('s')).events.map(
        (e) => (e.data as { text: string }).text,
      );
      expect(texts).toEqual(['n0', 'n1', 'n2', 'n3', 'm0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    });

    const badOptions: [string, unknown, string][] = [
      ['a zero limit', { limit: 0 }, 'limit'],
      ['a negative limit', { limit: -1 }, 'limit'],
      ['a fractional limit', { limit: 1.5 }, 'limit'],
      ['a negative fromVersion', { fromVersion: -1 }, 'fromVersion'],
      ['a non-numeric toVersion', { toVersion: '3' }, 'toVersion'],
      ['an unknown direction', { direction: 'sideways' }, 'direction'],
    ];
    it.each(badOptions)('rejects %s with a ValidationError', async (_, options, path) => {
      const store = await context.store();
      const error = await rejectionOf(store.readStream('s', options as ReadStreamOptions));
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect(error.issues).toEqual([expect.objectContaining({ path: [path] })]);
    });
  });

  describe('readAll', () => {
    it('returns the tenant log in append order, across streams, with increasing positions', async () => {
      const store = await context.store();
      await store.append('a', [noted('1')], { expectedVersion: 'any' });
      await store.append('b', [noted('2'), noted('3')], { expectedVersion: 'any' });
      await store.append('a', [noted('4')], { expectedVersion: 'any' });
      await store.append('c', [noted('5')], { expectedVersion: 'any' });
      const read = await store.readAll();
      expect(read.events.map((e) => (e.data as { text: string }).text)).toEqual([
        '1',
        '2',
        '3',
        '4',
        '5',
      ]);
      expect(read.events.map((e) => e.streamId)).toEqual(['a', 'b', 'b', 'a', 'c']);
      for (let i = 1; i < read.events.length; i++) {
        const [previous, current] = [read.events[i - 1], read.events[i]];
        expect(comparePositions(previous?.position ?? '', current?.position ?? '')).toBeLessThan(0);
        expect(current?.globalPosition).toBeGreaterThan(previous?.globalPosition ?? 0);
      }
      expect(read.endOfLog).toBe(true);
      expect(read.next).toBe(read.events.at(-1)?.position);
    });

    it('returns the events after a position, exclusive', async () => {
      const store = await storeWithTenEvents(context);
      const all = await readWholeLog(store);
      const third = all[2]?.position ?? START_POSITION;
      const read = await store.readAll({ after: third });
      expect(read.events).toEqual(all.slice(3));
      const atEnd = await store.readAll({ after: all.at(-1)?.position ?? START_POSITION });
      expect(atEnd).toEqual({ events: [], next: all.at(-1)?.position, endOfLog: true });
    });

    it('pages through the log with limit and next, ending with endOfLog', async () => {
      const store = await storeWithTenEvents(context);
      const all = await readWholeLog(store);
      const pages: number[] = [];
      const seen = [];
      let after = START_POSITION;
      for (;;) {
        const page = await store.readAll({ after, limit: 3 });
        pages.push(page.events.length);
        seen.push(...page.events);
        if (page.events.length > 0) expect(page.next).toBe(page.events.at(-1)?.position);
        else expect(page.next).toBe(after);
        after = page.next;
        if (page.endOfLog) break;
        expect(page.events).toHaveLength(3);
      }
      expect(seen).toEqual(all);
      expect(pages.slice(0, 3)).toEqual([3, 3, 3]);
    });

    it('reports endOfLog false while a limit cuts the log short', async () => {
      const store = await storeWithTenEvents(context);
      expect((await store.readAll({ limit: 4 })).endOfLog).toBe(false);
      expect((await store.readAll({ limit: 100 })).endOfLog).toBe(true);
    });

    it('filters by event type, keeping log order', async () => {
      const store = await context.store();
      await store.append('a', [noted('1'), counted(1)], { expectedVersion: 'any' });
      await store.append('b', [counted(2), { type: 'Other', data: {} }], {
        expectedVersion: 'any',
      });
      await store.append('a', [noted('2'), counted(3)], { expectedVersion: 'any' });
      const read = await store.readAll({ types: ['Counted'] });
      expect(read.events.map((e) => e.data)).toEqual([{ count: 1 }, { count: 2 }, { count: 3 }]);
      const two = await store.readAll({ types: ['Noted', 'Other'], limit: 2 });
      expect(two.events.map((e) => e.type)).toEqual(['Noted', 'Other']);
      const rest = await store.readAll({ types: ['Noted', 'Other'], after: two.next });
      expect(rest.events.map((e) => e.data)).toEqual([{ text: '2' }]);
      expect(rest.endOfLog).toBe(true);
      expect((await store.readAll({ types: [] })).events).toEqual([]);
      expect((await store.readAll({ types: ['Unheard'] })).events).toEqual([]);
    });

    it('reads an empty log as empty, at its end, with next at the start', async () => {
      const store = await context.store();
      expect(await store.readAll()).toEqual({ events: [], next: START_POSITION, endOfLog: true });
    });

    const badOptions: [string, unknown, string][] = [
      ['an after that is not a position', { after: 'yesterday' }, 'after'],
      ['a zero limit', { limit: 0 }, 'limit'],
      ['a fractional limit', { limit: 2.5 }, 'limit'],
      ['types that are not an array', { types: 'Noted' }, 'types'],
    ];
    it.each(badOptions)('rejects %s with a ValidationError', async (_, options, path) => {
      const store = await context.store();
      const error = await rejectionOf(store.readAll(options as never));
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect(error.issues).toEqual([expect.objectContaining({ path: [path] })]);
    });

    it('rejects an empty event type in the types filter', async () => {
      const store = await context.store();
      await expect(store.readAll({ types: [''] })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });
  });
}
