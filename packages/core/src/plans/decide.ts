import type { Money } from '../money/money.js';
import { addMonths, type Month } from '../periods/period.js';
import { type ApprovePlan, DEFAULT_PLAN_REVIEW_CADENCE, type PlanCommand } from './commands.js';
import type {
  GoalMeasure,
  PlanEvent,
  PlanGoal,
  PlanReviewCadence,
  PlanSections,
} from './events.js';
import type { PlanState } from './planState.js';
import { violatePlanRule } from './rules.js';

type SectionCommand = Extract<PlanCommand, { section: unknown }>;

/** The event each section command records. */
const SECTION_EVENT = {
  WritePlanAccountOverview: 'PlanAccountOverviewWritten',
  WritePlanIndustryOverview: 'PlanIndustryOverviewWritten',
  WritePlanRelationshipOverview: 'PlanRelationshipOverviewWritten',
  WritePlanCompetitiveStrategy: 'PlanCompetitiveStrategyWritten',
  ChoosePlanTopOpportunities: 'PlanTopOpportunitiesChosen',
  WritePlanPastPerformance: 'PlanPastPerformanceWritten',
  WritePlanTeamAlignment: 'PlanTeamAlignmentWritten',
  WritePlanRevenuePlan: 'PlanRevenuePlanWritten',
  ListPlanNextSteps: 'PlanNextStepsListed',
} as const satisfies Record<SectionCommand['type'], PlanEvent['type']>;

/**
 * The events a plan command produces against the plan's state. Pure.
 *
 * @throws {DomainRuleViolation} with a `plan.*` code from `planRules` when the command breaks a
 *   rule; nothing is produced then.
 */
