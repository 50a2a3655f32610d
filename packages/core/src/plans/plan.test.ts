import {
  arbitraryPlanGoal,
  arbitraryUlid,
  deciderSpec,
  planSectionArbitraries,
} from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEventRegistry,
  DomainRuleViolation,
  draftNextYearPlan,
  fold,
  PlanCommand,
  type PlanEvent,
  planCompleteness,
  planDecider,
  planEvents,
  planFreshness,
  planReviewsDue,
} from '../index.js';

// Fixed samples of the testing package's arbitraries: readable, valid, and the same every run.
const sample = <T>(arbitrary: fc.Arbitrary<T>, seed = 7): T =>
  fc.sample(arbitrary, { numRuns: 1, seed })[0] as T;

const planId = sample(arbitraryUlid(), 1);
const accountId = sample(arbitraryUlid(), 2);
const nextPlanId = sample(arbitraryUlid(), 3);
const rep = 'rep-7';
const manager = 'mgr-3';
const at = '2026-01-15T09:00:00.000Z';
const sections = planSectionArbitraries('EUR');
const overview = sample(sections.accountOverview);
const industry = sample(sections.industryOverview);
const revenuePlan = { ...sample(sections.revenuePlan), risks: [] };
const nextSteps = sample(sections.nextSteps.filter((s) => s.steps.length > 0));
const goal = sample(arbitraryPlanGoal('EUR'));

const registry = createEventRegistry(planEvents);
const spec = deciderSpec(planDecider, { commandSchema: PlanCommand, registry });

const cadence = { strategicReviewEveryMonths: 6, checkEvery: 'quarterly' } as const;
const drafted: PlanEvent = {
  type: 'PlanDrafted',
  data: {
    planId,
    at,
    accountId,
    repId: rep,
    year: 2026,
    currency: 'EUR',
    cadence,
    clonedFrom: null,
    carriedOver: {},
  },
};
const overviewWritten: PlanEvent = {
  type: 'PlanAccountOverviewWritten',
  data: { planId, at, section: overview },
};
const industryWritten: PlanEvent = {
  type: 'PlanIndustryOverviewWritten',
  data: { planId, at, section: industry },
};
const submitted = (version = 1): PlanEvent => ({
  type: 'PlanSubmitted',
  data: { planId, at, version, submittedBy: rep },
});
const approved = (version = 1, when = at): PlanEvent => ({
  type: 'PlanApproved',
  data: { planId, at: when, version, approvedBy: manager, approverRole: 'manager' },
});
const revised: PlanEvent = {
  type: 'PlanRevised',
  data: { planId, at, fromVersion: 1, version: 2, revisedBy: rep, reason: 'New budget' },
};
const archived: PlanEvent = { type: 'PlanArchived', data: { planId, at, archivedBy: manager } };
const inForce = [drafted, overviewWritten, submitted(), approved()];

const approve = (approvedBy = manager, approverRole = 'manager') => ({
  type: 'ApprovePlan',
  planId,
  at,
  approvedBy,
  approverRole,
});

describe('drafting a plan', () => {
  it('drafts a plan with the default cadence of a six-monthly strategic review and a quarterly check', () => {
    spec
      .given([])
      .when({ type: 'DraftPlan', planId, at, accountId, repId: rep, year: 2026, currency: 'EUR' })
      .then([drafted]);
  });

  it('rejects drafting a plan id twice', () => {
    spec
      .given([drafted])
      .when({ type: 'DraftPlan', planId, at, accountId, repId: rep, year: 2026, currency: 'EUR' })
      .thenRejects({ rule: 'plan.already_drafted', ids: { planId } });
  });

  it('rejects any command to a plan that was never drafted', () => {
    spec
      .given([])
      .when({ type: 'SubmitPlan', planId, at, submittedBy: rep })
      .thenRejects({ rule: 'plan.not_drafted', ids: { planId } });
  });

  it('rejects a command naming another plan than its stream', () => {
    spec
      .given([drafted])
      .when({ type: 'SubmitPlan', planId: nextPlanId, at, submittedBy: rep })
      .thenRejects({ rule: 'plan.id_mismatch', ids: { planId: nextPlanId } });
  });

  it('rejects a strategic review cadence outside six to nine months', () => {
    spec
      .given([drafted])
      .when({
        type: 'SetPlanReviewCadence',
        planId,
        at,
        cadence: { strategicReviewEveryMonths: 12, checkEvery: 'monthly' },
      })
      .thenRejects({ rule: 'plan.cadence_out_of_range', ids: { months: '12' } });
  });
});

