import {
  addMonths,
  type CurrencyCode,
  type PlanCommand,
  type PlanEvent,
  type PlanGoal,
  type PlanSections,
  type Ulid,
  type UserId,
} from '@account-planning/core';
import fc from 'fast-check';
import {
  arbitraryCalendarDate,
  arbitraryCurrency,
  arbitraryInstant,
  arbitraryMoney,
  arbitraryMonth,
  arbitraryText,
  arbitraryUlid,
} from './primitives.js';

/** The fixed facts of one generated plan: its ids, rep, currency and year. */
export interface PlanContext {
  readonly planId: Ulid;
  readonly accountId: Ulid;
  readonly repId: UserId;
  /** A manager other than the rep, who approves. */
  readonly managerId: UserId;
  readonly currency: CurrencyCode;
  readonly year: number;
}

/** A plan context: fresh ids, a rep and a different manager, a currency and a year. */
export function arbitraryPlanContext(): fc.Arbitrary<PlanContext> {
  return fc.record({
    planId: arbitraryUlid(),
    accountId: arbitraryUlid(),
    repId: fc.integer({ min: 1, max: 99 }).map((n) => `rep-${n}`),
    managerId: fc.integer({ min: 1, max: 99 }).map((n) => `mgr-${n}`),
    currency: arbitraryCurrency(),
    year: fc.integer({ min: 2024, max: 2032 }),
  });
}

const lines = (max = 3) => fc.array(arbitraryText(), { maxLength: max });
const level = () =>
  fc.constantFrom('none', 'vendor', 'credible_source', 'problem_solver', 'trusted_advisor');
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const distinctIds = (min: number, max: number) =>
  fc.uniqueArray(arbitraryUlid(), { minLength: min, maxLength: max });

