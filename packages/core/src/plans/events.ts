import { z } from 'zod';
import { RelationshipLevel } from '../accounts/events.js';
import { ActionItemOwnerRole, ActionItemTitle } from '../actions/events.js';
import { defineEvent, type EventOf } from '../eventStore/eventRegistry.js';
import { Ulid, UserId } from '../ids/ids.js';
import { CurrencyCode, Money } from '../money/money.js';
import { CalendarDate, Instant, Month } from '../periods/period.js';

// ---------------------------------------------------------------------------------------------
// The vocabulary of a plan's sections (seed 002: the nine headings of a strategic plan review).
// ---------------------------------------------------------------------------------------------

const text = (max: number) => z.string().trim().min(1).max(max);
const line = text(300);
const paragraph = text(4000);
const lines = (max: number) => z.array(line).max(max);

/** The nine sections of a strategic account plan, in the order seed 002 walks through them. */
export const PlanSectionName = z.enum([
  'accountOverview',
  'industryOverview',
  'relationshipOverview',
  'competitiveStrategy',
  'topOpportunities',
  'pastPerformance',
  'teamAlignment',
  'revenuePlan',
  'nextSteps',
]);
/** One of the nine sections of a strategic account plan. */
export type PlanSectionName = z.infer<typeof PlanSectionName>;

/**
 * Account overview (seed 002): where we are, the customer's business model and 24-36 month
 * goals, their financial health, their pain, their other vendors and trusted advisers, and what
 * they would say about us.
 */
export const AccountOverviewSection = z.object({
  focus: paragraph.describe('Where we are with the account and where this plan should focus.'),
  businessModel: paragraph.describe('How the customer makes money.'),
  longerTermGoals: lines(20).describe("The customer's goals for the next 24 to 36 months."),
  financialHealth: z
    .object({
      rating: z.enum(['strong', 'stable', 'weak', 'distressed']),
      notes: paragraph.optional().describe('Balance sheet, spending trends, cash position.'),
    })
    .describe("The customer's financial health."),
  pain: z
    .object({
      description: paragraph,
      severity: z.enum(['low', 'medium', 'high', 'critical']),
      weCanSolve: z.boolean(),
    })
    .describe("Where the customer's pain is, how bad it is, and whether we can solve it."),
  vendorPortfolio: lines(20).describe('Other vendors and outside trusted advisers.'),
  customerPerception: paragraph.optional().describe('What this customer would say about us.'),
});
/** The account overview section of a plan. */
export type AccountOverviewSection = z.infer<typeof AccountOverviewSection>;

/** Industry overview (seed 002): sector trends, competitive-landscape events, standing. */
export const IndustryOverviewSection = z.object({
  industry: line.describe("The customer's industry."),
  sectorTrends: lines(20).describe(
    'Macro sector trends and economic factors affecting the customer.',
  ),
  landscapeEvents: lines(20).describe(
    "Significant events in the customer's competitive landscape.",
  ),
  standing: paragraph
    .optional()
    .describe('How the customer is doing in the eyes of its own customers and suppliers.'),
});
/** The industry overview section of a plan. */
export type IndustryOverviewSection = z.infer<typeof IndustryOverviewSection>;

/** Relationship overview (seed 002): key contacts, sponsors, gaps, champions of the competition. */
export const RelationshipOverviewSection = z.object({
  keyContacts: z
    .array(
      z.object({
        contactId: Ulid,
        isExecutiveSponsor: z.boolean(),
        today: RelationshipLevel,
        target: RelationshipLevel,
        goal: line.optional().describe('What we want from this relationship.'),
      }),
    )
    .max(50)
    .describe(
      'Key contacts (by contact id on the account), our relationship today and the target.',
    ),
  gaps: z
    .array(z.object({ description: line, action: line }))
    .max(20)
    .describe('Key relationships not yet established, and the action closing each gap.'),
  alliances: lines(20).describe('Partners and alliances introducing us to new decision makers.'),
  competitionChampions: z
    .array(z.object({ contactId: Ulid, approach: z.enum(['convert', 'neutralize']), action: line }))
    .max(20)
    .describe("The competition's champions in the account and how we convert or neutralise them."),
  trustedAdvisor: z.boolean().describe('Whether the customer considers us a trusted advisor.'),
  trustedAdvisorPlan: paragraph
    .optional()
    .describe('How we leverage or earn trusted-advisor status.'),
});
/** The relationship overview section of a plan. */
export type RelationshipOverviewSection = z.infer<typeof RelationshipOverviewSection>;

