import { createMemoryEventStore } from '@account-planning/store-memory';
import { describe, expect, it } from 'vitest';
import {
  type AccountPlanning,
  createAccountPlanning,
  createDomainEventRegistry,
  type DomainRuleViolation,
  type EventStore,
  StorageError,
  streamIdFor,
} from '../index.js';

const DAY = 86_400_000;

/** A service over a fresh memory store, with a clock the test moves. */
function setup() {
  let now = Date.parse('2026-03-02T09:00:00.000Z');
  const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
  const planning = createAccountPlanning({ store, clock: () => new Date(now) });
  const moveTo = (iso: string) => {
    now = Date.parse(iso);
  };
  const logLength = async () => (await store.readAll({ limit: 10_000 })).events.length;
  return { store, planning, moveTo, logLength };
}

async function openAccount(planning: AccountPlanning, name: string, parentAccountId?: string) {
  const { state } = await planning.accounts.execute({
    type: 'OpenAccount',
    name,
    ownerRepId: 'rep-1',
    currency: 'EUR',
    ...(parentAccountId === undefined ? {} : { parentAccountId }),
  });
  return state.accountId as string;
}

/** Schedules and gives notice of a monthly review of `accountIds`, two weeks ahead. */
async function scheduleReview(planning: AccountPlanning, accountIds: string[], on: string) {
  const { state } = await planning.reviews.execute({
    type: 'ScheduleReview',
    kind: 'monthly',
    repId: 'rep-1',
    managerId: 'mgr-1',
    accountIds,
    scheduledFor: on,
    at: new Date(Date.parse(on) - 20 * DAY).toISOString(),
  });
  const reviewId = state.reviewId as string;
  await planning.reviews.execute({
    type: 'SendReviewNotice',
    reviewId,
    agenda: ["Last review's actions", 'Accounts', 'The five questions', 'New actions'],
    at: new Date(Date.parse(on) - 14 * DAY).toISOString(),
  });
  return reviewId;
}

async function rejection(promise: Promise<unknown>): Promise<DomainRuleViolation> {
  try {
    await promise;
  } catch (error) {
    return error as DomainRuleViolation;
  }
  throw new Error('expected the command to be refused');
}