/** The nine sections of a plan, each valid for the plan's rules in `currency`. */
export function planSectionArbitraries(currency: CurrencyCode) {
  const money = () => arbitraryMoney(currency, 100_000_000);
  return {
    accountOverview: fc.record({
      focus: arbitraryText(),
      businessModel: arbitraryText(),
      longerTermGoals: lines(),
      financialHealth: fc.record({
        rating: fc.constantFrom('strong', 'stable', 'weak', 'distressed'),
        notes: optional(arbitraryText()),
      }),
      pain: fc.record({
        description: arbitraryText(),
        severity: fc.constantFrom('low', 'medium', 'high', 'critical'),
        weCanSolve: fc.boolean(),
      }),
      vendorPortfolio: lines(),
      customerPerception: optional(arbitraryText()),
    }),
    industryOverview: fc.record({
      industry: arbitraryText(),
      sectorTrends: lines(),
      landscapeEvents: lines(),
      standing: optional(arbitraryText()),
    }),
    relationshipOverview: fc.record({
      keyContacts: distinctIds(0, 4).chain((ids) =>
        fc.tuple(
          ...ids.map((contactId) =>
            fc.record({
              contactId: fc.constant(contactId),
              isExecutiveSponsor: fc.boolean(),
              today: level(),
              target: level(),
              goal: optional(arbitraryText()),
            }),
          ),
        ),
      ),
      gaps: fc.array(fc.record({ description: arbitraryText(), action: arbitraryText() }), {
        maxLength: 2,
      }),
      alliances: lines(),
      competitionChampions: fc.array(
        fc.record({
          contactId: arbitraryUlid(),
          approach: fc.constantFrom('convert', 'neutralize'),
          action: arbitraryText(),
        }),
        { maxLength: 2 },
      ),
      trustedAdvisor: fc.boolean(),
      trustedAdvisorPlan: optional(arbitraryText()),
    }),
    competitiveStrategy: fc.record({
      competitors: fc.array(
        fc.record({
          competitorId: optional(arbitraryUlid()),
          name: arbitraryText(),
          theirGoals: arbitraryText(),
          theirMessages: lines(),
          ourStrategy: arbitraryText(),
          ourMessages: lines(),
        }),
        { maxLength: 3 },
      ),
    }),
    topOpportunities: fc.record({
      opportunities: distinctIds(1, 3).chain((ids) =>
        fc.tuple(
          ...ids.map((opportunityId) =>
            fc.record({
              opportunityId: fc.constant(opportunityId),
              executiveSponsorContactId: fc.option(arbitraryUlid(), { nil: null }),
              relationshipToday: level(),
              relationshipTarget: level(),
            }),
          ),
        ),
      ),
      unidentifiedOpportunities: lines(),
      customerKnowsPortfolio: fc.boolean(),
      creationStrategy: optional(arbitraryText()),
    }),
    pastPerformance: fc.record({
      projects: fc.array(
        fc.record({
          name: arbitraryText(),
          customerAssessment: fc.constantFrom('exceeds', 'meets', 'below'),
          actionsNeeded: optional(arbitraryText()),
        }),
        { maxLength: 3 },
      ),
      valueDelivered: fc.array(
        fc.record({ description: arbitraryText(), value: money(), customerAware: fc.boolean() }),
        { maxLength: 3 },
      ),
    }),
    teamAlignment: fc.record({
      teamCadence: arbitraryText(),
      alignmentIssues: fc.array(fc.record({ function: arbitraryText(), issue: arbitraryText() }), {
        maxLength: 2,
      }),
      resourceRequests: distinctIds(0, 3).chain((ids) =>
        fc.tuple(
          ...ids.map((requestId) =>
            fc.record({
              requestId: fc.constant(requestId),
              description: arbitraryText(),
              forOpportunityId: optional(arbitraryUlid()),
              cost: optional(money()),
            }),
          ),
        ),
      ),
      managerSupport: optional(arbitraryText()),
    }),
    revenuePlan: fc.record({
      months: fc
        .tuple(arbitraryMonth(), fc.array(money(), { minLength: 12, maxLength: 12 }))
        .map(([start, amounts]) =>
          amounts.map((expected, index) => ({ month: addMonths(start, index), expected })),
        ),
      changeSinceLastReview: optional(arbitraryText()),
      risks: fc.array(
        fc.record({
          description: arbitraryText(),
          likelihood: fc.constantFrom('low', 'medium', 'high'),
          exposure: money(),
        }),
        { maxLength: 3 },
      ),
    }),
    nextSteps: fc.record({
      steps: distinctIds(0, 4).chain((ids) =>
        fc.tuple(
          ...ids.map((actionId) =>
            fc.record({
              actionId: fc.constant(actionId),
              title: arbitraryText(),
              ownerRole: fc.constantFrom('rep', 'manager', 'team'),
              ownerId: fc.constantFrom('rep-1', 'mgr-1'),
              dueOn: arbitraryCalendarDate(),
            }),
          ),
        ),
      ),
    }),
  } satisfies { [K in keyof PlanSections]-?: fc.Arbitrary<NonNullable<PlanSections[K]>> };
}

/** Some of a plan's sections (as a clone carries them over), valid in `currency`. */
export function arbitraryPlanSections(currency: CurrencyCode): fc.Arbitrary<PlanSections> {
  return fc.record(planSectionArbitraries(currency), {
    requiredKeys: [],
  }) as fc.Arbitrary<PlanSections>;
}

/** A goal valid for a plan in `currency`: its measure fits its metric, it is carried by opportunities. */
export function arbitraryPlanGoal(
  currency: CurrencyCode,
  goalId: fc.Arbitrary<Ulid> = arbitraryUlid(),
): fc.Arbitrary<PlanGoal> {
  const money = arbitraryMoney(currency, 100_000_000);
  const count = fc.integer({ min: 0, max: 100_000 });
  const percent = fc.integer({ min: -100, max: 1000 });
  const measured = fc.oneof(
    fc.record({
      metric: fc.constantFrom('revenue' as const, 'gross_profit' as const),
      measure: fc.record({ unit: fc.constant('money' as const), baseline: money, target: money }),
    }),
    fc.record({
      metric: fc.constant('units' as const),
      measure: fc.record({ unit: fc.constant('count' as const), baseline: count, target: count }),
    }),
    fc.record({
      metric: fc.constantFrom(
        'share_of_wallet' as const,
        'satisfaction' as const,
        'other' as const,
      ),
      measure: fc.record({
        unit: fc.constant('percent' as const),
        baseline: percent,
        target: percent,
      }),
    }),
  );
  return fc
    .record({
      goalId,
      measured,
      description: arbitraryText(),
      due: arbitraryCalendarDate(),
      carriedBy: distinctIds(1, 3),
      basis: optional(arbitraryText()),
    })
    .map(({ measured: m, ...goal }) => ({ ...goal, metric: m.metric, measure: m.measure }));
}

