import {
  type EventStore,
  type Position,
  type RecordedEvent,
  START_POSITION,
  type SubscribeOptions,
  type Subscription,
} from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { type ContractContext, readWholeLog, rejectionOf } from './contractContext.js';
import { counted, notes } from './contractEvents.js';

/** A subscription that records every batch it is handed. */
function collect(
  store: EventStore,
  options: Omit<SubscribeOptions, 'handler'> & {
    readonly onBatch?: (batch: readonly RecordedEvent[], subscription: Subscription) => void;
  } = {},
) {
  const batches: RecordedEvent[][] = [];
  const { onBatch, ...rest } = options;
  const subscription: Subscription = store.subscribe({
    ...rest,
    handler: (events) => {
      batches.push([...events]);
      onBatch?.(events, subscription);
    },
  });
  return {
    subscription,
    batches,
    events: () => batches.flat(),
  };
}

const positions = (events: readonly RecordedEvent[]): Position[] => events.map((e) => e.position);

/** Catch-up then live, order, at-least-once with checkpoints, stopping, caughtUp, failures. */
export function subscriptionContract(context: ContractContext): void {
  describe('subscribe', () => {
    it('catches up on the log, then delivers live appends, in order', async () => {
      const store = await context.store();
      await store.append('a', notes(5), { expectedVersion: 'any' });
      await store.append('b', notes(3), { expectedVersion: 'any' });
      const { subscription, events } = collect(store, { batchSize: 2 });
      await subscription.caughtUp();
      expect(positions(events())).toEqual(positions(await readWholeLog(store)));
      await store.append('a', notes(4, 'live'), { expectedVersion: 5 });
      await store.append('c', notes(1, 'live'), { expectedVersion: 'any' });
      await subscription.caughtUp();
      const all = await readWholeLog(store);
      expect(all).toHaveLength(13);
      expect(positions(events())).toEqual(positions(all));
      expect(subscription.position).toBe(all.at(-1)?.position);
      await subscription.stop();
    });

    it('hands the handler batches of at most batchSize events', async () => {
      const store = await context.store();
      await store.append('s', notes(7), { expectedVersion: 'any' });
      const { subscription, batches } = collect(store, { batchSize: 3 });
      await subscription.caughtUp();
      expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
      await subscription.stop();
    });

    it('resolves caughtUp at once when there is nothing to handle, and again later', async () => {
      const store = await context.store();
      const { subscription, events } = collect(store);
      expect(subscription.position).toBe(START_POSITION);
      await subscription.caughtUp();
      await subscription.caughtUp();
      expect(events()).toEqual([]);
      await store.append('s', notes(2), { expectedVersion: 'any' });
      await subscription.caughtUp();
      expect(events()).toHaveLength(2);
      await subscription.stop();
    });

    it('makes caughtUp called during a batch wait for events appended before the call', async () => {
      const store = await context.store();
      await store.append('s', notes(2), { expectedVersion: 'any' });
      const handled: number[] = [];
      let pending: Promise<void> | undefined;
      const subscription: Subscription = store.subscribe({
        handler: async (events) => {
          handled.push(...events.map((e) => e.streamVersion));
          if (pending !== undefined) return;
          await store.append('s', notes(3, 'during'), { expectedVersion: 2 });
          pending = subscription.caughtUp();
        },
      });
      await subscription.caughtUp();
      await pending;
      expect(handled).toEqual([1, 2, 3, 4, 5]);
      await subscription.stop();
    });

    it('delivers appends made through another store of the same tenant', async () => {
      const tenant = context.newTenant();
      const reader = await context.store({ tenant });
      const writer = await context.store({ tenant });
      const { subscription, events } = collect(reader);
      await subscription.caughtUp();
      await writer.append('s', notes(3), { expectedVersion: 'any' });
      await subscription.caughtUp();
      expect(events()).toHaveLength(3);
      await subscription.stop();
    });

    it('starts after `from` and filters by type', async () => {
      const store = await context.store();
      await store.append('s', [counted(1), ...notes(2), counted(2), counted(3)], {
        expectedVersion: 'any',
      });
      const all = await readWholeLog(store);
      const { subscription, events } = collect(store, {
        from: all[0]?.position ?? START_POSITION,
        types: ['Counted'],
      });
      await subscription.caughtUp();
      expect(events().map((e) => e.data)).toEqual([{ count: 2 }, { count: 3 }]);
      await subscription.stop();
    });

    it('moves a consumer checkpoint after each batch and resumes from it', async () => {
      const store = await context.store();
      await store.append('s', notes(5), { expectedVersion: 'any' });
      const first = collect(store, { consumer: 'projection', batchSize: 2 });
      await first.subscription.caughtUp();
      await first.subscription.stop();
      const all = await readWholeLog(store);
      expect(await store.readCheckpoint('projection')).toBe(all.at(-1)?.position);
      await store.append('s', notes(2, 'later'), { expectedVersion: 5 });
      // A stored checkpoint wins over `from`.
      const second = collect(store, { consumer: 'projection', from: START_POSITION });
      await second.subscription.caughtUp();
      expect(second.events().map((e) => e.streamVersion)).toEqual([6, 7]);
      await second.subscription.stop();
    });

    it('rejects done with the handler error, and redelivers the failed batch on resume', async () => {
      const store = await context.store();
      await store.append('s', notes(6), { expectedVersion: 'any' });
      const failure = new Error('handler failed');
      let calls = 0;
      const failing = store.subscribe({
        consumer: 'flaky',
        batchSize: 2,
        handler: () => {
          calls++;
          if (calls === 2) throw failure;
        },
      });
      expect(await rejectionOf(failing.done)).toBe(failure);
      expect(await rejectionOf(failing.caughtUp())).toBe(failure);
      const all = await readWholeLog(store);
      expect(await store.readCheckpoint('flaky')).toBe(all[1]?.position);
      const resumed = collect(store, { consumer: 'flaky', batchSize: 2 });
      await resumed.subscription.caughtUp();
      expect(resumed.events().map((e) => e.streamVersion)).toEqual([3, 4, 5, 6]);
      await resumed.subscription.stop();
    });

    it('fails with a CheckpointConflictError when the checkpoint moved under it', async () => {
      const store = await context.store();
      await store.append('s', notes(4), { expectedVersion: 'any' });
      const all = await readWholeLog(store);
      const subscription = store.subscribe({
        consumer: 'contested',
        batchSize: 2,
        handler: async () => {
          // Another process takes the consumer over while this batch is handled.
          if ((await store.readCheckpoint('contested')) === null) {
            await store.storeCheckpoint('contested', all[3]?.position ?? START_POSITION, {
              expected: null,
            });
          }
        },
      });
      expect(await rejectionOf(subscription.done)).toMatchObject({
        code: 'checkpoint_conflict',
        consumer: 'contested',
      });
      expect(await store.readCheckpoint('contested')).toBe(all[3]?.position);
    });

    it('finishes the batch in flight when stopped, then delivers nothing more', async () => {
      const store = await context.store();
      await store.append('s', notes(6), { expectedVersion: 'any' });
      const { subscription, events } = collect(store, {
        consumer: 'stopping',
        batchSize: 2,
        onBatch: (_, self) => {
          void self.stop();
        },
      });
      await subscription.done;
      const all = await readWholeLog(store);
      expect(events().map((e) => e.streamVersion)).toEqual([1, 2]);
      expect(await store.readCheckpoint('stopping')).toBe(all[1]?.position);
      await store.append('s', notes(1), { expectedVersion: 6 });
      expect(events()).toHaveLength(2);
    });

    it('stops on its AbortSignal while waiting for live events', async () => {
      const store = await context.store();
      await store.append('s', notes(2), { expectedVersion: 'any' });
      const controller = new AbortController();
      const { subscription, events } = collect(store, { signal: controller.signal });
      await subscription.caughtUp();
      controller.abort();
      await subscription.done;
      await store.append('s', notes(2), { expectedVersion: 2 });
      expect(events()).toHaveLength(2);
      await expect(subscription.caughtUp()).rejects.toBeDefined();
    });

    it('delivers nothing when its signal is already aborted', async () => {
      const store = await context.store();
      await store.append('s', notes(2), { expectedVersion: 'any' });
      const { subscription, events } = collect(store, { signal: AbortSignal.abort() });
      await subscription.done;
      expect(events()).toEqual([]);
    });

    it('resolves stop() once stopped, and stops every subscription when the store closes', async () => {
      const store = await context.store();
      const stopped = collect(store);
      await stopped.subscription.caughtUp();
      await stopped.subscription.stop();
      await stopped.subscription.done;
      const open = collect(store);
      await open.subscription.caughtUp();
      await store.close();
      await open.subscription.done;
      await store.close();
    });

    const badOptions: [string, Partial<SubscribeOptions>][] = [
      ['an empty consumer name', { consumer: '' }],
      ['a from that is not a position', { from: 'beginning' }],
      ['a zero batch size', { batchSize: 0 }],
      ['an empty event type', { types: [''] }],
    ];
    it.each(badOptions)('throws a ValidationError for %s', async (_, options) => {
      const store = await context.store();
      const error = await rejectionOf(() => store.subscribe({ ...options, handler: () => {} }));
      expect(error).toMatchObject({ code: 'validation_failed' });
    });
  });
}