/** Competitive strategy (seed 002): each chief competitor's goals and messages, and ours. */
export const CompetitiveStrategySection = z.object({
  competitors: z
    .array(
      z.object({
        competitorId: Ulid.optional().describe(
          "The competitor's id on the account, when recorded.",
        ),
        name: line,
        theirGoals: paragraph,
        theirMessages: lines(10),
        ourStrategy: paragraph,
        ourMessages: lines(10),
      }),
    )
    .max(10),
});
/** The competitive strategy section of a plan. */
export type CompetitiveStrategySection = z.infer<typeof CompetitiveStrategySection>;

/**
 * Opportunity analysis (seed 002): the top three opportunities, each with the customer's
 * executive sponsor and our relationship with them today and as it should be.
 */
export const TopOpportunitiesSection = z.object({
  opportunities: z
    .array(
      z.object({
        opportunityId: Ulid,
        executiveSponsorContactId: Ulid.nullable(),
        relationshipToday: RelationshipLevel,
        relationshipTarget: RelationshipLevel,
      }),
    )
    .min(1)
    .max(3)
    .describe('The top three opportunities (one to three), most important first.'),
  unidentifiedOpportunities: lines(20).describe(
    'Long-term opportunities not yet identified as such.',
  ),
  customerKnowsPortfolio: z.boolean().describe('Whether the customer knows our whole portfolio.'),
  creationStrategy: paragraph.optional().describe('How we will create new opportunities.'),
});
/** The opportunity analysis section of a plan. */
export type TopOpportunitiesSection = z.infer<typeof TopOpportunitiesSection>;

/** Past performance (seed 002): how the customer rates our projects, and value delivered in money. */
export const PastPerformanceSection = z.object({
  projects: z
    .array(
      z.object({
        name: line,
        customerAssessment: z.enum(['exceeds', 'meets', 'below']),
        actionsNeeded: line.optional(),
      }),
    )
    .max(20),
  valueDelivered: z
    .array(z.object({ description: line, value: Money, customerAware: z.boolean() }))
    .max(20)
    .describe('Value created for the customer in the last six months, "dollarized".'),
});
/** The past performance section of a plan. */
export type PastPerformanceSection = z.infer<typeof PastPerformanceSection>;

/** Team alignment (seed 002): how the team works the account, issues, and resource requests. */
export const TeamAlignmentSection = z.object({
  teamCadence: line.describe('How often the account team meets to work the account.'),
  alignmentIssues: z
    .array(
      z.object({ function: line.describe('Shipping, pricing, support, billing…'), issue: line }),
    )
    .max(20),
  resourceRequests: z
    .array(
      z.object({
        requestId: Ulid,
        description: line,
        forOpportunityId: Ulid.optional(),
        cost: Money.optional(),
      }),
    )
    .max(20)
    .describe('Investments and resources the priority opportunities need.'),
  managerSupport: paragraph.optional().describe('What the sales leader can do to help.'),
});
/** The team alignment section of a plan. */
export type TeamAlignmentSection = z.infer<typeof TeamAlignmentSection>;

/**
 * Financial/revenue plan (seed 002): expected revenue for each of the next twelve months, what
 * changed since the last review, and the risks with the money exposed to each.
 */
