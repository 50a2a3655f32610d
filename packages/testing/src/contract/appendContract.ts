import {
  comparePositions,
  type ExpectedVersion,
  isPosition,
  START_POSITION,
} from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { type ContractContext, readWholeLog, rejectionOf } from './contractContext.js';
import { noted, notes } from './contractEvents.js';

/** Expected versions, atomicity, the envelope and idempotent re-appends. */
export function appendContract(context: ContractContext): void {
  describe('append: expected versions', () => {
    const succeeding: [string, number, ExpectedVersion][] = [
      ["'no_stream' on a new stream", 0, 'no_stream'],
      ['0 on a new stream', 0, 0],
      ["'any' on a new stream", 0, 'any'],
      ["'stream_exists' on an existing stream", 2, 'stream_exists'],
      ['the exact version of an existing stream', 2, 2],
      ["'any' on an existing stream", 2, 'any'],
    ];
    it.each(succeeding)('appends with %s', async (_, existing, expectedVersion) => {
      const store = await context.store();
      if (existing > 0) await store.append('s', notes(existing), { expectedVersion: 'no_stream' });
      const result = await store.append('s', notes(2, 'x'), { expectedVersion });
      expect(result.nextExpectedVersion).toBe(existing + 2);
      expect(result.events.map((e) => e.streamVersion)).toEqual([existing + 1, existing + 2]);
      expect((await store.readStream('s')).version).toBe(existing + 2);
    });

    const conflicting: [string, number, ExpectedVersion][] = [
      ["'no_stream' on an existing stream", 2, 'no_stream'],
      ["'stream_exists' on a new stream", 0, 'stream_exists'],
      ['a stale version', 3, 2],
      ['a version ahead of the stream', 2, 3],
      ['an exact version on a new stream', 0, 1],
      ['0 on an existing stream', 1, 0],
    ];
    it.each(conflicting)(
      'rejects %s with a ConcurrencyError carrying the actual version, writing nothing',
      async (_, existing, expectedVersion) => {
        const store = await context.store();
        if (existing > 0)
          await store.append('s', notes(existing), { expectedVersion: 'no_stream' });
        const before = await readWholeLog(store);
        const error = await rejectionOf(store.append('s', notes(3, 'x'), { expectedVersion }));
        expect(error).toMatchObject({
          code: 'concurrency_conflict',
          streamId: 's',
          expected: expectedVersion,
          actual: existing,
        });
        expect(await readWholeLog(store)).toEqual(before);
        expect((await store.readStream('s')).version).toBe(existing);
      },
    );

    it('passes nextExpectedVersion on as the next expected version', async () => {
      const store = await context.store();
      let { nextExpectedVersion } = await store.append('s', notes(1), { expectedVersion: 0 });
      for (let round = 0; round < 3; round++) {
        ({ nextExpectedVersion } = await store.append('s', notes(2), {
          expectedVersion: nextExpectedVersion,
        }));
      }
      expect(nextExpectedVersion).toBe(7);
    });
  });

  describe('append: atomicity and the envelope', () => {
    it('writes all events of one append contiguously, or none of them', async () => {
      const store = await context.store();
      await store.append('s', notes(1), { expectedVersion: 'no_stream' });
      await store.append('other', notes(1), { expectedVersion: 'no_stream' });
      const result = await store.append('s', notes(5, 'batch'), { expectedVersion: 1 });
      const versions = result.events.map((e) => e.streamVersion);
      const positions = result.events.map((e) => e.globalPosition);
      expect(versions).toEqual([2, 3, 4, 5, 6]);
      for (let i = 1; i < positions.length; i++) {
        expect(positions[i]).toBeGreaterThan(positions[i - 1] as number);
      }
      // A failing append of many events leaves no trace, even of its valid events.
      const bad = [noted('fine'), { type: 'Noted', data: { when: new Date(0) } }];
      await expect(store.append('s', bad, { expectedVersion: 6 })).rejects.toMatchObject({
        code: 'validation_failed',
      });
      expect((await store.readStream('s')).version).toBe(6);
      expect(await readWholeLog(store)).toHaveLength(7);
    });

    it('returns the recorded events as they read back, with a full envelope', async () => {
      const store = await context.store();
      const metadata = { actor: 'rep-1', correlationId: 'c-1', custom: { nested: [1, 'two'] } };
      const result = await store.append(
        'account-1',
        [
          { type: 'Noted', data: { text: 'a' }, metadata, eventId: 'event-a' },
          { type: 'Noted', data: { text: 'b' } },
        ],
        { expectedVersion: 'no_stream' },
      );
      const [first, second] = result.events;
      expect(first).toMatchObject({
        eventId: 'event-a',
        streamId: 'account-1',
        streamVersion: 1,
        type: 'Noted',
        data: { text: 'a' },
        metadata: { ...metadata, schemaVersion: 1 },
      });
      expect(typeof second?.eventId).toBe('string');
      expect(second?.eventId).not.toBe('event-a');
      for (const event of result.events) {
        expect(isPosition(event.position)).toBe(true);
        expect(comparePositions(START_POSITION, event.position)).toBeLessThan(0);
        expect(Number.isSafeInteger(event.globalPosition)).toBe(true);
        expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
      }
      expect((await store.readStream('account-1')).events).toEqual(result.events);
      expect((await store.readAll()).events).toEqual(result.events);
    });

    it('keeps what it stored when the caller mutates its input afterwards', async () => {
      const store = await context.store();
      const data = { list: [1, 2], inner: { text: 'kept' } };
      const metadata = { actor: 'rep-1' };
      await store.append('s', [{ type: 'Raw', data, metadata }], { expectedVersion: 'any' });
      data.list.push(3);
      data.inner.text = 'changed';
      metadata.actor = 'someone else';
      const [event] = (await store.readStream('s')).events;
      expect(event?.data).toEqual({ list: [1, 2], inner: { text: 'kept' } });
      expect(event?.metadata.actor).toBe('rep-1');
    });

    it('gives every generated event id once', async () => {
      const store = await context.store();
      await store.append('a', notes(50), { expectedVersion: 'any' });
      await store.append('b', notes(50), { expectedVersion: 'any' });
      const ids = (await readWholeLog(store)).map((e) => e.eventId);
      expect(new Set(ids).size).toBe(100);
    });
  });

  describe('append: idempotency by event id', () => {
    it('answers a re-append with the original result, even after the stream moved on', async () => {
      const store = await context.store();
      const batch = [noted('a', 'id-1'), noted('b', 'id-2')];
      const original = await store.append('s', batch, { expectedVersion: 'no_stream' });
      await store.append('s', notes(3), { expectedVersion: 2 });
      const again = await store.append('s', batch, { expectedVersion: 'no_stream' });
      expect(again.nextExpectedVersion).toBe(original.nextExpectedVersion);
      expect(again.events).toEqual(original.events);
      const exact = await store.append('s', batch, { expectedVersion: 0 });
      expect(exact.events).toEqual(original.events);
      expect((await store.readStream('s')).version).toBe(5);
      expect(await readWholeLog(store)).toHaveLength(5);
    });

    it('treats ids the store generated like ids the caller chose', async () => {
      const store = await context.store();
      const original = await store.append('s', notes(2), { expectedVersion: 'no_stream' });
      await store.append('s', notes(1), { expectedVersion: 2 });
      const resent = original.events.map((e) => ({
        type: e.type,
        data: e.data,
        eventId: e.eventId,
      }));
      const again = await store.append('s', resent, { expectedVersion: 'no_stream' });
      expect(again.events).toEqual(original.events);
      await expect(
        store.append('elsewhere', resent.slice(0, 1), { expectedVersion: 'any' }),
      ).rejects.toMatchObject({ code: 'idempotency_conflict' });
      expect(await readWholeLog(store)).toHaveLength(3);
    });

    it('rejects an event id that already belongs to another stream, writing nothing', async () => {
      const store = await context.store();
      await store.append('first', [noted('a', 'shared-id')], { expectedVersion: 'any' });
      const error = await rejectionOf(
        store.append('second', [noted('b', 'shared-id')], { expectedVersion: 'any' }),
      );
      expect(error).toMatchObject({
        code: 'idempotency_conflict',
        streamId: 'second',
        eventIds: ['shared-id'],
      });
      expect((await store.readStream('second')).version).toBe(0);
      expect(await readWholeLog(store)).toHaveLength(1);
    });

    it('rejects an append that repeats only some earlier event ids, writing nothing', async () => {
      const store = await context.store();
      await store.append('s', [noted('a', 'id-1')], { expectedVersion: 'no_stream' });
      const error = await rejectionOf(
        store.append('s', [noted('a', 'id-1'), noted('new', 'id-2')], { expectedVersion: 1 }),
      );
      expect(error).toMatchObject({ code: 'idempotency_conflict', streamId: 's' });
      expect(error.eventIds).toContain('id-1');
      expect((await store.readStream('s')).version).toBe(1);
    });
  });
}
