import { createMemoryEventStore } from '@account-planning/store-memory';
import {
  arbitraryPlanCommandSequence,
  planSectionArbitraries,
  runCommandSequence,
} from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCommandHandler,
  createEventRegistry,
  DomainRuleViolation,
  draftNextYearPlan,
  fold,
  isAccountPlanningError,
  PlanCommand,
  type PlanEvent,
  type PlanState,
  planDecider,
  planEvents,
  streamIdFor,
} from '../index.js';

const registry = createEventRegistry(planEvents);

function plansOn(store: ReturnType<typeof createMemoryEventStore>) {
  return createCommandHandler<PlanState, PlanCommand, PlanEvent>({
    store,
    decider: planDecider,
    commandSchema: PlanCommand,
    snapshots: { reducerVersion: 'plan-test', every: 4 },
    clock: () => new Date('2026-03-02T09:00:00.000Z'),
  });
}

describe('the plan through the command handler and the memory store', () => {
  it('stores exactly the accepted events, with contiguous versions, and rebuilds the same state', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryPlanCommandSequence(20), async ({ context, commands }) => {
        const store = createMemoryEventStore({ registry });
        const plans = plansOn(store);
        const streamId = streamIdFor('plan', context.planId);
        for (const command of commands) {
          await plans.handle(streamId, command).catch((error: unknown) => {
            // A refused command is a typed rule violation; anything else fails the property.
            if (!(isAccountPlanningError(error) && error.code === 'domain_rule_violated'))
              throw error;
          });
        }
        const expected = runCommandSequence(planDecider, commands, { commandSchema: PlanCommand });
        const stored = await store.readStream<PlanEvent>(streamId);
        expect(stored.events.map((event) => event.type)).toEqual(
          expected.events.map((e) => e.type),
        );
        expect(stored.events.map((event) => event.streamVersion)).toEqual(
          expected.events.map((_, index) => index + 1),
        );
        expect((await plans.load(streamId)).state).toEqual(expected.state);
        await store.close();
      }),
      { numRuns: 15 },
    );
  });

  it('drafts next year’s plan in its own stream from the clone recorded on this year’s', async () => {
    const store = createMemoryEventStore({ registry });
    const plans = plansOn(store);
    const planId = '01J00000000000000000000P01';
    const nextPlanId = '01J00000000000000000000P02';
    const at = '2026-03-02T09:00:00.000Z';
    const overview = fc.sample(planSectionArbitraries('EUR').accountOverview, {
      numRuns: 1,
      seed: 5,
    })[0];
    const thisYear = streamIdFor('plan', planId);
    for (const command of [
      {
        type: 'DraftPlan',
        planId,
        at,
        accountId: '01J00000000000000000000A01',
        repId: 'rep-7',
        year: 2026,
        currency: 'EUR',
      },
      { type: 'WritePlanAccountOverview', planId, at, section: overview },
      { type: 'SubmitPlan', planId, at, submittedBy: 'rep-7' },
      { type: 'ApprovePlan', planId, at, approvedBy: 'mgr-3', approverRole: 'manager' },
      { type: 'ClonePlanIntoNextYear', planId, at, intoPlanId: nextPlanId },
    ]) {
      await plans.handle(thisYear, command);
    }
    const source = await plans.load(thisYear);
    const draft = draftNextYearPlan(source.state, '2026-12-01T09:00:00.000Z');
    const next = await plans.handle(streamIdFor('plan', draft.planId), draft);
    expect(next.state).toMatchObject({
      planId: nextPlanId,
      year: 2027,
      status: 'draft',
      version: 1,
    });
    expect(next.state.sections.accountOverview).toEqual(overview);

    await expect(
      plans.handle(thisYear, { type: 'ClonePlanIntoNextYear', planId, at, intoPlanId: planId }),
    ).rejects.toThrow(DomainRuleViolation);
    expect((await store.readStream(thisYear)).version).toBe(5);
    expect(fold(planDecider, (await store.readStream<PlanEvent>(thisYear)).events)).toEqual(
      source.state,
    );
    await store.close();
  });
});