export function decidePlan(command: PlanCommand, state: PlanState): PlanEvent[] {
  if (command.type === 'DraftPlan') {
    if (state.status !== 'none')
      violatePlanRule('plan.already_drafted', { planId: command.planId });
    const cadence = command.cadence ?? DEFAULT_PLAN_REVIEW_CADENCE;
    checkCadence(cadence, command.planId);
    const carriedOver = command.carriedOver ?? {};
    checkSections(carriedOver, command.currency, command.planId);
    return [
      {
        type: 'PlanDrafted',
        data: {
          planId: command.planId,
          at: command.at,
          accountId: command.accountId,
          repId: command.repId,
          year: command.year,
          currency: command.currency,
          cadence,
          clonedFrom: command.clonedFrom ?? null,
          carriedOver,
        },
      },
    ];
  }

  const planId = command.planId;
  if (state.status === 'none') violatePlanRule('plan.not_drafted', { planId });
  if (state.planId !== planId) {
    violatePlanRule('plan.id_mismatch', { planId, streamPlanId: state.planId ?? '' });
  }
  if (state.status === 'archived') violatePlanRule('plan.archived', { planId });
  const currency = state.currency ?? '';
  const at = command.at;

  switch (command.type) {
    case 'WritePlanAccountOverview':
    case 'WritePlanIndustryOverview':
    case 'WritePlanRelationshipOverview':
    case 'WritePlanCompetitiveStrategy':
    case 'ChoosePlanTopOpportunities':
    case 'WritePlanPastPerformance':
    case 'WritePlanTeamAlignment':
    case 'WritePlanRevenuePlan':
    case 'ListPlanNextSteps': {
      requireEditable(state, planId);
      checkSections(sectionsOf(command), currency, planId);
      return [
        { type: SECTION_EVENT[command.type], data: { planId, at, section: command.section } },
      ] as PlanEvent[];
    }
    case 'SetPlanGoal':
      requireEditable(state, planId);
      checkGoal(command.goal, currency, planId);
      return [{ type: 'PlanGoalSet', data: { planId, at, goal: command.goal } }];
    case 'WithdrawPlanGoal':
      requireEditable(state, planId);
      if (!state.goals.some((goal) => goal.goalId === command.goalId)) {
        violatePlanRule('plan.goal_unknown', { planId, goalId: command.goalId });
      }
      return [
        {
          type: 'PlanGoalWithdrawn',
          data: {
            planId,
            at,
            goalId: command.goalId,
            ...(command.reason === undefined ? {} : { reason: command.reason }),
          },
        },
      ];
    case 'SubmitPlan':
      if (state.status !== 'draft') violatePlanRule('plan.not_draft', { planId });
      if (Object.values(state.sections).every((section) => section === undefined)) {
        violatePlanRule('plan.nothing_to_submit', { planId });
      }
      return [
        {
          type: 'PlanSubmitted',
          data: { planId, at, version: state.version, submittedBy: command.submittedBy },
        },
      ];
    case 'ReturnPlanForChanges':
      // seed 004 (plans are approved by the manager) and issue 3: only after submission.
      if (state.status !== 'submitted') violatePlanRule('plan.not_submitted', { planId });
      if (command.returnerRole !== 'manager') {
        violatePlanRule('plan.not_a_manager', { planId, userId: command.returnedBy });
      }
      return [
        {
          type: 'PlanReturnedForChanges',
          data: {
            planId,
            at,
            version: state.version,
            returnedBy: command.returnedBy,
            reason: command.reason,
          },
        },
      ];
    case 'ApprovePlan':
      return approve(command, state);
    case 'RevisePlan':
      if (state.status !== 'approved') violatePlanRule('plan.not_approved', { planId });
      return [
        {
          type: 'PlanRevised',
          data: {
            planId,
            at,
            fromVersion: state.version,
            version: state.version + 1,
            revisedBy: command.revisedBy,
            reason: command.reason,
          },
        },
      ];
    case 'ArchivePlan':
      return [
        {
          type: 'PlanArchived',
          data: {
            planId,
            at,
            archivedBy: command.archivedBy,
            ...(command.reason === undefined ? {} : { reason: command.reason }),
          },
        },
      ];
    case 'ClonePlanIntoNextYear': {
      const approved = state.approvedVersions.at(-1);
      if (!approved) violatePlanRule('plan.nothing_approved_to_clone', { planId });
      if (state.clonedInto) {
        violatePlanRule('plan.already_cloned', { planId, intoPlanId: state.clonedInto.planId });
      }
      if (command.intoPlanId === planId) violatePlanRule('plan.clone_into_self', { planId });
      return [
        {
          type: 'PlanCloned',
          data: {
            planId,
            at,
            version: approved.version,
            intoPlanId: command.intoPlanId,
            intoYear: (state.year ?? 0) + 1,
          },
        },
      ];
    }
    case 'SetPlanReviewCadence':
      checkCadence(command.cadence, planId);
      return [{ type: 'PlanReviewCadenceSet', data: { planId, at, cadence: command.cadence } }];
    case 'RecordPlanReview':
      return [
        {
          type: 'PlanReviewed',
          data: {
            planId,
            at,
            kind: command.kind,
            reviewId: command.reviewId ?? null,
            reviewedBy: command.reviewedBy,
          },
        },
      ];
  }
}

function approve(command: ApprovePlan, state: PlanState): PlanEvent[] {
  const planId = command.planId;
  // Issue 3: a plan is approved only after submission, and only by a manager.
  if (state.status !== 'submitted') violatePlanRule('plan.not_submitted', { planId });
  if (command.approverRole !== 'manager') {
    violatePlanRule('plan.not_a_manager', { planId, userId: command.approvedBy });
  }
  if (command.approvedBy === state.repId) {
    violatePlanRule('plan.self_approval', { planId, userId: command.approvedBy });
  }
  return [
    {
      type: 'PlanApproved',
      data: {
        planId,
        at: command.at,
        version: state.version,
        approvedBy: command.approvedBy,
        approverRole: 'manager',
      },
    },
  ];
}

function requireEditable(state: PlanState, planId: string): void {
  if (state.status !== 'draft') violatePlanRule('plan.not_editable', { planId });
}

function checkCadence(cadence: PlanReviewCadence, planId: string): void {
  // seed 002: "these reviews should take place every six to nine months for a top account".
  const months = cadence.strategicReviewEveryMonths;
  if (months < 6 || months > 9) {
    violatePlanRule('plan.cadence_out_of_range', { planId, months: String(months) });
  }
}

