import { createMemoryEventStore } from '@account-planning/store-memory';
import { arbitraryDomainLog, type DomainLog } from '@account-planning/testing';
import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  accountFigures,
  createProjectionRunner,
  type EventStore,
  foldAsOf,
  foldProjection,
  hypotheticalAccountLoss,
  hypotheticalPriceIncrease,
  projectionSnapshotsIn,
  type ReadModels,
  readModelsProjection,
  readProjection,
  replayChanges,
  trackAccountChanges,
  whatIf,
  whatIfFromStore,
} from '../index.js';

const log = arbitraryDomainLog();
const fold = (events: DomainLog['events']) => foldProjection(readModelsProjection, events);
/** A snapshot as a store keeps it: JSON in, JSON out. */
const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('read models as folds of the log', () => {
  it('rebuilt from scratch equal the ones kept incrementally across snapshot restores', () => {
    fc.assert(
      fc.property(log, fc.array(fc.nat(), { maxLength: 6 }), ({ events }, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (events.length + 1)))].sort((a, b) => a - b);
        let state = readModelsProjection.initial();
        let from = 0;
        for (const point of [...points, events.length]) {
          state = foldProjection(readModelsProjection, events.slice(from, point), state);
          state = throughJson(state);
          from = point;
        }
        expect(state).toEqual(fold(events));
      }),
    );
  });

  it('fold the same from the whole log as from the log filtered to the types they read', () => {
    fc.assert(
      fc.property(log, ({ events }) => {
        const reads = new Set(readModelsProjection.eventTypes);
        expect(fold(events.filter((e) => reads.has(e.type)))).toEqual(fold(events));
      }),
    );
  });

  it('as of the latest position, or a date after every event, equal the current ones', () => {
    fc.assert(
      fc.property(log, ({ events }) => {
        const current = fold(events);
        const last = events.at(-1)!.position;
        expect(foldAsOf(readModelsProjection, events, { position: last }).state).toEqual(current);
        expect(foldAsOf(readModelsProjection, events, { date: '2999-12-31' }).state).toEqual(
          current,
        );
      }),
    );
  });

  it('as of a past position equal the fold of the log up to it', () => {
    fc.assert(
      fc.property(log, fc.nat(), ({ events }, cut) => {
        const end = cut % events.length;
        const asOf = foldAsOf(readModelsProjection, events, { position: events[end]!.position });
        expect(asOf.state).toEqual(fold(events.slice(0, end + 1)));
        expect(asOf.position).toBe(asOf.state.position);
      }),
    );
  });

  it('as of a date hold exactly the events whose business time is on or before it', () => {
    fc.assert(
      fc.property(log, fc.nat(), ({ events }, pick) => {
        const day = (
          (events[pick % events.length]!.data as { at?: string }).at ?? '2026-01-01'
        ).slice(0, 10);
        const end = Date.parse(`${day}T23:59:59.999Z`);
        const expected = fold(
          events.filter((e) => {
            const at = (e.data as { at?: string }).at;
            return at === undefined || Date.parse(at) <= end;
          }),
        );
        expect(foldAsOf(readModelsProjection, events, { date: day }).state).toEqual(expected);
      }),
    );
  });
});

describe('what changed between two positions', () => {
  it('replayed on the earlier figures gives the later figures of every account', () => {
    fc.assert(
      fc.property(log, fc.nat(), fc.nat(), ({ events, accountIds }, a, b) => {
        const [p1, p2] = [a % (events.length + 1), b % (events.length + 1)].sort((x, y) => x - y);
        const models = fold(events.slice(0, p1!));
        const tracker = trackAccountChanges(models, accountIds);
        for (const event of events.slice(p1, p2)) tracker.observe(event);
        const later = fold(events.slice(0, p2!));
        for (const [accountId, list] of Object.entries(tracker.result())) {
          const replayed = replayChanges(list.before, list.changes);
          expect(replayed).toEqual(accountFigures(later, accountId));
          expect(list.after).toEqual(replayed);
        }
      }),
    );
  });
});

