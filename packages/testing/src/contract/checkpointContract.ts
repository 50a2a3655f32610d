import { type EventStore, type Position, STORE_LIMITS } from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { type ContractContext, readWholeLog, rejectionOf } from './contractContext.js';
import { notes } from './contractEvents.js';

async function threePositions(store: EventStore): Promise<[Position, Position, Position]> {
  await store.append('s', notes(3), { expectedVersion: 'any' });
  const [a, b, c] = (await readWholeLog(store)).map((e) => e.position);
  return [a as Position, b as Position, c as Position];
}

/** Consumer checkpoints with compare-and-set. */
export function checkpointContract(context: ContractContext): void {
  describe('checkpoints', () => {
    it('reads null for a consumer that never stored one', async () => {
      const store = await context.store();
      expect(await store.readCheckpoint('projection')).toBeNull();
    });

    it('stores a first checkpoint when null is expected and moves it when the current one is', async () => {
      const store = await context.store();
      const [a, b] = await threePositions(store);
      await store.storeCheckpoint('projection', a, { expected: null });
      expect(await store.readCheckpoint('projection')).toBe(a);
      await store.storeCheckpoint('projection', b, { expected: a });
      expect(await store.readCheckpoint('projection')).toBe(b);
    });

    it('rejects a stale expectation with a CheckpointConflictError, keeping the checkpoint', async () => {
      const store = await context.store();
      const [a, b, c] = await threePositions(store);
      await store.storeCheckpoint('projection', b, { expected: null });
      const stale = await rejectionOf(store.storeCheckpoint('projection', c, { expected: a }));
      expect(stale).toMatchObject({
        code: 'checkpoint_conflict',
        consumer: 'projection',
        expected: a,
        actual: b,
      });
      const unset = await rejectionOf(store.storeCheckpoint('projection', c, { expected: null }));
      expect(unset).toMatchObject({ code: 'checkpoint_conflict', expected: null, actual: b });
      expect(await store.readCheckpoint('projection')).toBe(b);
    });

    it('rejects expecting a checkpoint a consumer does not have', async () => {
      const store = await context.store();
      const [a, b] = await threePositions(store);
      const error = await rejectionOf(store.storeCheckpoint('fresh', b, { expected: a }));
      expect(error).toMatchObject({ code: 'checkpoint_conflict', expected: a, actual: null });
      expect(await store.readCheckpoint('fresh')).toBeNull();
    });

    it('keeps each consumer checkpoint apart', async () => {
      const store = await context.store();
      const [a, b] = await threePositions(store);
      await store.storeCheckpoint('one', a, { expected: null });
      await store.storeCheckpoint('two', b, { expected: null });
      expect(await store.readCheckpoint('one')).toBe(a);
      expect(await store.readCheckpoint('two')).toBe(b);
    });

    it('lets exactly one of two racing first stores win', async () => {
      const store = await context.store();
      const [a, b] = await threePositions(store);
      const outcomes = await Promise.allSettled([
        store.storeCheckpoint('raced', a, { expected: null }),
        store.storeCheckpoint('raced', b, { expected: null }),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const lost = outcomes.find((o) => o.status === 'rejected');
      expect(lost?.status === 'rejected' && lost.reason).toMatchObject({
        code: 'checkpoint_conflict',
      });
      expect([a, b]).toContain(await store.readCheckpoint('raced'));
    });

    const badCalls: [string, (store: EventStore, at: Position) => Promise<unknown>][] = [
      ['an empty consumer name', (s, at) => s.storeCheckpoint('', at, { expected: null })],
      [
        'an over-long consumer name',
        (s, at) =>
          s.storeCheckpoint('c'.repeat(STORE_LIMITS.nameLength + 1), at, { expected: null }),
      ],
      ['a consumer name with NUL', (s) => s.readCheckpoint('a\u0000b')],
      ['a position that is not one', (s) => s.storeCheckpoint('c', 'last', { expected: null })],
      [
        'an expected that is not a position',
        (s, at) => s.storeCheckpoint('c', at, { expected: 'x' }),
      ],
    ];
    it.each(badCalls)('rejects %s with a ValidationError', async (_, call) => {
      const store = await context.store();
      const [a] = await threePositions(store);
      await expect(call(store, a)).rejects.toMatchObject({ code: 'validation_failed' });
      expect(await store.readCheckpoint('c')).toBeNull();
    });
  });
}
