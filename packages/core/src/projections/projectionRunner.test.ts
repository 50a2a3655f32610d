import { createMemoryEventStore } from '@account-planning/store-memory';
import { describe, expect, it } from 'vitest';
import {
  createProjectionRunner,
  defineProjection,
  type EventStore,
  foldAsOf,
  type Projection,
  projectionSnapshotsIn,
  ValidationError,
} from '../index.js';

/** Counts revenue per account; `folded` records every event it is given, to see what a run folds. */
function revenueCounter(version = '1') {
  const folded: string[] = [];
  const projection: Projection<{ revenue: Record<string, number> }> = defineProjection<{
    revenue: Record<string, number>;
  }>({
    name: 'revenue-counter',
    version,
    initial: () => ({ revenue: {} }),
    handlers: {
      RevenueRecorded(state, data, event) {
        folded.push(event.position);
        state.revenue[data.accountId] =
          (state.revenue[data.accountId] ?? 0) + data.amount.amountMinor;
      },
    },
  });
  return { projection, folded };
}

async function recordRevenue(store: EventStore, accountId: string, amountMinor: number) {
  await store.append(
    `account-${accountId}`,
    [
      {
        type: 'RevenueRecorded',
        data: {
          accountId,
          at: '2026-03-02T09:00:00.000Z',
          revenueId: `r-${amountMinor}`,
          period: '2026-02',
          productLine: 'Licences',
          amount: { amountMinor, currency: 'EUR' },
        },
      },
      { type: 'SomethingElse', data: {} },
    ],
    { expectedVersion: 'any' },
  );
}

describe('the projection runner', () => {
  it('follows events appended after it caught up', async () => {
    const store = createMemoryEventStore();
    const { projection } = revenueCounter();
    await recordRevenue(store, 'a', 100);
    const runner = await createProjectionRunner({ store, projection });
    await runner.caughtUp();
    expect(runner.state.revenue).toEqual({ a: 100 });
    await recordRevenue(store, 'a', 250);
    await runner.caughtUp();
    expect(runner.state.revenue).toEqual({ a: 350 });
    expect(runner.eventCount).toBe(2);
    await runner.stop();
  });

  it('resumes after its snapshot: a restart folds only the events after the checkpoint', async () => {
    const store = createMemoryEventStore();
    const snapshots = projectionSnapshotsIn(store);
    const first = revenueCounter();
    await recordRevenue(store, 'a', 1);
    await recordRevenue(store, 'b', 2);
    const runner = await createProjectionRunner({
      store,
      projection: first.projection,
      snapshots,
      snapshotEvery: 2,
    });
    await runner.caughtUp();
    await runner.stop();
    await recordRevenue(store, 'a', 4);

    const second = revenueCounter();
    const restarted = await createProjectionRunner({
      store,
      projection: second.projection,
      snapshots,
    });
    await restarted.caughtUp();
    expect(restarted.state.revenue).toEqual({ a: 5, b: 2 });
    expect(second.folded).toHaveLength(1);
    expect(restarted.eventCount).toBe(3);
    await restarted.stop();
  });

  it('starts from scratch when the saved snapshot is of another version', async () => {
    const store = createMemoryEventStore();
    const snapshots = projectionSnapshotsIn(store);
    await recordRevenue(store, 'a', 1);
    const old = await createProjectionRunner({
      store,
      projection: revenueCounter('1').projection,
      snapshots,
    });
    await old.caughtUp();
    await old.saveSnapshot();
    await old.stop();
    const next = revenueCounter('2');
    const runner = await createProjectionRunner({ store, projection: next.projection, snapshots });
    await runner.caughtUp();
    expect(next.folded).toHaveLength(1);
    expect(runner.state.revenue).toEqual({ a: 1 });
    await runner.stop();
  });

  it('refuses to keep snapshots in a store without snapshot storage', () => {
    const store = createMemoryEventStore();
    const bare = {
      ...store,
      capabilities: { ...store.capabilities, supportsSnapshots: false },
    } as EventStore;
    expect(() => projectionSnapshotsIn(bare)).toThrow(ValidationError);
  });

  it('refuses a snapshot interval that is not a whole number from 1', async () => {
    const store = createMemoryEventStore();
    await expect(
      createProjectionRunner({ store, projection: revenueCounter().projection, snapshotEvery: 0 }),
    ).rejects.toThrow(ValidationError);
  });
});

describe('as of', () => {
  it('refuses a position the store did not make and a date that is not one', () => {
    const { projection } = revenueCounter();
    expect(() => foldAsOf(projection, [], { position: '42' })).toThrow(ValidationError);
    expect(() => foldAsOf(projection, [], { date: 'last March' })).toThrow(ValidationError);
  });
});
