/**
 * The application service: the entry point products call. It runs each aggregate's commands
 * through its command handler, checks the rules that span aggregates against a read model of
 * the log, and makes the writes that follow from a command on other streams. What holds under
 * concurrent commands is stated on {@link createAccountPlanning}.
 *
 * @module
 */
export type { AggregateService, CreatedIdOf, EdgeCommand } from './aggregateService.js';
export {
  type AccountCommandInput,
  type AccountPlanning,
  type AccountPlanningOptions,
  type ActionItemCommandInput,
  createAccountPlanning,
  type PlanCommandInput,
  type ReviewCommandInput,
  type SalesPlanCommandInput,
  type TerritoryCommandInput,
} from './createAccountPlanning.js';
export { createDomainEventRegistry } from './createDomainEventRegistry.js';
export {
  type DomainIndex,
  emptyDomainIndex,
  type IndexableEvent,
  type IndexedAccount,
  type IndexedActionItem,
  type IndexedReview,
  indexEvent,
  type PendingParentClaim,
  previousReviewOf,
  wouldCloseHierarchyCycle,
} from './domainIndex.js';
export { ACCOUNT_HIERARCHY_STREAM, AccountParentClaimed, applicationEvents } from './events.js';
export { type CrossAggregateRule, crossAggregateRules } from './rules.js';
