import { DomainRuleViolation } from '../errors.js';
import type { RuleCatalog } from './aggregateDefinition.js';

/**
 * Throws the `DomainRuleViolation` of `rule` from an aggregate's rule catalog: the rule's
 * sentence is the message, followed by the ids involved (`planId 01J…, userId rep-7`).
 *
 * @throws {DomainRuleViolation} always.
 * @example
 * ```ts
 * if (state.status !== 'submitted') violateRule(planRules, 'plan.not_submitted', { planId });
 * ```
 */
export function violateRule<R extends RuleCatalog>(
  rules: R,
  rule: keyof R & string,
  ids: Readonly<Record<string, string>>,
): never {
  const named = Object.entries(ids)
    .map(([role, id]) => `${role} ${id}`)
    .join(', ');
  throw new DomainRuleViolation(
    rule,
    named ? `${rules[rule]} (${named})` : String(rules[rule]),
    ids,
  );
}
