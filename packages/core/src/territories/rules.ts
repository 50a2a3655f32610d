import type { RuleCatalog } from '../catalog/aggregateDefinition.js';
import { violateRule } from '../catalog/violateRule.js';

/**
 * Every rule the Territory aggregate enforces: its stable code (the `rule` of the
 * `DomainRuleViolation` it throws) and the sentence that states it. The docs' rule list is
 * generated from this object; codes never change once released.
 */
export const territoryRules = {
  'territory.not_defined': 'A territory must be defined before anything else can happen to it.',
  'territory.already_defined': 'A territory is defined once; its id is not reused.',
  'territory.id_mismatch': 'A command names the territory of the stream it is sent to.',
  'territory.retired': 'A retired territory accepts nothing.',
  'territory.tier_unchanged': 'A tier change moves the territory to a different tier.',
  'territory.rep_already_assigned': 'A rep is assigned to a territory once.',
  'territory.rep_not_assigned': 'Only a rep assigned to the territory can be taken off it.',
  'territory.reps_still_assigned':
    'A territory is retired only once no rep is assigned to it, so that no rep is left without a patch by accident.',
  'territory.currency_mismatch':
    "A money benchmark is in the territory's currency, fixed when it was defined.",
  'territory.benchmark_unit_mismatch':
    'Money KPIs (revenue, gross profit, pipeline value) are benchmarked in money, counts (units, new accounts) in a count, rates (growth, retention) in percent.',
  'territory.market_factor_out_of_range':
    'A market-conditions factor is above 0 and at most 2 (1 is a neutral market; seed 000).',
} as const satisfies RuleCatalog;

/** The stable code of one Territory rule, e.g. `territory.retired`. */
export type TerritoryRule = keyof typeof territoryRules;

/**
 * Throws the `DomainRuleViolation` of `rule`, its sentence as the message, naming the ids involved.
 * @throws {DomainRuleViolation} always.
 */
export function violateTerritoryRule(
  rule: TerritoryRule,
  ids: Readonly<Record<string, string>>,
): never {
  return violateRule(territoryRules, rule, ids);
}
