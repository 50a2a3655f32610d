import { createMemoryEventStore } from '@account-planning/store-memory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccountPlanning,
  createAccountPlanning,
  createDomainEventRegistry,
  type EventStore,
  isAccountPlanningError,
} from '../index.js';

// These tests run several application services, each with its own read model, over one memory
// store, as several processes would run over one database. fast-check's scheduler decides when
// each store call starts, so that every property explores many interleavings of the commands.

const registry = createDomainEventRegistry();
const noWait = () => Promise.resolve();

/** The store, with each call started only when the scheduler says so. */
function interleaved(store: EventStore, s: fc.Scheduler): EventStore {
  const later =
    <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await s.schedule(Promise.resolve(), name);
      return call(...args);
    };
  return {
    tenant: store.tenant,
    capabilities: store.capabilities,
    append: later('append', store.append.bind(store)),
    readStream: later('readStream', store.readStream.bind(store)),
    readAll: later('readAll', store.readAll.bind(store)),
    readCheckpoint: store.readCheckpoint.bind(store),
    storeCheckpoint: store.storeCheckpoint.bind(store),
    subscribe: store.subscribe.bind(store),
    close: store.close.bind(store),
  } as EventStore;
}

/** A service per process over the same store. */
function services(store: EventStore, count: number): AccountPlanning[] {
  return Array.from({ length: count }, () =>
    createAccountPlanning({
      store,
      sleep: noWait,
      retry: { maxAttempts: 20 },
      clock: () => new Date('2026-03-02T09:00:00.000Z'),
    }),
  );
}

async function settle(s: fc.Scheduler, runs: Promise<unknown>[]) {
  return s.waitFor(Promise.allSettled(runs));
}

function expectTypedRejections(outcomes: PromiseSettledResult<unknown>[]) {
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') expect(isAccountPlanningError(outcome.reason)).toBe(true);
  }
}

/** The parent of each account, as the accounts' own streams say. */
async function hierarchy(planning: AccountPlanning, accountIds: readonly string[]) {
  const parents = new Map<string, string | null>();
  for (const id of accountIds) {
    parents.set(id, (await planning.accounts.load(id)).state.parentAccountId);
  }
  return parents;
}

function hasCycle(parents: ReadonlyMap<string, string | null>): boolean {
  for (const start of parents.keys()) {
    const seen = new Set<string>();
    for (let at: string | null | undefined = start; at; at = parents.get(at)) {
      if (seen.has(at)) return true;
      seen.add(at);
    }
  }
  return false;
}