function sectionsOf(command: SectionCommand): PlanSections {
  switch (command.type) {
    case 'WritePlanAccountOverview':
      return { accountOverview: command.section };
    case 'WritePlanIndustryOverview':
      return { industryOverview: command.section };
    case 'WritePlanRelationshipOverview':
      return { relationshipOverview: command.section };
    case 'WritePlanCompetitiveStrategy':
      return { competitiveStrategy: command.section };
    case 'ChoosePlanTopOpportunities':
      return { topOpportunities: command.section };
    case 'WritePlanPastPerformance':
      return { pastPerformance: command.section };
    case 'WritePlanTeamAlignment':
      return { teamAlignment: command.section };
    case 'WritePlanRevenuePlan':
      return { revenuePlan: command.section };
    case 'ListPlanNextSteps':
      return { nextSteps: command.section };
  }
}

/** Checks the rules every written section obeys: one currency, unique ids, consecutive months. */
function checkSections(sections: PlanSections, currency: string, planId: string): void {
  const amounts: Money[] = [
    ...(sections.pastPerformance?.valueDelivered.map((entry) => entry.value) ?? []),
    ...(sections.teamAlignment?.resourceRequests.flatMap((r) => (r.cost ? [r.cost] : [])) ?? []),
    ...(sections.revenuePlan?.months.map((entry) => entry.expected) ?? []),
    ...(sections.revenuePlan?.risks.map((risk) => risk.exposure) ?? []),
  ];
  checkCurrency(amounts, currency, planId);
  unique(
    sections.topOpportunities?.opportunities.map((o) => o.opportunityId),
    'opportunityId',
    planId,
  );
  unique(
    sections.relationshipOverview?.keyContacts.map((c) => c.contactId),
    'contactId',
    planId,
  );
  unique(
    sections.nextSteps?.steps.map((s) => s.actionId),
    'actionId',
    planId,
  );
  unique(
    sections.teamAlignment?.resourceRequests.map((r) => r.requestId),
    'requestId',
    planId,
  );
  if (sections.revenuePlan)
    checkConsecutive(
      sections.revenuePlan.months.map((m) => m.month),
      planId,
    );
}

function checkCurrency(amounts: readonly Money[], currency: string, planId: string): void {
  const stranger = amounts.find((amount) => amount.currency !== currency);
  if (stranger) {
    violatePlanRule('plan.currency_mismatch', { planId, currency: stranger.currency });
  }
}

function unique(ids: readonly string[] | undefined, role: string, planId: string): void {
  const seen = new Set<string>();
  for (const id of ids ?? []) {
    if (seen.has(id)) violatePlanRule('plan.duplicate_id', { planId, [role]: id });
    seen.add(id);
  }
}

function checkConsecutive(months: readonly Month[], planId: string): void {
  const first = months[0];
  months.forEach((month, index) => {
    if (first === undefined || month !== addMonths(first, index)) {
      violatePlanRule('plan.revenue_months_not_consecutive', { planId, month });
    }
  });
}

const MEASURE_OF_METRIC: Partial<Record<PlanGoal['metric'], GoalMeasure['unit']>> = {
  revenue: 'money',
  gross_profit: 'money',
  units: 'count',
};

function checkGoal(goal: PlanGoal, currency: string, planId: string): void {
  // seed 003: "if you want to increase a particular account by 10 to 15 percent this year, how
  // exactly are you going to do that?" A goal without the opportunities that carry it is a wish.
  if (goal.carriedBy.length === 0) {
    violatePlanRule('plan.goal_not_worked_back', { planId, goalId: goal.goalId });
  }
  unique(goal.carriedBy, 'opportunityId', planId);
  const expected = MEASURE_OF_METRIC[goal.metric];
  if (expected !== undefined && expected !== goal.measure.unit) {
    violatePlanRule('plan.goal_measure_mismatch', { planId, goalId: goal.goalId });
  }
  if (goal.measure.unit === 'money') {
    checkCurrency([goal.measure.baseline, goal.measure.target], currency, planId);
  }
}