type CommandOf<T extends PlanCommand['type']> = Extract<PlanCommand, { type: T }>;
type EventOfType<T extends PlanEvent['type']> = Extract<PlanEvent, { type: T }>;

/**
 * One arbitrary per plan command, for the plan of `context`. Each command is well-formed and,
 * on its own, keeps the plan's content rules (currency, unique ids, twelve consecutive months,
 * goals carried by opportunities, cadence of six to nine months); whether it is accepted then
 * depends only on the life cycle. Approvals come from the context's manager nine times in ten.
 * `goalIds` are the goal ids to draw from, so that goals are set, changed and withdrawn.
 */
export function planCommandArbitraries(context: PlanContext, goalIds: readonly Ulid[] = []) {
  const { planId, currency } = context;
  const at = arbitraryInstant();
  const sections = planSectionArbitraries(currency);
  const goalId = goalIds.length > 0 ? fc.constantFrom(...goalIds) : arbitraryUlid();
  const cadence = fc.record({
    strategicReviewEveryMonths: fc.integer({ min: 6, max: 9 }),
    checkEvery: fc.constantFrom('monthly', 'quarterly'),
  });
  const role = fc.oneof(
    { weight: 9, arbitrary: fc.constant('manager' as const) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('rep' as const, 'executive' as const, 'admin' as const),
    },
  );
  const section = <T extends CommandOf<PlanCommand['type']>['type']>(
    type: T,
    content: fc.Arbitrary<unknown>,
  ) => fc.record({ type: fc.constant(type), planId: fc.constant(planId), at, section: content });
  const arbitraries = {
    DraftPlan: fc.record(
      {
        type: fc.constant('DraftPlan' as const),
        planId: fc.constant(planId),
        at,
        accountId: fc.constant(context.accountId),
        repId: fc.constant(context.repId),
        year: fc.constant(context.year),
        currency: fc.constant(currency),
        cadence,
        clonedFrom: fc.constant(null),
        carriedOver: arbitraryPlanSections(currency),
      },
      { requiredKeys: ['type', 'planId', 'at', 'accountId', 'repId', 'year', 'currency'] },
    ),
    WritePlanAccountOverview: section('WritePlanAccountOverview', sections.accountOverview),
    WritePlanIndustryOverview: section('WritePlanIndustryOverview', sections.industryOverview),
    WritePlanRelationshipOverview: section(
      'WritePlanRelationshipOverview',
      sections.relationshipOverview,
    ),
    WritePlanCompetitiveStrategy: section(
      'WritePlanCompetitiveStrategy',
      sections.competitiveStrategy,
    ),
    ChoosePlanTopOpportunities: section('ChoosePlanTopOpportunities', sections.topOpportunities),
    WritePlanPastPerformance: section('WritePlanPastPerformance', sections.pastPerformance),
    WritePlanTeamAlignment: section('WritePlanTeamAlignment', sections.teamAlignment),
    WritePlanRevenuePlan: section('WritePlanRevenuePlan', sections.revenuePlan),
    ListPlanNextSteps: section('ListPlanNextSteps', sections.nextSteps),
    SetPlanGoal: fc.record({
      type: fc.constant('SetPlanGoal' as const),
      planId: fc.constant(planId),
      at,
      goal: arbitraryPlanGoal(currency, goalId),
    }),
    WithdrawPlanGoal: fc.record(
      {
        type: fc.constant('WithdrawPlanGoal' as const),
        planId: fc.constant(planId),
        at,
        goalId,
        reason: arbitraryText(),
      },
      { requiredKeys: ['type', 'planId', 'at', 'goalId'] },
    ),
    SubmitPlan: fc.record({
      type: fc.constant('SubmitPlan' as const),
      planId: fc.constant(planId),
      at,
      submittedBy: fc.constant(context.repId),
    }),
    ReturnPlanForChanges: fc.record({
      type: fc.constant('ReturnPlanForChanges' as const),
      planId: fc.constant(planId),
      at,
      returnedBy: fc.constant(context.managerId),
      returnerRole: role,
      reason: arbitraryText(),
    }),
    ApprovePlan: fc.record({
      type: fc.constant('ApprovePlan' as const),
      planId: fc.constant(planId),
      at,
      approvedBy: fc.constant(context.managerId),
      approverRole: role,
    }),
    RevisePlan: fc.record({
      type: fc.constant('RevisePlan' as const),
      planId: fc.constant(planId),
      at,
      revisedBy: fc.constant(context.repId),
      reason: arbitraryText(),
    }),
    ArchivePlan: fc.record(
      {
        type: fc.constant('ArchivePlan' as const),
        planId: fc.constant(planId),
        at,
        archivedBy: fc.constant(context.managerId),
        reason: arbitraryText(),
      },
      { requiredKeys: ['type', 'planId', 'at', 'archivedBy'] },
    ),
    ClonePlanIntoNextYear: fc.record({
      type: fc.constant('ClonePlanIntoNextYear' as const),
      planId: fc.constant(planId),
      at,
      intoPlanId: arbitraryUlid(),
    }),
    SetPlanReviewCadence: fc.record({
      type: fc.constant('SetPlanReviewCadence' as const),
      planId: fc.constant(planId),
      at,
      cadence,
    }),
    RecordPlanReview: fc.record({
      type: fc.constant('RecordPlanReview' as const),
      planId: fc.constant(planId),
      at,
      kind: fc.constantFrom('strategic', 'check'),
      reviewId: fc.option(arbitraryUlid(), { nil: null }),
      reviewedBy: fc.constant(context.managerId),
    }),
  };
  return arbitraries as { [T in PlanCommand['type']]: fc.Arbitrary<CommandOf<T>> };
}