describe('what-if', () => {
  it('leaves the read models it branches from untouched', () => {
    fc.assert(
      fc.property(log, ({ events, accountIds }) => {
        const models = freeze(fold(events), true) as ReadModels;
        const before = structuredClone(models);
        const at = '2030-06-01T09:00:00.000Z';
        const result = whatIf(
          models,
          [
            hypotheticalAccountLoss(accountIds[0]!, { at }),
            ...hypotheticalPriceIncrease(models, {
              rate: 0.05,
              asOf: '2030-06-01',
              at,
              currency: 'EUR',
            }),
          ],
          { asOf: '2030-06-01', currency: 'EUR', churnRate: 0.1 },
        );
        expect(models).toEqual(before);
        expect(result.branchModels.book.accounts[accountIds[0]!]?.status).toBe('lost');
      }),
    );
  });

  it('never writes to the store it reads from', async () => {
    await fc.assert(
      fc.asyncProperty(log, async ({ events, accountIds }) => {
        const store = await storeWith(events);
        const writes: string[] = [];
        const spy = spyOnWrites(store, writes);
        const logBefore = await store.readAll({ limit: 10_000 });
        const at = '2030-06-01T09:00:00.000Z';
        await whatIfFromStore(spy, [hypotheticalAccountLoss(accountIds[0]!, { at })], {
          asOf: '2030-06-01',
          currency: 'EUR',
        });
        expect(writes).toEqual([]);
        expect(await store.readAll({ limit: 10_000 })).toEqual(logBefore);
      }),
      { numRuns: 20 },
    );
  });
});

describe('the projection runner', () => {
  it('keeps the read models equal to a rebuild, across a restart from its snapshot', async () => {
    await fc.assert(
      fc.asyncProperty(log, fc.nat(), async ({ events }, cut) => {
        const split = cut % (events.length + 1);
        const store = createMemoryEventStore();
        await appendAll(store, events.slice(0, split));
        const snapshots = projectionSnapshotsIn(store);
        const first = await createProjectionRunner({
          store,
          projection: readModelsProjection,
          snapshots,
          batchSize: 7,
        });
        await first.caughtUp();
        await first.saveSnapshot();
        await first.stop();
        await appendAll(store, events.slice(split));
        const second = await createProjectionRunner({
          store,
          projection: readModelsProjection,
          snapshots,
          snapshotEvery: 5,
          batchSize: 3,
        });
        await second.caughtUp();
        const rebuilt = await readProjection(store, readModelsProjection);
        expect(second.state).toEqual(rebuilt.state);
        expect(second.position).toBe(rebuilt.position);
        await second.stop();
      }),
      { numRuns: 20 },
    );
  });
});

async function appendAll(store: EventStore, events: DomainLog['events']): Promise<void> {
  for (const event of events) {
    await store.append(event.streamId, [{ type: event.type, data: event.data as never }], {
      expectedVersion: 'any',
    });
  }
}

async function storeWith(events: DomainLog['events']) {
  const store = createMemoryEventStore();
  await appendAll(store, events);
  return store;
}

/** The store, with every writing method recording its name in `writes` instead of writing. */
function spyOnWrites(store: EventStore, writes: string[]): EventStore {
  const refuse = (name: string) => async () => {
    writes.push(name);
    throw new Error(`${name} called`);
  };
  return {
    ...store,
    readAll: store.readAll.bind(store),
    readStream: store.readStream.bind(store),
    readCheckpoint: store.readCheckpoint.bind(store),
    subscribe: store.subscribe.bind(store),
    close: store.close.bind(store),
    append: refuse('append'),
    storeCheckpoint: refuse('storeCheckpoint'),
    archiveStream: refuse('archiveStream'),
    forgetSubject: refuse('forgetSubject'),
    snapshots: { load: async () => null, save: refuse('snapshots.save') },
  } as EventStore;
}