export const RevenuePlanSection = z.object({
  months: z
    .array(z.object({ month: Month, expected: Money }))
    .length(12)
    .describe('Expected revenue for twelve consecutive months.'),
  changeSinceLastReview: paragraph.optional(),
  risks: z
    .array(
      z.object({
        description: line,
        likelihood: z.enum(['low', 'medium', 'high']),
        exposure: Money.describe('Revenue at risk if it happens.'),
      }),
    )
    .max(20),
});
/** The financial/revenue plan section of a plan. */
export type RevenuePlanSection = z.infer<typeof RevenuePlanSection>;

/**
 * Next steps (seed 002: "let them tell you and write them down"). Each step becomes an action
 * item: the plan names it by the action item's id, with the fields `OpenActionItem` takes, so
 * the application service opens it with `source: { kind: 'plan', planId }`.
 */
export const NextStepsSection = z.object({
  steps: z
    .array(
      z.object({
        actionId: Ulid.describe(
          'The id of the action item the step becomes (stream `action-<id>`).',
        ),
        title: ActionItemTitle,
        ownerRole: ActionItemOwnerRole,
        ownerId: UserId,
        dueOn: CalendarDate,
      }),
    )
    .max(30),
});
/** The next steps section of a plan. */
export type NextStepsSection = z.infer<typeof NextStepsSection>;

/** The sections of a plan, each absent until first written. */
export const PlanSections = z.object({
  accountOverview: AccountOverviewSection.optional(),
  industryOverview: IndustryOverviewSection.optional(),
  relationshipOverview: RelationshipOverviewSection.optional(),
  competitiveStrategy: CompetitiveStrategySection.optional(),
  topOpportunities: TopOpportunitiesSection.optional(),
  pastPerformance: PastPerformanceSection.optional(),
  teamAlignment: TeamAlignmentSection.optional(),
  revenuePlan: RevenuePlanSection.optional(),
  nextSteps: NextStepsSection.optional(),
});
/** The sections of a plan, each absent until first written. */
export type PlanSections = z.infer<typeof PlanSections>;

/** What a goal measures. */
export const GoalMetric = z.enum([
  'revenue',
  'gross_profit',
  'units',
  'share_of_wallet',
  'satisfaction',
  'other',
]);
/** What a goal measures. */
export type GoalMetric = z.infer<typeof GoalMetric>;

/**
 * A goal's baseline and target: money (in the plan's currency), a count, or a percentage
 * (seed 003: "increase a particular account by 10 to 15 percent").
 */
export const GoalMeasure = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('money'), baseline: Money, target: Money }),
  z.object({
    unit: z.literal('count'),
    baseline: z.number().int().nonnegative(),
    target: z.number().int().nonnegative(),
  }),
  z.object({
    unit: z.literal('percent'),
    baseline: z.number().min(-100).max(1000),
    target: z.number().min(-100).max(1000),
  }),
]);
/** A goal's baseline and target. */
export type GoalMeasure = z.infer<typeof GoalMeasure>;

/**
 * A goal for the account, worked back to the opportunities that carry it (seed 003: "how
 * exactly are you going to do that? Based on what data?").
 */
export const PlanGoal = z.object({
  goalId: Ulid,
  metric: GoalMetric,
  description: line,
  measure: GoalMeasure,
  due: CalendarDate,
  carriedBy: z.array(Ulid).max(20).describe('The opportunities that carry the goal.'),
  basis: paragraph.optional().describe('The data the goal is worked back from.'),
});
/** A goal for the account. */
export type PlanGoal = z.infer<typeof PlanGoal>;

/**
 * How often a plan is looked at: a strategic plan review every six to nine months for a top
 * account (seed 002), and the annual plan checked monthly or quarterly (seed 004).
 */
export const PlanReviewCadence = z.object({
  strategicReviewEveryMonths: z.number().int(),
  checkEvery: z.enum(['monthly', 'quarterly']),
});
/** How often a plan is looked at. */
export type PlanReviewCadence = z.infer<typeof PlanReviewCadence>;

