// Read models as pure folds over the log, queries over them, time travel and what-if.

export {
  type AccountAssignment,
  type AccountBookState,
  accountBookProjection,
  type BookAccount,
  type BookRevenueEntry,
  emptyAccountBook,
} from './accountBook.js';
export {
  type AccountChange,
  type AccountChangeDetail,
  type AccountChangeKind,
  type AccountChangeList,
  type AccountChangeSummary,
  type AccountChangeTracker,
  type ChangeSource,
  type FromTo,
  replayChanges,
  trackAccountChanges,
} from './accountChanges.js';
export {
  type AccountFigures,
  type ActionFigures,
  accountFigures,
  type ContactFigures,
  emptyAccountFigures,
  type OpportunityFigures,
} from './accountFigures.js';
export {
  type AccountTier,
  type AccountTierOptions,
  accountPriorityFactsOf,
  accountTiers,
} from './accountTiers.js';
export {
  type AsOf,
  asOfFilter,
  businessTimeOf,
  foldAsOf,
  type ReadAsOfOptions,
  readAsOf,
  type StateAt,
} from './asOf.js';
export { bookHierarchy, type HierarchyNode, type HierarchyOptions } from './bookHierarchy.js';
export {
  type BookAccountLine,
  type BookOfBusiness,
  type BookOptions,
  bookOfBusiness,
  type RevenueOfPeriod,
} from './bookOfBusiness.js';
export { accountsInScope, type BookScope, mainCurrency, teamOf } from './bookScope.js';
export {
  type AccountReviewChanges,
  type ChangeRef,
  type ChangeScoringOptions,
  type ChangesBetweenOptions,
  type ChangesSince,
  changesBetween,
  type FactorChange,
  lastReviewOf,
  type ReadChangesOptions,
  readChangesSinceReview,
  type ScoreChange,
} from './changesSinceLastReview.js';
export { type CombinedState, combineProjections, type StatesOf } from './combineProjections.js';
export {
  type Commitment,
  type CommitmentLedgerState,
  type CommitmentSlip,
  commitmentLedgerProjection,
  emptyCommitmentLedger,
} from './commitmentLedger.js';
export {
  type CommitmentFilter,
  type CommitmentLine,
  type CommitmentsByOwner,
  type CommitmentTotals,
  commitmentLine,
  commitmentsByOwner,
  type OwnerCommitments,
} from './commitmentsByOwner.js';
export {
  type ConcentrationByRepOptions,
  concentrationByRep,
  type RepConcentration,
} from './concentrationByRep.js';
export {
  type ClosedOpportunities,
  type Pipeline,
  type PipelineBucket,
  type PipelineOpportunity,
  type PipelineOptions,
  pipelineBy,
  pipelineItemsOf,
} from './pipelineBy.js';
export {
  emptyPlanCoverage,
  type PlanCoverageState,
  planCoverageProjection,
} from './planCoverage.js';
export {
  type AccountPlanSummary,
  type PlanCoverage,
  type PlanCoverageLine,
  type PlanCoverageOptions,
  type PlanGap,
  planCoverageOf,
  type StaleReason,
} from './planCoverageOf.js';
export {
  type DomainEvent,
  defineProjection,
  foldProjection,
  type ProjectedEvent,
  type Projection,
  type ProjectionDefinition,
  type ProjectionHandlers,
} from './projection.js';
export {
  createProjectionRunner,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionSnapshot,
  type ProjectionSnapshotStore,
  projectionSnapshotsIn,
} from './projectionRunner.js';
export { type ReadModels, readModelsProjection } from './readModels.js';
export { readProjection } from './readProjection.js';
export {
  type RepPerformances,
  type RepPerformancesOptions,
  type RepYear,
  repPerformances,
} from './repPerformances.js';
export {
  type GroupRetentionLine,
  type RetentionByGroup,
  type RetentionQuery,
  retentionByGroup,
  retentionWindowOf,
} from './retentionByGroup.js';
export {
  monthFromNumber,
  monthNumber,
  periodWithin,
  previousRange,
  revenueByProductLine,
  revenueEntriesInRange,
  revenueInRange,
  trailingTwelveMonths,
} from './revenueInRange.js';
export {
  emptyReviewCalendar,
  type ReviewCalendarState,
  type ReviewPositions,
  reviewCalendarProjection,
} from './reviewCalendar.js';
export {
  DEFAULT_REVIEW_CADENCES,
  type ReviewCadenceRule,
  type ReviewObligation,
  type ReviewsDue,
  type ReviewsDueOptions,
  reviewsDue,
  type ScheduledReviewLine,
} from './reviewsDue.js';
export {
  emptySalesPlanBook,
  type SalesPlanBookState,
  salesPlanBookProjection,
} from './salesPlanBook.js';
export {
  pipelineStockingByRep,
  rangeOfSalesPeriod,
  type SalesPlanResult,
  type SalesPlanResultsOptions,
  salesPlanResults,
} from './salesPlanResults.js';
export {
  accountHealthFactsOf,
  KEY_CONTACT_ROLES,
  openOpportunityFacts,
  opportunityFactsOf,
} from './scoringFacts.js';
export {
  type BranchFigures,
  type HypotheticalEvent,
  hypotheticalAccountLoss,
  hypotheticalPriceIncrease,
  hypotheticalWhitespaceWin,
  type WhatIf,
  type WhatIfOptions,
  whatIf,
  whatIfFromStore,
} from './whatIf.js';
export {
  type WhitespaceGrid,
  type WhitespaceGridCell,
  type WhitespaceRow,
  whitespaceGrid,
} from './whitespaceGrid.js';
