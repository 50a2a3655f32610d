// The public surface of @account-planning/core. Every exported name is listed here.

export {
  type AggregateDefinition,
  defineAggregate,
  type RuleCatalog,
} from './catalog/aggregateDefinition.js';
export { domainAggregates } from './catalog/domainAggregates.js';
export {
  type CommandHandler,
  type CommandHandlerOptions,
  type CommandResult,
  createCommandHandler,
  type HandleOptions,
  type LoadedState,
  type RetryPolicy,
} from './commandHandling/commandHandler.js';
export { type Decider, evolve, fold } from './decider/decider.js';
export {
  AccountPlanningError,
  CheckpointConflictError,
  ConcurrencyError,
  DomainRuleViolation,
  type ErrorCode,
  type ExpectedVersion,
  IdempotencyConflictError,
  isAccountPlanningError,
  NotFoundError,
  StorageError,
  TenantIsolationError,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
export {
  createEventRegistry,
  defineEvent,
  type EventDefinition,
  type EventOf,
  type EventRegistry,
  type PersonalDataDeclaration,
  type Upcaster,
  type ValidatedEventData,
} from './eventStore/eventRegistry.js';
export {
  comparePositions,
  decodePosition,
  encodePosition,
  isPosition,
  type Position,
  START_POSITION,
} from './eventStore/position.js';
export {
  assertIdentifier,
  checkExpectedVersion,
  isExpectedVersion,
  type PreparedEvent,
  prepareAppend,
  STORE_LIMITS,
} from './eventStore/prepareAppend.js';
export type {
  AppendOptions,
  AppendResult,
  BatchContext,
  EventEnvelope,
  EventLike,
  EventMetadata,
  EventStore,
  ForgetResult,
  JsonValue,
  LogRead,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  Snapshot,
  SnapshotStore,
  StoreCapabilities,
  StreamRead,
  SubscribeOptions,
  Subscription,
} from './eventStore/types.js';
export { createIdFactory, type StreamKind, streamIdFor, Ulid, UserId } from './ids/ids.js';
export { CurrencyCode, MinorUnits, Money, money, roundMinor } from './money/money.js';
export {
  addDays,
  addMonths,
  CalendarDate,
  daysBetween,
  Instant,
  isQuarter,
  Month,
  monthOf,
  monthsOf,
  Period,
  Quarter,
  quarterOf,
} from './periods/period.js';
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
} from './plans/commands.js';
export { decidePlan } from './plans/decide.js';
export { draftNextYearPlan } from './plans/draftNextYearPlan.js';
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
  PlanRelationshipLevel,
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
} from './plans/events.js';
export { evolvePlan } from './plans/evolve.js';
export { type PlanCompleteness, planCompleteness } from './plans/planCompleteness.js';
export { planAggregate, planDecider } from './plans/planDecider.js';
export { type PlanFreshness, planFreshness } from './plans/planFreshness.js';
export { type PlanReviewDue, type PlanReviewsDue, planReviewsDue } from './plans/planReviewsDue.js';
export {
  type ApprovedPlanVersion,
  initialPlanState,
  type PlanReviewRecord,
  type PlanState,
  type PlanStatus,
} from './plans/planState.js';
export { type PlanRule, planRules } from './plans/rules.js';