/** Who may sign a plan off, and who else might try. */
export const PlanActorRole = z.enum(['rep', 'manager', 'executive', 'admin']);
/** A role of the person acting on a plan. */
export type PlanActorRole = z.infer<typeof PlanActorRole>;

// ---------------------------------------------------------------------------------------------
// The events.
// ---------------------------------------------------------------------------------------------

const base = { planId: Ulid, at: Instant };

/** A plan was started for an account and year, possibly carrying sections over from last year's. */
export const PlanDrafted = defineEvent({
  type: 'PlanDrafted',
  schemaVersion: 1,
  description:
    "A rep starts a strategic account plan for one account and year; a plan cloned from last year's carries its sections over.",
  schema: z.object({
    ...base,
    accountId: Ulid,
    repId: UserId,
    year: z.number().int().min(2000).max(2999),
    currency: CurrencyCode.describe('Every amount in the plan is in this currency.'),
    cadence: PlanReviewCadence,
    clonedFrom: z
      .object({ planId: Ulid, version: z.number().int().positive() })
      .nullable()
      .describe('The plan and version this one was cloned from, or null.'),
    carriedOver: PlanSections.describe('Sections copied from the plan it was cloned from.'),
  }),
});
/** A plan was drafted. */
export type PlanDrafted = EventOf<typeof PlanDrafted>;

/** The account overview section was written or rewritten. */
export const PlanAccountOverviewWritten = defineEvent({
  type: 'PlanAccountOverviewWritten',
  schemaVersion: 1,
  description:
    'The account overview (business model, goals, financial health, pain) is written or rewritten.',
  schema: z.object({ ...base, section: AccountOverviewSection }),
});
/** The account overview was written. */
export type PlanAccountOverviewWritten = EventOf<typeof PlanAccountOverviewWritten>;

/** The industry overview section was written or rewritten. */
export const PlanIndustryOverviewWritten = defineEvent({
  type: 'PlanIndustryOverviewWritten',
  schemaVersion: 1,
  description: 'The industry overview (sector trends, landscape events) is written or rewritten.',
  schema: z.object({ ...base, section: IndustryOverviewSection }),
});
/** The industry overview was written. */
export type PlanIndustryOverviewWritten = EventOf<typeof PlanIndustryOverviewWritten>;

/** The relationship overview section was written or rewritten. */
export const PlanRelationshipOverviewWritten = defineEvent({
  type: 'PlanRelationshipOverviewWritten',
  schemaVersion: 1,
  description:
    'The relationship overview (key contacts, sponsors, gaps, the competition’s champions) is written or rewritten.',
  schema: z.object({ ...base, section: RelationshipOverviewSection }),
});
/** The relationship overview was written. */
export type PlanRelationshipOverviewWritten = EventOf<typeof PlanRelationshipOverviewWritten>;

/** The competitive strategy section was written or rewritten. */
export const PlanCompetitiveStrategyWritten = defineEvent({
  type: 'PlanCompetitiveStrategyWritten',
  schemaVersion: 1,
  description:
    "The competitive strategy (competitors' goals and messages, ours) is written or rewritten.",
  schema: z.object({ ...base, section: CompetitiveStrategySection }),
});
/** The competitive strategy was written. */
export type PlanCompetitiveStrategyWritten = EventOf<typeof PlanCompetitiveStrategyWritten>;

/** The top three opportunities were chosen (again). */
export const PlanTopOpportunitiesChosen = defineEvent({
  type: 'PlanTopOpportunitiesChosen',
  schemaVersion: 1,
  description:
    'The top three opportunities are chosen, each with its executive sponsor and our relationship today and as it should be.',
  schema: z.object({ ...base, section: TopOpportunitiesSection }),
});
/** The top opportunities were chosen. */
export type PlanTopOpportunitiesChosen = EventOf<typeof PlanTopOpportunitiesChosen>;

