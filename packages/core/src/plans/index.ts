// The Plan aggregate: a strategic account plan (seeds 002, 003, 004).

export {
  ApprovePlan,
  ArchivePlan,
  ChoosePlanTopOpportunities,
  ClonePlanIntoNextYear,
  DEFAULT_PLAN_REVIEW_CADENCE,
  DraftPlan,
  ListPlanNextSteps,
  PlanCommand,
  RecordPlanReview,
  ReturnPlanForChanges,
  RevisePlan,
  SetPlanGoal,
  SetPlanReviewCadence,
  SubmitPlan,
  WithdrawPlanGoal,
  WritePlanAccountOverview,
  WritePlanCompetitiveStrategy,
  WritePlanIndustryOverview,
  WritePlanPastPerformance,
  WritePlanRelationshipOverview,
  WritePlanRevenuePlan,
  WritePlanTeamAlignment,
} from './commands.js';
export { decidePlan } from './decide.js';
export { draftNextYearPlan } from './draftNextYearPlan.js';
export {
  AccountOverviewSection,
  CompetitiveStrategySection,
  GoalMeasure,
  GoalMetric,
  IndustryOverviewSection,
  NextStepsSection,
  PastPerformanceSection,
  PlanAccountOverviewWritten,
  PlanActorRole,
  PlanApproved,
  PlanArchived,
  PlanCloned,
  PlanCompetitiveStrategyWritten,
  PlanDrafted,
  type PlanEvent,
  PlanGoal,
  PlanGoalSet,
  PlanGoalWithdrawn,
  PlanIndustryOverviewWritten,
  PlanNextStepsListed,
  PlanPastPerformanceWritten,
  PlanRelationshipOverviewWritten,
  PlanReturnedForChanges,
  PlanRevenuePlanWritten,
  PlanReviewCadence,
  PlanReviewCadenceSet,
  PlanReviewed,
  PlanRevised,
  PlanSectionName,
  PlanSections,
  PlanSubmitted,
  PlanTeamAlignmentWritten,
  PlanTopOpportunitiesChosen,
  planEvents,
  RelationshipOverviewSection,
  RevenuePlanSection,
  TeamAlignmentSection,
  TopOpportunitiesSection,
} from './events.js';
export { evolvePlan } from './evolve.js';
export { type PlanCompleteness, planCompleteness } from './planCompleteness.js';
export { planAggregate, planDecider } from './planDecider.js';
export { type PlanFreshness, planFreshness } from './planFreshness.js';
export { type PlanReviewDue, type PlanReviewsDue, planReviewsDue } from './planReviewsDue.js';
export {
  type ApprovedPlanVersion,
  initialPlanState,
  type PlanReviewRecord,
  type PlanState,
  type PlanStatus,
} from './planState.js';
export { type PlanRule, planRules } from './rules.js';
