// The public surface of @account-planning/testing. Every exported name is listed here.

export {
  type AccountCommandSequence,
  type AccountContext,
  accountCommandArbitraries,
  accountEventArbitraries,
  arbitraryAccountCommand,
  arbitraryAccountCommandSequence,
  arbitraryAccountContext,
  arbitraryAccountEvent,
  arbitraryInvalidAccountCommand,
  type InvalidAccountCommand,
} from './arbitraries/accounts.js';
export {
  type ActionItemArbitraryOptions,
  actionItemCommandArbitraries,
  actionItemEventArbitraries,
  arbitraryActionItemCommand,
  arbitraryActionItemEvent,
  arbitraryActionItemLife,
  arbitraryActionItemSource,
} from './arbitraries/actions.js';
export {
  arbitraryDomainLog,
  type DomainLog,
  type DomainLogEvent,
  type DomainLogOptions,
} from './arbitraries/domainLog.js';
export {
  arbitraryPlanCommand,
  arbitraryPlanCommandSequence,
  arbitraryPlanContext,
  arbitraryPlanEvent,
  arbitraryPlanGoal,
  arbitraryPlanSections,
  type PlanContext,
  planCommandArbitraries,
  planEventArbitraries,
  planSectionArbitraries,
} from './arbitraries/plans.js';
export {
  arbitraryCalendarDate,
  arbitraryCurrency,
  arbitraryInstant,
  arbitraryMinorUnits,
  arbitraryMoney,
  arbitraryMonth,
  arbitraryQuarter,
  arbitraryText,
  arbitraryUlid,
  arbitraryUserId,
} from './arbitraries/primitives.js';
export {
  arbitraryGrowthExpectation,
  arbitraryPreparationDocument,
  arbitraryPreparationEntry,
  arbitraryPreviousActionOutcome,
  arbitraryReviewCommand,
  arbitraryReviewEvent,
  arbitraryReviewLife,
  type ReviewArbitraryOptions,
  type ReviewLifeEnding,
  type ReviewLifeOptions,
  reviewCommandArbitraries,
  reviewEventArbitraries,
} from './arbitraries/reviews.js';
export {
  arbitrarySalesAmount,
  arbitrarySalesPlanCommand,
  arbitrarySalesPlanCommandSequence,
  arbitrarySalesPlanContext,
  arbitrarySalesPlanEvent,
  arbitrarySalesPlanPeriod,
  type SalesPlanContext,
  salesPlanCommandArbitraries,
  salesPlanEventArbitraries,
} from './arbitraries/salesPlans.js';
export {
  arbitraryAccountHealthFacts,
  arbitraryAccountLosses,
  arbitraryAccountPriorityFacts,
  arbitraryOpportunityFacts,
  arbitraryPipelineItems,
  arbitraryRevenueLines,
} from './arbitraries/scoring.js';
export {
  arbitraryKpiBenchmark,
  arbitraryTerritoryCommand,
  arbitraryTerritoryCommandSequence,
  arbitraryTerritoryContext,
  arbitraryTerritoryEvent,
  type TerritoryContext,
  territoryCommandArbitraries,
  territoryEventArbitraries,
} from './arbitraries/territories.js';
export {
  type CommandSequenceRun,
  type CommandSequenceStep,
  runCommandSequence,
} from './commandSequence/runCommandSequence.js';
export {
  describeEventStoreContract,
  type EventStoreContractFactory,
  type EventStoreContractFixture,
  type EventStoreContractStoreOptions,
} from './contract/describeEventStoreContract.js';
export {
  type DeciderSpecification,
  type DeciderSpecOptions,
  type DeciderThen,
  type DeciderWhen,
  deciderSpec,
  type ExpectedRejection,
} from './deciderSpec/deciderSpec.js';
export {
  extendSeedScenarioWithPlan,
  type SeedPlanScenario,
} from './scenarios/seedPlanScenario.js';
export { buildSeedScenario, type SeedScenario } from './scenarios/seedScenario.js';
export { buildTeamScenario, type TeamScenario } from './scenarios/teamScenario.js';
export {
  checkScoringLaws,
  SCORING_LAWS,
  type ScoringLawName,
  type ScoringLawResult,
  type ScoringLawsOptions,
  type ScoringLawsReport,
  ScoringLawViolation,
} from './scoringLaws/checkScoringLaws.js';