describe('the application service', () => {
  it('fills in the business time and the new id of a creating command at the edge', async () => {
    const { planning } = setup();
    const { state, events } = await planning.accounts.execute({
      type: 'OpenAccount',
      name: 'Acme',
      ownerRepId: 'rep-1',
      currency: 'EUR',
    });
    expect(state.accountId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(events[0]?.data).toMatchObject({ at: '2026-03-02T09:00:00.000Z' });
    expect(events[0]?.metadata.occurredAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('fills in the id of an opportunity, contact or revenue entry added to an account', async () => {
    const { planning } = setup();
    const accountId = await openAccount(planning, 'Acme');
    const identified = await planning.accounts.execute({
      type: 'IdentifyOpportunity',
      accountId,
      name: 'ERP roll-out',
      kind: 'cross_sell',
      value: { amountMinor: 5_000_000, currency: 'EUR' },
      probability: 40,
      expectedClose: '2026-05-29',
      productLine: 'Software',
      source: 'existing_relationship',
    });
    const added = await planning.accounts.execute({
      type: 'AddContact',
      accountId,
      name: 'Dana Ruiz',
      role: 'economic_buyer',
      influence: 4,
      decisionPower: 5,
      targetRelationship: 'trusted_advisor',
    });
    const recorded = await planning.accounts.execute({
      type: 'RecordRevenue',
      accountId,
      period: '2026-02',
      productLine: 'Software',
      amount: { amountMinor: 1_000_000, currency: 'EUR' },
    });
    const ulid = /^[0-9A-HJKMNP-TV-Z]{26}$/;
    expect(Object.keys(identified.state.opportunities)).toEqual([expect.stringMatching(ulid)]);
    expect(Object.keys(added.state.contacts)).toEqual([expect.stringMatching(ulid)]);
    expect(Object.keys(recorded.state.revenue)).toEqual([expect.stringMatching(ulid)]);
  });

  it('replays a creating command retried with its idempotency key, its id again left out', async () => {
    const { planning, logLength } = setup();
    const open = { type: 'OpenAccount', name: 'Acme', ownerRepId: 'rep-1', currency: 'EUR' };
    const first = await planning.accounts.execute(open as never, { idempotencyKey: 'open-acme' });
    const retried = await planning.accounts.execute(open as never, {
      idempotencyKey: 'open-acme',
    });
    expect(retried.replayed).toBe(true);
    expect(retried.state.accountId).toBe(first.state.accountId);
    const schedule = {
      type: 'ScheduleReview',
      kind: 'monthly',
      repId: 'rep-1',
      managerId: 'mgr-1',
      accountIds: [first.state.accountId as string],
      scheduledFor: '2026-03-20T09:00:00.000Z',
    };
    const scheduled = await planning.reviews.execute(schedule as never, { idempotencyKey: 's-1' });
    const again = await planning.reviews.execute(schedule as never, { idempotencyKey: 's-1' });
    expect(again.state.reviewId).toBe(scheduled.state.reviewId);
    expect(await logLength()).toBe(2);
  });

  it("opens an agreed action's stream when the command is retried after the follow-up failed", async () => {
    const memory = createMemoryEventStore({ registry: createDomainEventRegistry() });
    let failActionAppend = true;
    // The store loses its connection once, on the follow-up write that opens the action's stream.
    const store = new Proxy(memory, {
      get(target, property) {
        if (property !== 'append') return Reflect.get(target, property);
        const append: EventStore['append'] = async (streamId, events, options) => {
          if (failActionAppend && streamId.startsWith('action-')) {
            failActionAppend = false;
            throw new StorageError('connection lost', { outcome: 'not_written' });
          }
          return target.append(streamId, events, options);
        };
        return append;
      },
    });
    const planning = createAccountPlanning({
      store,
      clock: () => new Date('2026-03-16T09:00:00.000Z'),
    });
    const acme = await openAccount(planning, 'Acme');
    const reviewId = await scheduleReview(planning, [acme], '2026-03-16T10:00:00.000Z');
    await planning.reviews.execute({ type: 'StartReview', reviewId });
    const assign = {
      type: 'AssignActionItem',
      reviewId,
      ownerRole: 'rep',
      ownerId: 'rep-1',
      title: 'Send the proposal',
      dueOn: '2026-03-27',
    } as const;
    await expect(
      planning.reviews.execute(assign, { idempotencyKey: 'assign-1' }),
    ).rejects.toMatchObject({ code: 'storage_failed' });
    const retried = await planning.reviews.execute(assign, { idempotencyKey: 'assign-1' });
    expect(retried.replayed).toBe(true);
    const [agreed] = retried.state.actionItems;
    const action = await planning.actionItems.load(agreed?.actionId as string);
    expect(action.state).toMatchObject({ status: 'open', title: 'Send the proposal' });
  });

  it('opens one account when attempts with one idempotency key race', async () => {
    const { planning, logLength } = setup();
    const open = { type: 'OpenAccount', name: 'Acme', ownerRepId: 'rep-1', currency: 'EUR' };
    const results = await Promise.all(
      [1, 2, 3].map(() => planning.accounts.execute(open as never, { idempotencyKey: 'k' })),
    );
    expect(new Set(results.map((r) => r.state.accountId)).size).toBe(1);
    expect(await logLength()).toBe(1);
  });

  it('refuses a malformed command with a validation error and writes nothing', async () => {
    const { planning, logLength } = setup();
    await expect(
      planning.reviews.execute({ type: 'ConcludeReview', reviewId: 'not-a-ulid' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await logLength()).toBe(0);
  });

  it('locates each misspelt field of a command at the field itself', async () => {
    const { planning } = setup();
    const error = await planning.accounts
      .execute({
        type: 'OpenAccount',
        name: 'Acme',
        ownerRepId: 'rep-1',
        currency: 'EUR',
        owner: 'rep-2',
        terrritoryId: null,
      } as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'validation_failed',
      issues: [
        { path: ['owner'], code: 'unrecognized_keys', message: 'Unrecognized key: "owner"' },
        { path: ['terrritoryId'], code: 'unrecognized_keys' },
      ],
    });
  });

  it("carries a rep's open actions from review to review, each reviewed first", async () => {
    const { planning, moveTo, store } = setup();
    const acme = await openAccount(planning, 'Acme');
    const globex = await openAccount(planning, 'Globex');

    // The rep's first review: there is no previous review to start with.
    const first = await scheduleReview(planning, [acme, globex], '2026-03-16T09:00:00.000Z');
    moveTo('2026-03-16T09:00:00.000Z');
    const started = await planning.reviews.execute({ type: 'StartReview', reviewId: first });
    expect(started.state.previousReview).toBeNull();
    const repAction = await planning.reviews.execute({
      type: 'AssignActionItem',
      reviewId: first,
      ownerRole: 'rep',
      ownerId: 'rep-1',
      title: 'Send Acme the renewal proposal',
      accountId: acme,
      dueOn: '2026-03-31',
    });
    const managerAction = await planning.reviews.execute({
      type: 'AssignActionItem',
      reviewId: first,
      ownerRole: 'manager',
      ownerId: 'mgr-1',
      title: 'Introduce the rep to Globex procurement',
      dueOn: '2026-03-31',
    });
    const [repActionId, managerActionId] = [repAction, managerAction].map(
      (result) => result.state.actionItems.at(-1)?.actionId as string,
    );
    await planning.reviews.execute({ type: 'ConcludeReview', reviewId: first });

    // Each agreed action lives on in its own stream, naming the review it came from.
    const opened = await planning.actionItems.load(repActionId as string);
    expect(opened.state).toMatchObject({
      status: 'open',
      source: { kind: 'review', reviewId: first },
      ownerId: 'rep-1',
      accountId: acme,
      dueOn: '2026-03-31',
    });

    // The next review starts with both, found by the service.
    const second = await scheduleReview(planning, [acme, globex], '2026-04-16T09:00:00.000Z');
    moveTo('2026-04-16T09:00:00.000Z');
    const secondStarted = await planning.reviews.execute({ type: 'StartReview', reviewId: second });
    expect(secondStarted.state.previousReview).toEqual({
      reviewId: first,
      openActionIds: [repActionId, managerActionId],
    });
    await expect(
      planning.reviews.execute({ type: 'ConcludeReview', reviewId: second }),
    ).rejects.toMatchObject({ rule: 'review.previous_actions_pending' });
    await planning.reviews.execute({
      type: 'ReviewPreviousAction',
      reviewId: second,
      actionId: repActionId as string,
      outcome: { status: 'done' },
    });
    await planning.reviews.execute({
      type: 'ReviewPreviousAction',
      reviewId: second,
      actionId: managerActionId as string,
      outcome: { status: 'slipped', newDueOn: '2026-05-15' },
      note: 'Procurement reorganised',
    });
    await planning.reviews.execute({ type: 'ConcludeReview', reviewId: second });

    // What the meeting reported is applied to the action items themselves.
    expect((await planning.actionItems.load(repActionId as string)).state.status).toBe('done');
    expect((await planning.actionItems.load(managerActionId as string)).state).toMatchObject({
      status: 'slipped',
      dueOn: '2026-05-15',
      slipCount: 1,
    });

    // The slipped action is still open, so the third review starts with it again.
    const third = await scheduleReview(planning, [acme], '2026-05-18T09:00:00.000Z');
    moveTo('2026-05-18T09:00:00.000Z');
    const thirdStarted = await planning.reviews.execute({ type: 'StartReview', reviewId: third });
    expect(thirdStarted.state.previousReview).toEqual({
      reviewId: second,
      openActionIds: [managerActionId],
    });
    const log = await store.readAll({ limit: 10_000 });
    expect(log.events.filter((e) => e.type === 'ActionItemOpened')).toHaveLength(2);
  });

  it("refuses to start a review with actions that are not the rep's, or without all of them", async () => {
    const { planning, moveTo } = setup();
    const acme = await openAccount(planning, 'Acme');
    const first = await scheduleReview(planning, [acme], '2026-03-16T09:00:00.000Z');
    moveTo('2026-03-16T09:00:00.000Z');
    await planning.reviews.execute({ type: 'StartReview', reviewId: first });
    const assigned = await planning.reviews.execute({
      type: 'AssignActionItem',
      reviewId: first,
      ownerRole: 'rep',
      ownerId: 'rep-1',
      title: 'Call the CFO',
      dueOn: '2026-03-31',
    });
    const actionId = assigned.state.actionItems[0]?.actionId as string;
    await planning.reviews.execute({ type: 'ConcludeReview', reviewId: first });
    const second = await scheduleReview(planning, [acme], '2026-04-16T09:00:00.000Z');
    moveTo('2026-04-16T09:00:00.000Z');
    const stranger = '01JQ0000000000000000000099';

    const foreign = await rejection(
      planning.reviews.execute({
        type: 'StartReview',
        reviewId: second,
        previousReview: { reviewId: first, openActionIds: [actionId, stranger] },
      }),
    );
    expect(foreign).toMatchObject({
      rule: 'review.previous_action_foreign',
      ids: { actionId: stranger },
    });
    const incomplete = await rejection(
      planning.reviews.execute({
        type: 'StartReview',
        reviewId: second,
        previousReview: { reviewId: first, openActionIds: [] },
      }),
    );
    expect(incomplete).toMatchObject({
      rule: 'review.previous_actions_incomplete',
      ids: { actionId },
    });
    const skipped = await rejection(
      planning.reviews.execute({ type: 'StartReview', reviewId: second, previousReview: null }),
    );
    expect(skipped.rule).toBe('review.previous_review_mismatch');
    expect((await planning.reviews.load(second)).state.status).toBe('scheduled');
  });

  it("refuses a reported status that the action item's own record contradicts, writing nothing", async () => {
    const { planning, moveTo, logLength } = setup();
    const acme = await openAccount(planning, 'Acme');
    const first = await scheduleReview(planning, [acme], '2026-03-16T09:00:00.000Z');
    moveTo('2026-03-16T09:00:00.000Z');
    await planning.reviews.execute({ type: 'StartReview', reviewId: first });
    const assigned = await planning.reviews.execute({
      type: 'AssignActionItem',
      reviewId: first,
      ownerRole: 'rep',
      ownerId: 'rep-1',
      title: 'Call the CFO',
      dueOn: '2026-03-31',
    });
    const actionId = assigned.state.actionItems[0]?.actionId as string;
    await planning.reviews.execute({ type: 'ConcludeReview', reviewId: first });
    const second = await scheduleReview(planning, [acme], '2026-04-16T09:00:00.000Z');
    moveTo('2026-04-16T09:00:00.000Z');
    const started = await planning.reviews.execute({ type: 'StartReview', reviewId: second });
    expect(started.state.previousReview?.openActionIds).toEqual([actionId]);
    // The rep ticks the action off while the meeting is going on.
    await planning.actionItems.execute({ type: 'CompleteActionItem', actionId });

    const before = await logLength();
    await expect(
      planning.reviews.execute({
        type: 'ReviewPreviousAction',
        reviewId: second,
        actionId,
        outcome: { status: 'cancelled' },
      }),
    ).rejects.toMatchObject({ rule: 'review.action_outcome_conflict', ids: { actionId } });
    expect(await logLength()).toBe(before);
    // Reported as it is recorded, it is accepted, and the action item is left as it was.
    await planning.reviews.execute({
      type: 'ReviewPreviousAction',
      reviewId: second,
      actionId,
      outcome: { status: 'done' },
    });
    expect(await logLength()).toBe(before + 1);
  });

  it('refuses commands that name accounts, plans, reviews or territories that do not exist', async () => {
    const { planning, logLength } = setup();
    const acme = await openAccount(planning, 'Acme');
    const ghost = '01JQ0000000000000000000G05';
    const before = await logLength();
    const cases: [Promise<unknown>, string][] = [
      [
        planning.accounts.execute({
          type: 'OpenAccount',
          name: 'Acme Lyon',
          ownerRepId: 'rep-1',
          currency: 'EUR',
          parentAccountId: ghost,
        }),
        'account.parent_not_found',
      ],
      [
        planning.accounts.execute({
          type: 'AssignAccountTerritory',
          accountId: acme,
          territoryId: 'north',
        }),
        'account.territory_not_found',
      ],
      [
        planning.plans.execute({
          type: 'DraftPlan',
          accountId: ghost,
          repId: 'rep-1',
          year: 2026,
          currency: 'EUR',
        }),
        'plan.account_not_found',
      ],
      [
        planning.reviews.execute({
          type: 'ScheduleReview',
          kind: 'monthly',
          repId: 'rep-1',
          managerId: 'mgr-1',
          accountIds: [acme, ghost],
          scheduledFor: '2026-03-16T09:00:00.000Z',
        }),
        'review.account_not_found',
      ],
      [
        planning.reviews.execute({
          type: 'ScheduleReview',
          kind: 'strategic_plan',
          repId: 'rep-1',
          managerId: 'mgr-1',
          accountIds: [acme],
          planId: ghost,
          scheduledFor: '2026-03-16T09:00:00.000Z',
        }),
        'review.plan_not_found',
      ],
      [
        planning.actionItems.execute({
          type: 'OpenActionItem',
          source: { kind: 'plan', planId: ghost },
          ownerRole: 'rep',
          ownerId: 'rep-1',
          title: 'Call the CFO',
          dueOn: '2026-03-31',
        }),
        'action.source_not_found',
      ],
      [
        planning.salesPlans.execute({
          type: 'AllocateSalesPlanGrowth',
          repId: 'rep-1',
          period: '2026',
          accountId: ghost,
          amount: { measure: 'units', units: 5 },
        }),
        'salesplan.account_not_found',
      ],
    ];
    for (const [attempt, rule] of cases) {
      await expect(attempt).rejects.toMatchObject({ code: 'domain_rule_violated', rule });
    }
    expect(await logLength()).toBe(before);
  });

  it("opens an action item for each of a plan's next steps, naming the plan", async () => {
    const { planning } = setup();
    const acme = await openAccount(planning, 'Acme');
    const { state: plan } = await planning.plans.execute({
      type: 'DraftPlan',
      accountId: acme,
      repId: 'rep-1',
      year: 2026,
      currency: 'EUR',
    });
    const planId = plan.planId as string;
    const actionItemId = '01JQ00000000000000000STEP1';
    const step = {
      actionId: actionItemId,
      title: 'Map the Acme buying committee',
      ownerId: 'rep-1',
      ownerRole: 'rep' as const,
      dueOn: '2026-04-30',
    };
    await planning.plans.execute({
      type: 'ListPlanNextSteps',
      planId,
      section: { steps: [step] },
    });
    expect((await planning.actionItems.load(actionItemId)).state).toMatchObject({
      status: 'open',
      source: { kind: 'plan', planId },
      title: 'Map the Acme buying committee',
      dueOn: '2026-04-30',
    });
    // Listing the steps again does not open the item twice.
    await planning.plans.execute({ type: 'ListPlanNextSteps', planId, section: { steps: [step] } });
    expect((await planning.actionItems.load(actionItemId)).version).toBe(1);
    // A step already overdue refuses the whole command: the plan is not changed either.
    const planVersion = (await planning.plans.load(planId)).version;
    await expect(
      planning.plans.execute({
        type: 'ListPlanNextSteps',
        planId,
        section: {
          steps: [step, { ...step, actionId: '01JQ00000000000000000STEP2', dueOn: '2026-01-31' }],
        },
      }),
    ).rejects.toMatchObject({ rule: 'action.due_before_opened' });
    expect((await planning.plans.load(planId)).version).toBe(planVersion);
  });

  it('refuses a parent change that would close a cycle, and writes nothing', async () => {
    const { planning, store, logLength } = setup();
    const group = await openAccount(planning, 'Acme Group');
    const france = await openAccount(planning, 'Acme France', group);
    const lyon = await openAccount(planning, 'Acme Lyon', france);
    const before = await logLength();
    const cycle = await rejection(
      planning.accounts.execute({
        type: 'ChangeParentAccount',
        accountId: group,
        parentAccountId: lyon,
      }),
    );
    expect(cycle).toMatchObject({
      rule: 'account.hierarchy_cycle',
      ids: { accountId: group, parentAccountId: lyon },
    });
    expect(await logLength()).toBe(before);
    // A legitimate move goes through the ledger and lands on the account, caused by the claim.
    const moved = await planning.accounts.execute({
      type: 'ChangeParentAccount',
      accountId: lyon,
      parentAccountId: group,
    });
    const [claim] = (await store.readStream('hierarchy-accounts')).events;
    expect(claim?.data).toMatchObject({ accountId: lyon, parentAccountId: group });
    expect(moved.events[0]?.metadata.causationId).toBe(claim?.eventId);
    expect(moved.state.parentAccountId).toBe(group);
    expect((await planning.readModel()).pendingParentClaims).toEqual({});
  });

  it('replays a retried assignment with the same idempotency key, opening its action item once', async () => {
    const { planning, moveTo, store } = setup();
    const acme = await openAccount(planning, 'Acme');
    const reviewId = await scheduleReview(planning, [acme], '2026-03-16T09:00:00.000Z');
    moveTo('2026-03-16T09:00:00.000Z');
    await planning.reviews.execute({ type: 'StartReview', reviewId });
    const assign = {
      type: 'AssignActionItem' as const,
      reviewId,
      actionId: '01JQ0000000000000000ACT001',
      ownerRole: 'rep' as const,
      ownerId: 'rep-1',
      title: 'Call the CFO',
      dueOn: '2026-03-31',
    };
    await planning.reviews.execute(assign, { idempotencyKey: 'assign-1' });
    const again = await planning.reviews.execute(assign, { idempotencyKey: 'assign-1' });
    expect(again.replayed).toBe(true);
    await expect(planning.reviews.execute(assign)).rejects.toMatchObject({
      rule: 'review.action_already_assigned',
    });
    const opened = await store.readStream(streamIdFor('action', assign.actionId));
    expect(opened.version).toBe(1);
  });
});

describe('forgetting a contact through the service', () => {
  const addDana = async (planning: AccountPlanning, accountId: string) => {
    const { state } = await planning.accounts.execute({
      type: 'AddContact',
      accountId,
      name: 'Dana Ruiz',
      title: 'CFO',
      email: 'dana@acme.example',
      role: 'executive_sponsor',
      influence: 5,
      decisionPower: 5,
      relationship: 'credible_source',
      targetRelationship: 'trusted_advisor',
    });
    const [contactId] = Object.keys(state.contacts);
    return contactId as string;
  };

  it('removes the contact personal data from every stored event, not only from the state', async () => {
    const { store, planning } = setup();
    const accountId = await openAccount(planning, 'Acme');
    const contactId = await addDana(planning, accountId);
    await planning.accounts.execute({ type: 'ForgetContact', accountId, contactId });

    const stored = JSON.stringify((await store.readAll({ limit: 10_000 })).events);
    expect(stored).not.toContain('Dana');
    expect(stored).not.toContain('dana@acme.example');
    expect(stored).toContain(contactId); // the fact that the contact existed is kept
    const { state } = await planning.accounts.load(accountId);
    expect(JSON.stringify(state)).not.toContain('Dana');
  });

  it('refuses to record the forgetting on a store that cannot remove personal data, writing nothing', async () => {
    const { store, logLength } = setup();
    const keeping: EventStore = {
      ...store,
      capabilities: { ...store.capabilities, supportsForgetting: false },
      append: store.append.bind(store),
      readStream: store.readStream.bind(store),
      readAll: store.readAll.bind(store),
    };
    const planning = createAccountPlanning({ store: keeping });
    const accountId = await openAccount(planning, 'Acme');
    const contactId = await addDana(planning, accountId);
    const before = await logLength();
    await expect(
      planning.accounts.execute({ type: 'ForgetContact', accountId, contactId }),
    ).rejects.toBeInstanceOf(StorageError);
    expect(await logLength()).toBe(before);
  });
});