describe('writing sections', () => {
  it('records a written section as its own event', () => {
    spec
      .given([drafted])
      .when({ type: 'WritePlanAccountOverview', planId, at, section: overview })
      .then([overviewWritten]);
  });

  it('rejects money in another currency than the plan’s', () => {
    const [first, ...rest] = revenuePlan.months;
    const months = [{ ...first!, expected: { amountMinor: 100, currency: 'USD' } }, ...rest];
    spec
      .given([drafted])
      .when({ type: 'WritePlanRevenuePlan', planId, at, section: { ...revenuePlan, months } })
      .thenRejects({ rule: 'plan.currency_mismatch', ids: { planId, currency: 'USD' } });
  });

  it('rejects a revenue plan whose twelve months are not consecutive', () => {
    const months = revenuePlan.months.map((m, i) =>
      i === 11 ? { ...m, month: m.month.replace(/^\d{4}/, (y) => String(Number(y) + 5)) } : m,
    );
    spec
      .given([drafted])
      .when({ type: 'WritePlanRevenuePlan', planId, at, section: { ...revenuePlan, months } })
      .thenRejects({ rule: 'plan.revenue_months_not_consecutive' });
  });

  it('rejects a revenue plan of fewer than twelve months as malformed', () => {
    spec
      .given([drafted])
      .when({
        type: 'WritePlanRevenuePlan',
        planId,
        at,
        section: { ...revenuePlan, months: revenuePlan.months.slice(1) },
      })
      .thenRejects({ code: 'validation_failed' });
  });

  it('rejects negative or fractional money as malformed', () => {
    const section = {
      projects: [],
      valueDelivered: [
        { description: 'Saved', value: { amountMinor: -5, currency: 'EUR' }, customerAware: true },
      ],
    };
    spec
      .given([drafted])
      .when({ type: 'WritePlanPastPerformance', planId, at, section })
      .thenRejects({ code: 'validation_failed' });
  });

  it('rejects the same opportunity twice among the top three', () => {
    const opportunityId = sample(arbitraryUlid(), 11);
    const opportunity = {
      opportunityId,
      executiveSponsorContactId: null,
      relationshipToday: 'vendor',
      relationshipTarget: 'trusted_advisor',
    };
    spec
      .given([drafted])
      .when({
        type: 'ChoosePlanTopOpportunities',
        planId,
        at,
        section: {
          opportunities: [opportunity, opportunity],
          unidentifiedOpportunities: [],
          customerKnowsPortfolio: false,
        },
      })
      .thenRejects({ rule: 'plan.duplicate_id', ids: { opportunityId } });
  });

  it('rejects more than three top opportunities as malformed', () => {
    const opportunities = [4, 5, 6, 8].map((seed) => ({
      opportunityId: sample(arbitraryUlid(), seed),
      executiveSponsorContactId: null,
      relationshipToday: 'vendor',
      relationshipTarget: 'vendor',
    }));
    spec
      .given([drafted])
      .when({
        type: 'ChoosePlanTopOpportunities',
        planId,
        at,
        section: { opportunities, unidentifiedOpportunities: [], customerKnowsPortfolio: true },
      })
      .thenRejects({ code: 'validation_failed' });
  });

  it('rejects listing the same action item twice among the next steps', () => {
    const step = nextSteps.steps[0]!;
    spec
      .given([drafted])
      .when({ type: 'ListPlanNextSteps', planId, at, section: { steps: [step, step] } })
      .thenRejects({ rule: 'plan.duplicate_id', ids: { actionId: step.actionId } });
  });

  it('rejects writing a submitted plan: it waits for its manager', () => {
    spec
      .given([drafted, overviewWritten, submitted()])
      .when({ type: 'WritePlanIndustryOverview', planId, at, section: industry })
      .thenRejects({ rule: 'plan.not_editable' });
  });

  it('rejects writing an approved plan until it is revised', () => {
    spec
      .given(inForce)
      .when({ type: 'WritePlanIndustryOverview', planId, at, section: industry })
      .thenRejects({ rule: 'plan.not_editable' });
  });
});