/**
 * A plan's command sequence: a `DraftPlan`, then up to `maxLength` commands of any kind for the
 * same plan, weighted towards the life cycle (submit, approve, revise, clone) so that most
 * sequences reach approval and many a revision or an archive. Some commands will be refused by the life cycle; run them with
 * `runCommandSequence` to keep the accepted ones.
 */
export function arbitraryPlanCommandSequence(
  maxLength = 30,
): fc.Arbitrary<{ context: PlanContext; commands: PlanCommand[] }> {
  return fc
    .tuple(arbitraryPlanContext(), fc.uniqueArray(arbitraryUlid(), { minLength: 1, maxLength: 3 }))
    .chain(([context, goalIds]) => {
      const all = planCommandArbitraries(context, goalIds);
      // Weights that let most sequences reach submission, approval, revision and cloning.
      const weights: Partial<Record<PlanCommand['type'], number>> = {
        SubmitPlan: 8,
        ApprovePlan: 8,
        RevisePlan: 4,
        ClonePlanIntoNextYear: 2,
        RecordPlanReview: 2,
        SetPlanGoal: 2,
      };
      const any = fc.oneof(
        ...Object.entries(all).map(([type, arbitrary]) => ({
          weight: weights[type as PlanCommand['type']] ?? 1,
          arbitrary: arbitrary as fc.Arbitrary<PlanCommand>,
        })),
      );
      return fc
        .tuple(all.DraftPlan, fc.array(any, { minLength: Math.min(5, maxLength), maxLength }))
        .map(([draft, rest]) => ({ context, commands: [draft, ...rest] }));
    });
}

/** Any plan command, for a random plan. */
export function arbitraryPlanCommand(): fc.Arbitrary<PlanCommand> {
  return arbitraryPlanContext().chain((context) =>
    fc.oneof(...(Object.values(planCommandArbitraries(context)) as fc.Arbitrary<PlanCommand>[])),
  );
}

