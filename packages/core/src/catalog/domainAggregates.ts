import { accountAggregate } from '../accounts/index.js';
import { actionItemAggregate } from '../actions/index.js';
import { planAggregate } from '../plans/index.js';
import { reviewAggregate } from '../reviews/index.js';
import { salesPlanAggregate } from '../salesPlans/index.js';
import { territoryAggregate } from '../territories/index.js';

/**
 * Every aggregate of the domain, in the order the docs present them, each built with
 * `defineAggregate`. The event catalog and the JSON Schemas in `docs/` are generated from this
 * list (`pnpm docs:domain`), so a new aggregate needs exactly one line here to be documented.
 */
export const domainAggregates = [
  accountAggregate,
  planAggregate,
  reviewAggregate,
  actionItemAggregate,
  territoryAggregate,
  salesPlanAggregate,
] as const;
