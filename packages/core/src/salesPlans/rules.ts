import type { RuleCatalog } from '../catalog/aggregateDefinition.js';
import { violateRule } from '../catalog/violateRule.js';

/**
 * Every rule the Sales plan aggregate enforces: its stable code (the `rule` of the
 * `DomainRuleViolation` it throws) and the sentence that states it. The docs' rule list is
 * generated from this object; codes never change once released.
 */
export const salesPlanRules = {
  'salesplan.not_opened': 'A sales plan must be opened before anything else can happen to it.',
  'salesplan.already_opened': 'A rep has one sales plan per period.',
  'salesplan.id_mismatch': 'A command names the rep and period of the stream it is sent to.',
  'salesplan.closed': 'A closed sales plan accepts nothing.',
  'salesplan.measure_mismatch':
    "The growth goal and its allocations are in the plan's measure (revenue, units or gross profit).",
  'salesplan.currency_mismatch':
    "Every money amount of a sales plan is in the plan's currency, fixed when it was opened.",
  'salesplan.no_growth_goal': 'Growth is allocated to accounts only once the growth goal is set.',
  'salesplan.over_allocated':
    "The allocations to accounts add up to no more than the plan's growth goal, unless over-allocation is asked for explicitly (seed 001: assign the plan's growth to the accounts that will produce it).",
  'salesplan.allocation_unknown': 'Only an account that holds an allocation can have it withdrawn.',
} as const satisfies RuleCatalog;

/** The stable code of one Sales plan rule, e.g. `salesplan.over_allocated`. */
export type SalesPlanRule = keyof typeof salesPlanRules;

/**
 * Throws the `DomainRuleViolation` of `rule`, its sentence as the message, naming the ids involved.
 * @throws {DomainRuleViolation} always.
 */
export function violateSalesPlanRule(
  rule: SalesPlanRule,
  ids: Readonly<Record<string, string>>,
): never {
  return violateRule(salesPlanRules, rule, ids);
}