describe('goals', () => {
  it('sets a goal worked back to the opportunities that carry it', () => {
    spec
      .given([drafted])
      .when({ type: 'SetPlanGoal', planId, at, goal })
      .then([{ type: 'PlanGoalSet', data: { planId, at, goal } }]);
  });

  it('rejects a goal that no opportunity carries', () => {
    spec
      .given([drafted])
      .when({ type: 'SetPlanGoal', planId, at, goal: { ...goal, carriedBy: [] } })
      .thenRejects({ rule: 'plan.goal_not_worked_back', ids: { goalId: goal.goalId } });
  });

  it('rejects a revenue goal measured in a count', () => {
    spec
      .given([drafted])
      .when({
        type: 'SetPlanGoal',
        planId,
        at,
        goal: { ...goal, metric: 'revenue', measure: { unit: 'count', baseline: 1, target: 2 } },
      })
      .thenRejects({ rule: 'plan.goal_measure_mismatch', ids: { goalId: goal.goalId } });
  });

  it('rejects a money goal in another currency', () => {
    const usd = { amountMinor: 100, currency: 'USD' };
    spec
      .given([drafted])
      .when({
        type: 'SetPlanGoal',
        planId,
        at,
        goal: {
          ...goal,
          metric: 'revenue',
          measure: { unit: 'money', baseline: usd, target: usd },
        },
      })
      .thenRejects({ rule: 'plan.currency_mismatch' });
  });

  it('rejects withdrawing a goal the plan does not have', () => {
    spec
      .given([drafted])
      .when({ type: 'WithdrawPlanGoal', planId, at, goalId: goal.goalId })
      .thenRejects({ rule: 'plan.goal_unknown', ids: { goalId: goal.goalId } });
  });
});

describe('submission and approval', () => {
  it('rejects submitting a plan with no section written', () => {
    spec
      .given([drafted])
      .when({ type: 'SubmitPlan', planId, at, submittedBy: rep })
      .thenRejects({ rule: 'plan.nothing_to_submit' });
  });

  it('rejects submitting a plan twice', () => {
    spec
      .given([drafted, overviewWritten, submitted()])
      .when({ type: 'SubmitPlan', planId, at, submittedBy: rep })
      .thenRejects({ rule: 'plan.not_draft' });
  });

  it('approves a submitted plan by a manager', () => {
    spec.given([drafted, overviewWritten, submitted()]).when(approve()).then([approved()]);
  });

  it('rejects approving a plan that was not submitted', () => {
    spec
      .given([drafted, overviewWritten])
      .when(approve())
      .thenRejects({ rule: 'plan.not_submitted', ids: { planId } });
  });

  it('rejects approval by someone who is not a manager', () => {
    spec
      .given([drafted, overviewWritten, submitted()])
      .when(approve('exec-1', 'executive'))
      .thenRejects({ rule: 'plan.not_a_manager', ids: { userId: 'exec-1' } });
  });

  it('rejects a rep approving their own plan, even as a manager', () => {
    spec
      .given([drafted, overviewWritten, submitted()])
      .when(approve(rep, 'manager'))
      .thenRejects({ rule: 'plan.self_approval', ids: { userId: rep } });
  });

  it('rejects returning a plan for changes by a rep', () => {
    spec
      .given([drafted, overviewWritten, submitted()])
      .when({
        type: 'ReturnPlanForChanges',
        planId,
        at,
        returnedBy: 'rep-2',
        returnerRole: 'rep',
        reason: 'More',
      })
      .thenRejects({ rule: 'plan.not_a_manager' });
  });

  it('makes a returned plan a draft again, editable and submittable', () => {
    const returned: PlanEvent = {
      type: 'PlanReturnedForChanges',
      data: { planId, at, version: 1, returnedBy: manager, reason: 'Add the revenue plan' },
    };
    spec
      .given([drafted, overviewWritten, submitted(), returned])
      .when({ type: 'SubmitPlan', planId, at, submittedBy: rep })
      .then([submitted()]);
  });
});

