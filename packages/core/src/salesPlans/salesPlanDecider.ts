import { defineAggregate } from '../catalog/aggregateDefinition.js';
import type { Decider } from '../decider/decider.js';
import { SalesPlanCommand } from './commands.js';
import { decideSalesPlan } from './decide.js';
import { type SalesPlanEvent, salesPlanEvents } from './events.js';
import { evolveSalesPlan } from './evolve.js';
import { salesPlanRules } from './rules.js';
import { initialSalesPlanState, type SalesPlanState } from './salesPlanState.js';

/**
 * A rep's sales plan's behaviour: `decideSalesPlan` and `evolveSalesPlan` on streams
 * `salesplan-<rep>-<period>` (see `salesPlanStreamId`).
 */
export const salesPlanDecider: Decider<SalesPlanState, SalesPlanCommand, SalesPlanEvent> = {
  initialState: initialSalesPlanState,
  decide: decideSalesPlan,
  evolve: evolveSalesPlan,
};

/** The Sales plan aggregate for the catalog: events, commands, rules and decider. */
export const salesPlanAggregate = defineAggregate({
  name: 'Sales plan',
  streamKind: 'salesplan',
  streamIdPattern: 'salesplan-<rep>-<period>',
  description:
    "A rep's targets for a period in revenue, units or gross profit (seed 001), with growth and pipeline-stocking goals (seed 000) and the growth allocated to the accounts that will produce it.",
  events: salesPlanEvents,
  commandSchema: SalesPlanCommand,
  rules: salesPlanRules,
  decider: salesPlanDecider,
});