/** The past performance section was written or rewritten. */
export const PlanPastPerformanceWritten = defineEvent({
  type: 'PlanPastPerformanceWritten',
  schemaVersion: 1,
  description:
    'Past performance (how the customer rates our projects, value delivered in money) is written or rewritten.',
  schema: z.object({ ...base, section: PastPerformanceSection }),
});
/** The past performance was written. */
export type PlanPastPerformanceWritten = EventOf<typeof PlanPastPerformanceWritten>;

/** The team alignment section was written or rewritten. */
export const PlanTeamAlignmentWritten = defineEvent({
  type: 'PlanTeamAlignmentWritten',
  schemaVersion: 1,
  description:
    'Team alignment (cadence, alignment issues, resource requests) is written or rewritten.',
  schema: z.object({ ...base, section: TeamAlignmentSection }),
});
/** The team alignment was written. */
export type PlanTeamAlignmentWritten = EventOf<typeof PlanTeamAlignmentWritten>;

/** The twelve-month revenue plan was written or rewritten. */
export const PlanRevenuePlanWritten = defineEvent({
  type: 'PlanRevenuePlanWritten',
  schemaVersion: 1,
  description: 'The twelve-month revenue plan with its risks and exposure is written or rewritten.',
  schema: z.object({ ...base, section: RevenuePlanSection }),
});
/** The revenue plan was written. */
export type PlanRevenuePlanWritten = EventOf<typeof PlanRevenuePlanWritten>;

/** The next steps were listed, each naming the action item it becomes. */
export const PlanNextStepsListed = defineEvent({
  type: 'PlanNextStepsListed',
  schemaVersion: 1,
  description: "The plan's next steps are listed, each naming the action item (by id) it becomes.",
  schema: z.object({ ...base, section: NextStepsSection }),
});
/** The next steps were listed. */
export type PlanNextStepsListed = EventOf<typeof PlanNextStepsListed>;

/** A goal was set on the plan, or an existing goal (same id) was changed. */
export const PlanGoalSet = defineEvent({
  type: 'PlanGoalSet',
  schemaVersion: 1,
  description:
    'A goal for the account (metric, baseline, target, due date) is set or changed, worked back to the opportunities that carry it.',
  schema: z.object({ ...base, goal: PlanGoal }),
});
/** A goal was set. */
export type PlanGoalSet = EventOf<typeof PlanGoalSet>;

/** A goal was withdrawn from the plan. */
export const PlanGoalWithdrawn = defineEvent({
  type: 'PlanGoalWithdrawn',
  schemaVersion: 1,
  description: 'A goal is taken off the plan.',
  schema: z.object({ ...base, goalId: Ulid, reason: line.optional() }),
});
/** A goal was withdrawn. */
export type PlanGoalWithdrawn = EventOf<typeof PlanGoalWithdrawn>;

/** The rep submitted the plan for approval. */
export const PlanSubmitted = defineEvent({
  type: 'PlanSubmitted',
  schemaVersion: 1,
  description: 'The rep submits the current version of the plan to their manager for approval.',
  schema: z.object({ ...base, version: z.number().int().positive(), submittedBy: UserId }),
});
/** The plan was submitted. */
export type PlanSubmitted = EventOf<typeof PlanSubmitted>;

/** A manager sent the submitted plan back for changes. */
export const PlanReturnedForChanges = defineEvent({
  type: 'PlanReturnedForChanges',
  schemaVersion: 1,
  description:
    'A manager sends a submitted plan back to the rep with the changes wanted; it is a draft again.',
  schema: z.object({
    ...base,
    version: z.number().int().positive(),
    returnedBy: UserId,
    reason: paragraph,
  }),
});
/** The plan was returned for changes. */
export type PlanReturnedForChanges = EventOf<typeof PlanReturnedForChanges>;