describe('revision, archiving and cloning', () => {
  it('revises an approved plan into a new draft version, keeping the approved one', () => {
    spec
      .given(inForce)
      .when({ type: 'RevisePlan', planId, at, revisedBy: rep, reason: 'New budget' })
      .then([revised]);
    const state = fold(planDecider, [
      ...inForce,
      revised,
      industryWritten,
      submitted(2),
      approved(2),
    ]);
    expect(state.version).toBe(2);
    expect(state.approvedVersions.map((v) => v.version)).toEqual([1, 2]);
    expect(state.approvedVersions[0]?.sections.industryOverview).toBeUndefined();
    expect(state.approvedVersions[1]?.sections.industryOverview).toEqual(industry);
  });

  it('rejects revising a plan that is not approved', () => {
    spec
      .given([drafted])
      .when({ type: 'RevisePlan', planId, at, revisedBy: rep, reason: 'x' })
      .thenRejects({ rule: 'plan.not_approved' });
  });

  it('rejects every command to an archived plan', () => {
    for (const command of [
      { type: 'ArchivePlan', planId, at, archivedBy: manager },
      { type: 'WritePlanIndustryOverview', planId, at, section: industry },
      { type: 'RecordPlanReview', planId, at, kind: 'check', reviewedBy: manager },
      approve(),
    ]) {
      spec
        .given([...inForce, archived])
        .when(command)
        .thenRejects({ rule: 'plan.archived', ids: { planId } });
    }
  });

  it('clones an approved plan into next year’s and drafts that plan from it', () => {
    const withPlan = [
      ...inForce.slice(0, 2),
      industryWritten,
      {
        type: 'PlanRevenuePlanWritten',
        data: { planId, at, section: revenuePlan },
      } as PlanEvent,
      submitted(),
      approved(),
    ];
    const cloned: PlanEvent = {
      type: 'PlanCloned',
      data: { planId, at, version: 1, intoPlanId: nextPlanId, intoYear: 2027 },
    };
    spec
      .given(withPlan)
      .when({ type: 'ClonePlanIntoNextYear', planId, at, intoPlanId: nextPlanId })
      .then([cloned]);
    const draft = draftNextYearPlan(fold(planDecider, [...withPlan, cloned]), at);
    expect(draft).toMatchObject({
      planId: nextPlanId,
      year: 2027,
      currency: 'EUR',
      clonedFrom: { planId, version: 1 },
    });
    expect(Object.keys(draft.carriedOver ?? {}).sort()).toEqual([
      'accountOverview',
      'industryOverview',
    ]);
    const next = fold(planDecider, planDecider.decide(draft, planDecider.initialState));
    expect(next.sections.accountOverview).toEqual(overview);
    expect(next.goals).toEqual([]);
  });

  it('rejects cloning a plan that was never approved', () => {
    spec
      .given([drafted])
      .when({ type: 'ClonePlanIntoNextYear', planId, at, intoPlanId: nextPlanId })
      .thenRejects({ rule: 'plan.nothing_approved_to_clone' });
  });

  it('rejects cloning a plan twice', () => {
    const cloned: PlanEvent = {
      type: 'PlanCloned',
      data: { planId, at, version: 1, intoPlanId: nextPlanId, intoYear: 2027 },
    };
    spec
      .given([...inForce, cloned])
      .when({ type: 'ClonePlanIntoNextYear', planId, at, intoPlanId: sample(arbitraryUlid(), 9) })
      .thenRejects({ rule: 'plan.already_cloned', ids: { intoPlanId: nextPlanId } });
  });

  it('rejects cloning a plan into itself', () => {
    spec
      .given(inForce)
      .when({ type: 'ClonePlanIntoNextYear', planId, at, intoPlanId: planId })
      .thenRejects({ rule: 'plan.clone_into_self' });
  });

  it('refuses to draft next year’s plan before the clone is recorded', () => {
    const run = () => draftNextYearPlan(fold(planDecider, inForce), at);
    expect(run).toThrow(DomainRuleViolation);
    expect(run).toThrow(expect.objectContaining({ rule: 'plan.not_cloned', ids: { planId } }));
  });
});