describe('the application service under concurrent commands', () => {
  it('never lets concurrent parent changes close a cycle in the account hierarchy', async () => {
    const changes = fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { minLength: 2, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), changes, async (s, pairs) => {
        const store = createMemoryEventStore({ registry });
        const [setup] = services(store, 1) as [AccountPlanning];
        const accountIds: string[] = [];
        for (const name of ['Group', 'France', 'Lyon', 'Paris']) {
          const opened = await setup.accounts.execute({
            type: 'OpenAccount',
            name,
            ownerRepId: 'rep-1',
            currency: 'EUR',
          });
          accountIds.push(opened.state.accountId as string);
        }
        const racers = services(interleaved(store, s), pairs.length);
        const outcomes = await settle(
          s,
          pairs.map(([child, parent], i) =>
            (racers[i] as AccountPlanning).accounts.execute({
              type: 'ChangeParentAccount',
              accountId: accountIds[child] as string,
              parentAccountId: accountIds[parent] as string,
            }),
          ),
        );
        expectTypedRejections(outcomes);
        expect(hasCycle(await hierarchy(setup, accountIds))).toBe(false);
        // With no process dying mid-change, every claim has landed or been overtaken.
        expect((await setup.readModel()).pendingParentClaims).toEqual({});
      }),
      { numRuns: 60 },
    );
  });

  it('lets exactly one of two opposite parent changes through', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const store = createMemoryEventStore({ registry });
        const [setup] = services(store, 1) as [AccountPlanning];
        const open = async (name: string) =>
          (
            await setup.accounts.execute({
              type: 'OpenAccount',
              name,
              ownerRepId: 'rep-1',
              currency: 'EUR',
            })
          ).state.accountId as string;
        const a = await open('A');
        const b = await open('B');
        const [one, two] = services(interleaved(store, s), 2) as [AccountPlanning, AccountPlanning];
        const outcomes = await settle(s, [
          one.accounts.execute({ type: 'ChangeParentAccount', accountId: a, parentAccountId: b }),
          two.accounts.execute({ type: 'ChangeParentAccount', accountId: b, parentAccountId: a }),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === 'rejected');
        expect(refused?.status === 'rejected' && refused.reason).toMatchObject({
          rule: 'account.hierarchy_cycle',
        });
      }),
      { numRuns: 40 },
    );
  });

  it('concludes a review once when two processes conclude it at the same time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const store = createMemoryEventStore({ registry });
        const [setup] = services(store, 1) as [AccountPlanning];
        const reviewId = await heldReview(setup, 'rep-1');
        const racers = services(interleaved(store, s), 2);
        const outcomes = await settle(
          s,
          racers.map((racer) => racer.reviews.execute({ type: 'ConcludeReview', reviewId })),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === 'rejected');
        expect(refused?.status === 'rejected' && refused.reason).toMatchObject({
          rule: 'review.concluded',
        });
        const stream = await store.readStream(`review-${reviewId}`);
        expect(stream.events.filter((e) => e.type === 'ReviewConcluded')).toHaveLength(1);
      }),
      { numRuns: 30 },
    );
  });

  it('completes an action item once when two processes complete it at the same time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const store = createMemoryEventStore({ registry });
        const [setup] = services(store, 1) as [AccountPlanning];
        const reviewId = await heldReview(setup, 'rep-1');
        const assigned = await setup.reviews.execute({
          type: 'AssignActionItem',
          reviewId,
          ownerRole: 'rep',
          ownerId: 'rep-1',
          title: 'Call the CFO',
          dueOn: '2026-03-31',
        });
        const actionId = assigned.state.actionItems[0]?.actionId as string;
        const racers = services(interleaved(store, s), 2);
        const outcomes = await settle(
          s,
          racers.map((racer) =>
            racer.actionItems.execute({ type: 'CompleteActionItem', actionId }),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === 'rejected');
        expect(refused?.status === 'rejected' && refused.reason).toMatchObject({
          rule: 'action.already_completed',
        });
      }),
      { numRuns: 30 },
    );
  });

  it("starts a review with a consistent previous review while the rep's last one concludes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const store = createMemoryEventStore({ registry });
        const [setup] = services(store, 1) as [AccountPlanning];
        // First review: one action agreed, left open.
        const first = await heldReview(setup, 'rep-1');
        const a1 = await assignAction(setup, first);
        await setup.reviews.execute({ type: 'ConcludeReview', reviewId: first });
        // Second review, in the meeting: a1 reviewed (still open), a2 agreed.
        const second = await heldReview(setup, 'rep-1');
        const a2 = await assignAction(setup, second);
        const third = await scheduledReview(setup, 'rep-1');

        const [one, two] = services(interleaved(store, s), 2) as [AccountPlanning, AccountPlanning];
        const outcomes = await settle(s, [
          one.reviews.execute({ type: 'ConcludeReview', reviewId: second }),
          two.reviews.execute({ type: 'StartReview', reviewId: third }),
        ]);
        expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
        const started = (await setup.reviews.load(third)).state.previousReview;
        // Either the second review had concluded (it is the previous one, with both actions) or
        // it had not (the first is, with its own action): never a mix.
        expect([
          { reviewId: second, openActionIds: [a1, a2] },
          { reviewId: first, openActionIds: [a1] },
        ]).toContainEqual(started);
        // Nothing is lost: a review started now would list both open actions.
        const next = await scheduledReview(setup, 'rep-1');
        const nextStarted = await setup.reviews.execute({ type: 'StartReview', reviewId: next });
        expect(nextStarted.state.previousReview?.openActionIds).toEqual([a1, a2]);
      }),
      { numRuns: 30 },
    );
  });
});

async function scheduledReview(planning: AccountPlanning, repId: string): Promise<string> {
  const { state: account } = await planning.accounts.execute({
    type: 'OpenAccount',
    name: 'Acme',
    ownerRepId: repId,
    currency: 'EUR',
  });
  const { state } = await planning.reviews.execute({
    type: 'ScheduleReview',
    kind: 'monthly',
    repId,
    managerId: 'mgr-1',
    accountIds: [account.accountId as string],
    scheduledFor: '2026-03-20T09:00:00.000Z',
  });
  const reviewId = state.reviewId as string;
  await planning.reviews.execute({ type: 'SendReviewNotice', reviewId, agenda: ['Accounts'] });
  return reviewId;
}

async function heldReview(planning: AccountPlanning, repId: string): Promise<string> {
  const reviewId = await scheduledReview(planning, repId);
  const started = await planning.reviews.execute({ type: 'StartReview', reviewId });
  for (const actionId of started.state.previousReview?.openActionIds ?? []) {
    await planning.reviews.execute({
      type: 'ReviewPreviousAction',
      reviewId,
      actionId,
      outcome: { status: 'open' },
    });
  }
  return reviewId;
}

async function assignAction(planning: AccountPlanning, reviewId: string): Promise<string> {
  const { state } = await planning.reviews.execute({
    type: 'AssignActionItem',
    reviewId,
    ownerRole: 'rep',
    ownerId: 'rep-1',
    title: 'Call the CFO',
    dueOn: '2026-03-31',
  });
  return state.actionItems.at(-1)?.actionId as string;
}
