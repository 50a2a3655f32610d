import { z } from 'zod';
import { Ulid, UserId } from '../ids/ids.js';
import { CurrencyCode } from '../money/money.js';
import { Instant } from '../periods/period.js';
import {
  AccountOverviewSection,
  CompetitiveStrategySection,
  IndustryOverviewSection,
  NextStepsSection,
  PastPerformanceSection,
  PlanActorRole,
  PlanGoal,
  PlanReviewCadence,
  PlanSections,
  RelationshipOverviewSection,
  RevenuePlanSection,
  TeamAlignmentSection,
  TopOpportunitiesSection,
} from './events.js';

// Every command names its plan and carries its business time: both are made at the edge.
const base = { planId: Ulid, at: Instant };
const reason = z.string().trim().min(1).max(4000);

/**
 * The review cadence a plan gets when its draft names none: a strategic review every six months
 * (the short end of seed 002's six to nine) and a quarterly check (seed 004).
 */
export const DEFAULT_PLAN_REVIEW_CADENCE: PlanReviewCadence = {
  strategicReviewEveryMonths: 6,
  checkEvery: 'quarterly',
};

/** Start a plan for an account and year. */
export const DraftPlan = z.object({
  type: z.literal('DraftPlan'),
  ...base,
  accountId: Ulid,
  repId: UserId,
  year: z.number().int().min(2000).max(2999),
  currency: CurrencyCode,
  cadence: PlanReviewCadence.optional(),
  clonedFrom: z
    .object({ planId: Ulid, version: z.number().int().positive() })
    .nullable()
    .optional(),
  carriedOver: PlanSections.optional(),
});
/** Start a plan. */
export type DraftPlan = z.infer<typeof DraftPlan>;

/** Write (or rewrite) the account overview. */
export const WritePlanAccountOverview = z.object({
  type: z.literal('WritePlanAccountOverview'),
  ...base,
  section: AccountOverviewSection,
});
/** Write the account overview. */
export type WritePlanAccountOverview = z.infer<typeof WritePlanAccountOverview>;

/** Write (or rewrite) the industry overview. */
export const WritePlanIndustryOverview = z.object({
  type: z.literal('WritePlanIndustryOverview'),
  ...base,
  section: IndustryOverviewSection,
});
/** Write the industry overview. */
export type WritePlanIndustryOverview = z.infer<typeof WritePlanIndustryOverview>;

/** Write (or rewrite) the relationship overview. */
export const WritePlanRelationshipOverview = z.object({
  type: z.literal('WritePlanRelationshipOverview'),
  ...base,
  section: RelationshipOverviewSection,
});
/** Write the relationship overview. */
export type WritePlanRelationshipOverview = z.infer<typeof WritePlanRelationshipOverview>;

/** Write (or rewrite) the competitive strategy. */
export const WritePlanCompetitiveStrategy = z.object({
  type: z.literal('WritePlanCompetitiveStrategy'),
  ...base,
  section: CompetitiveStrategySection,
});
/** Write the competitive strategy. */
export type WritePlanCompetitiveStrategy = z.infer<typeof WritePlanCompetitiveStrategy>;

/** Choose the top three opportunities. */
export const ChoosePlanTopOpportunities = z.object({
  type: z.literal('ChoosePlanTopOpportunities'),
  ...base,
  section: TopOpportunitiesSection,
});
/** Choose the top opportunities. */
export type ChoosePlanTopOpportunities = z.infer<typeof ChoosePlanTopOpportunities>;

/** Write (or rewrite) the past performance. */
export const WritePlanPastPerformance = z.object({
  type: z.literal('WritePlanPastPerformance'),
  ...base,
  section: PastPerformanceSection,
});
/** Write the past performance. */
export type WritePlanPastPerformance = z.infer<typeof WritePlanPastPerformance>;

/** Write (or rewrite) the team alignment. */
export const WritePlanTeamAlignment = z.object({
  type: z.literal('WritePlanTeamAlignment'),
  ...base,
  section: TeamAlignmentSection,
});
/** Write the team alignment. */
export type WritePlanTeamAlignment = z.infer<typeof WritePlanTeamAlignment>;

/** Write (or rewrite) the twelve-month revenue plan. */
export const WritePlanRevenuePlan = z.object({
  type: z.literal('WritePlanRevenuePlan'),
  ...base,
  section: RevenuePlanSection,
});
/** Write the revenue plan. */
export type WritePlanRevenuePlan = z.infer<typeof WritePlanRevenuePlan>;