describe('completeness, freshness and review cadence', () => {
  it('counts the written sections and the goals', () => {
    const state = fold(planDecider, [drafted, overviewWritten, industryWritten]);
    const completeness = planCompleteness(state);
    expect(completeness.written).toEqual(['accountOverview', 'industryOverview']);
    expect(completeness.missing).toHaveLength(7);
    expect(completeness.ratio).toBeCloseTo(2 / 9);
    expect(completeness.complete).toBe(false);
  });

  it('lists the sections not touched since the last review', () => {
    const reviewed: PlanEvent = {
      type: 'PlanReviewed',
      data: {
        planId,
        at: '2026-03-01T10:00:00.000Z',
        kind: 'check',
        reviewId: null,
        reviewedBy: manager,
      },
    };
    const freshness = planFreshness([
      drafted,
      overviewWritten,
      industryWritten,
      reviewed,
      {
        ...industryWritten,
        data: { ...industryWritten.data, at: '2026-03-02T10:00:00.000Z' },
      } as PlanEvent,
    ]);
    expect(freshness.lastReviewedAt).toBe('2026-03-01T10:00:00.000Z');
    expect(freshness.touchedSinceLastReview).toEqual(['industryOverview']);
    expect(freshness.untouchedSinceLastReview).toContain('accountOverview');
    expect(freshness.lastWrittenAt.industryOverview).toBe('2026-03-02T10:00:00.000Z');
  });

  it('counts sections carried over from last year’s plan as untouched', () => {
    const carried: PlanEvent = {
      type: 'PlanDrafted',
      data: {
        ...(drafted.data as Extract<PlanEvent, { type: 'PlanDrafted' }>['data']),
        carriedOver: { accountOverview: overview },
      },
    };
    expect(planFreshness([carried]).untouchedSinceLastReview).toContain('accountOverview');
  });

  it('dates the next strategic review and check from the approval, then from the last review', () => {
    const approvedOn = approved(1, '2026-01-31T12:00:00.000Z');
    const state = fold(planDecider, [drafted, overviewWritten, submitted(), approvedOn]);
    expect(planReviewsDue(state, '2026-05-01')).toEqual({
      strategicReview: { due: '2026-07-31', overdue: false },
      check: { due: '2026-04-30', overdue: true },
    });
    const reviewed = fold(
      planDecider,
      [
        {
          type: 'PlanReviewed',
          data: {
            planId,
            at: '2026-03-15T10:00:00.000Z',
            kind: 'check',
            reviewId: null,
            reviewedBy: manager,
          },
        },
      ],
      state,
    );
    expect(planReviewsDue(reviewed, '2026-05-01').check).toEqual({
      due: '2026-06-15',
      overdue: false,
    });
    expect(planReviewsDue(reviewed, '2026-05-01').strategicReview.due).toBe('2026-07-31');
  });

  it('has no review due for a plan never approved or archived', () => {
    expect(planReviewsDue(fold(planDecider, [drafted]), '2030-01-01').check.due).toBeNull();
    expect(
      planReviewsDue(fold(planDecider, [...inForce, archived]), '2030-01-01').strategicReview,
    ).toEqual({ due: null, overdue: false });
  });
});