/** A manager approved the submitted plan. */
export const PlanApproved = defineEvent({
  type: 'PlanApproved',
  schemaVersion: 1,
  description:
    'A manager approves the submitted version of the plan; that version is now the plan in force.',
  schema: z.object({
    ...base,
    version: z.number().int().positive(),
    approvedBy: UserId,
    approverRole: z.literal('manager'),
  }),
});
/** The plan was approved. */
export type PlanApproved = EventOf<typeof PlanApproved>;

/** The approved plan was opened for revision as a new version. */
export const PlanRevised = defineEvent({
  type: 'PlanRevised',
  schemaVersion: 1,
  description:
    'An approved plan is opened for revision: a new version starts as a draft from the approved one, which is kept in the history.',
  schema: z.object({
    ...base,
    fromVersion: z.number().int().positive(),
    version: z.number().int().positive(),
    revisedBy: UserId,
    reason: paragraph,
  }),
});
/** The plan was revised. */
export type PlanRevised = EventOf<typeof PlanRevised>;

/** The plan was archived. */
export const PlanArchived = defineEvent({
  type: 'PlanArchived',
  schemaVersion: 1,
  description:
    'The plan is archived (its year is over, or the account no longer warrants one); it accepts nothing more.',
  schema: z.object({ ...base, archivedBy: UserId, reason: line.optional() }),
});
/** The plan was archived. */
export type PlanArchived = EventOf<typeof PlanArchived>;

/** The plan was cloned into next year's plan. */
export const PlanCloned = defineEvent({
  type: 'PlanCloned',
  schemaVersion: 1,
  description:
    "The plan's approved version is cloned into next year's plan (a new plan stream, drafted from it).",
  schema: z.object({
    ...base,
    version: z.number().int().positive(),
    intoPlanId: Ulid,
    intoYear: z.number().int().min(2000).max(2999),
  }),
});
/** The plan was cloned into next year's plan. */
export type PlanCloned = EventOf<typeof PlanCloned>;

/** The plan's review cadence was changed. */
export const PlanReviewCadenceSet = defineEvent({
  type: 'PlanReviewCadenceSet',
  schemaVersion: 1,
  description:
    'How often the plan gets a strategic review (6-9 months) and a check (monthly or quarterly) is set.',
  schema: z.object({ ...base, cadence: PlanReviewCadence }),
});
/** The review cadence was set. */
export type PlanReviewCadenceSet = EventOf<typeof PlanReviewCadenceSet>;

/** The plan was looked at in a review. */
export const PlanReviewed = defineEvent({
  type: 'PlanReviewed',
  schemaVersion: 1,
  description:
    'The plan is gone through with the manager, in a strategic plan review or a monthly/quarterly check; freshness is measured from the last one.',
  schema: z.object({
    ...base,
    kind: z.enum(['strategic', 'check']),
    reviewId: Ulid.nullable().describe('The review meeting, when it was held as a review.'),
    reviewedBy: UserId,
  }),
});
/** The plan was reviewed. */
export type PlanReviewed = EventOf<typeof PlanReviewed>;

/** Every plan event definition, in catalog order. */
export const planEvents = [
  PlanDrafted,
  PlanAccountOverviewWritten,
  PlanIndustryOverviewWritten,
  PlanRelationshipOverviewWritten,
  PlanCompetitiveStrategyWritten,
  PlanTopOpportunitiesChosen,
  PlanPastPerformanceWritten,
  PlanTeamAlignmentWritten,
  PlanRevenuePlanWritten,
  PlanNextStepsListed,
  PlanGoalSet,
  PlanGoalWithdrawn,
  PlanSubmitted,
  PlanReturnedForChanges,
  PlanApproved,
  PlanRevised,
  PlanArchived,
  PlanCloned,
  PlanReviewCadenceSet,
  PlanReviewed,
] as const;

/** Any plan event. */
export type PlanEvent = EventOf<(typeof planEvents)[number]>;