/** List the next steps, each with the id of the action item it becomes. */
export const ListPlanNextSteps = z.object({
  type: z.literal('ListPlanNextSteps'),
  ...base,
  section: NextStepsSection,
});
/** List the next steps. */
export type ListPlanNextSteps = z.infer<typeof ListPlanNextSteps>;

/** Set a goal (a new goal id adds one, a known id changes it). */
export const SetPlanGoal = z.object({ type: z.literal('SetPlanGoal'), ...base, goal: PlanGoal });
/** Set a goal. */
export type SetPlanGoal = z.infer<typeof SetPlanGoal>;

/** Take a goal off the plan. */
export const WithdrawPlanGoal = z.object({
  type: z.literal('WithdrawPlanGoal'),
  ...base,
  goalId: Ulid,
  reason: reason.optional(),
});
/** Take a goal off the plan. */
export type WithdrawPlanGoal = z.infer<typeof WithdrawPlanGoal>;

/** Submit the draft for a manager's approval. */
export const SubmitPlan = z.object({ type: z.literal('SubmitPlan'), ...base, submittedBy: UserId });
/** Submit the plan. */
export type SubmitPlan = z.infer<typeof SubmitPlan>;

/** Send a submitted plan back to the rep; the returner's role comes with the command. */
export const ReturnPlanForChanges = z.object({
  type: z.literal('ReturnPlanForChanges'),
  ...base,
  returnedBy: UserId,
  returnerRole: PlanActorRole,
  reason,
});
/** Send a submitted plan back. */
export type ReturnPlanForChanges = z.infer<typeof ReturnPlanForChanges>;

/** Approve a submitted plan; the approver's role comes with the command and must be manager. */
export const ApprovePlan = z.object({
  type: z.literal('ApprovePlan'),
  ...base,
  approvedBy: UserId,
  approverRole: PlanActorRole,
});
/** Approve the plan. */
export type ApprovePlan = z.infer<typeof ApprovePlan>;

/** Open an approved plan for revision as a new version. */
export const RevisePlan = z.object({
  type: z.literal('RevisePlan'),
  ...base,
  revisedBy: UserId,
  reason,
});
/** Revise the plan. */
export type RevisePlan = z.infer<typeof RevisePlan>;

/** Archive the plan. */
export const ArchivePlan = z.object({
  type: z.literal('ArchivePlan'),
  ...base,
  archivedBy: UserId,
  reason: reason.optional(),
});
/** Archive the plan. */
export type ArchivePlan = z.infer<typeof ArchivePlan>;

/**
 * Record that the approved plan is cloned into next year's plan `intoPlanId`. The new plan's
 * stream is then started with the `DraftPlan` that `draftNextYearPlan` builds.
 */
export const ClonePlanIntoNextYear = z.object({
  type: z.literal('ClonePlanIntoNextYear'),
  ...base,
  intoPlanId: Ulid,
});
/** Clone the plan into next year's. */
export type ClonePlanIntoNextYear = z.infer<typeof ClonePlanIntoNextYear>;

/** Set how often the plan is reviewed and checked. */
export const SetPlanReviewCadence = z.object({
  type: z.literal('SetPlanReviewCadence'),
  ...base,
  cadence: PlanReviewCadence,
});
/** Set the review cadence. */
export type SetPlanReviewCadence = z.infer<typeof SetPlanReviewCadence>;

/** Record that the plan was gone through in a strategic review or a check. */
export const RecordPlanReview = z.object({
  type: z.literal('RecordPlanReview'),
  ...base,
  kind: z.enum(['strategic', 'check']),
  reviewId: Ulid.nullable().optional(),
  reviewedBy: UserId,
});
/** Record a plan review. */
export type RecordPlanReview = z.infer<typeof RecordPlanReview>;

/** Any plan command, discriminated by `type`. Parse untrusted input with it. */
export const PlanCommand = z.discriminatedUnion('type', [
  DraftPlan,
  WritePlanAccountOverview,
  WritePlanIndustryOverview,
  WritePlanRelationshipOverview,
  WritePlanCompetitiveStrategy,
  ChoosePlanTopOpportunities,
  WritePlanPastPerformance,
  WritePlanTeamAlignment,
  WritePlanRevenuePlan,
  ListPlanNextSteps,
  SetPlanGoal,
  WithdrawPlanGoal,
  SubmitPlan,
  ReturnPlanForChanges,
  ApprovePlan,
  RevisePlan,
  ArchivePlan,
  ClonePlanIntoNextYear,
  SetPlanReviewCadence,
  RecordPlanReview,
]);
/** Any plan command. */
export type PlanCommand = z.infer<typeof PlanCommand>;