/** One arbitrary per plan event, for the plan of `context`; each event's data passes its schema. */
export function planEventArbitraries(context: PlanContext) {
  const { planId, currency } = context;
  const at = arbitraryInstant();
  const sections = planSectionArbitraries(currency);
  const version = fc.integer({ min: 1, max: 20 });
  const event = <T extends PlanEvent['type']>(
    type: T,
    data: Record<string, fc.Arbitrary<unknown>>,
  ) =>
    fc
      .record({ planId: fc.constant(planId), at, ...data })
      .map((d) => ({ type, data: d }) as unknown as EventOfType<T>);
  const arbitraries = {
    PlanDrafted: event('PlanDrafted', {
      accountId: fc.constant(context.accountId),
      repId: fc.constant(context.repId),
      year: fc.constant(context.year),
      currency: fc.constant(currency),
      cadence: fc.record({
        strategicReviewEveryMonths: fc.integer({ min: 6, max: 9 }),
        checkEvery: fc.constantFrom('monthly', 'quarterly'),
      }),
      clonedFrom: fc.option(fc.record({ planId: arbitraryUlid(), version }), { nil: null }),
      carriedOver: arbitraryPlanSections(currency),
    }),
    PlanAccountOverviewWritten: event('PlanAccountOverviewWritten', {
      section: sections.accountOverview,
    }),
    PlanIndustryOverviewWritten: event('PlanIndustryOverviewWritten', {
      section: sections.industryOverview,
    }),
    PlanRelationshipOverviewWritten: event('PlanRelationshipOverviewWritten', {
      section: sections.relationshipOverview,
    }),
    PlanCompetitiveStrategyWritten: event('PlanCompetitiveStrategyWritten', {
      section: sections.competitiveStrategy,
    }),
    PlanTopOpportunitiesChosen: event('PlanTopOpportunitiesChosen', {
      section: sections.topOpportunities,
    }),
    PlanPastPerformanceWritten: event('PlanPastPerformanceWritten', {
      section: sections.pastPerformance,
    }),
    PlanTeamAlignmentWritten: event('PlanTeamAlignmentWritten', {
      section: sections.teamAlignment,
    }),
    PlanRevenuePlanWritten: event('PlanRevenuePlanWritten', { section: sections.revenuePlan }),
    PlanNextStepsListed: event('PlanNextStepsListed', { section: sections.nextSteps }),
    PlanGoalSet: event('PlanGoalSet', { goal: arbitraryPlanGoal(currency) }),
    PlanGoalWithdrawn: event('PlanGoalWithdrawn', { goalId: arbitraryUlid() }),
    PlanSubmitted: event('PlanSubmitted', { version, submittedBy: fc.constant(context.repId) }),
    PlanReturnedForChanges: event('PlanReturnedForChanges', {
      version,
      returnedBy: fc.constant(context.managerId),
      reason: arbitraryText(),
    }),
    PlanApproved: event('PlanApproved', {
      version,
      approvedBy: fc.constant(context.managerId),
      approverRole: fc.constant('manager'),
    }),
    PlanRevised: event('PlanRevised', {
      fromVersion: version,
      version: version.map((v) => v + 1),
      revisedBy: fc.constant(context.repId),
      reason: arbitraryText(),
    }),
    PlanArchived: event('PlanArchived', { archivedBy: fc.constant(context.managerId) }),
    PlanCloned: event('PlanCloned', {
      version,
      intoPlanId: arbitraryUlid(),
      intoYear: fc.constant(context.year + 1),
    }),
    PlanReviewCadenceSet: event('PlanReviewCadenceSet', {
      cadence: fc.record({
        strategicReviewEveryMonths: fc.integer({ min: 6, max: 9 }),
        checkEvery: fc.constantFrom('monthly', 'quarterly'),
      }),
    }),
    PlanReviewed: event('PlanReviewed', {
      kind: fc.constantFrom('strategic', 'check'),
      reviewId: fc.option(arbitraryUlid(), { nil: null }),
      reviewedBy: fc.constant(context.managerId),
    }),
  };
  return arbitraries as { [T in PlanEvent['type']]: fc.Arbitrary<EventOfType<T>> };
}

/** Any plan event, for a random plan. */
export function arbitraryPlanEvent(): fc.Arbitrary<PlanEvent> {
  return arbitraryPlanContext().chain((context) =>
    fc.oneof(...(Object.values(planEventArbitraries(context)) as fc.Arbitrary<PlanEvent>[])),
  );
}
