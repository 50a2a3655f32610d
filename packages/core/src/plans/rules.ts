import type { RuleCatalog } from '../catalog/aggregateDefinition.js';
import { violateRule } from '../catalog/violateRule.js';

/**
 * Every rule the Plan aggregate enforces: its stable code (the `rule` of the
 * `DomainRuleViolation` it throws) and the sentence that states it. The docs' rule list is
 * generated from this object; codes never change once released.
 */
export const planRules = {
  'plan.not_drafted': 'A plan must be drafted before anything else can happen to it.',
  'plan.already_drafted': 'A plan is drafted once; its id is not reused.',
  'plan.id_mismatch': 'A command names the plan of the stream it is sent to.',
  'plan.archived': 'An archived plan accepts nothing.',
  'plan.not_editable':
    'Sections and goals change only while the plan is a draft: a submitted plan waits for its manager, and an approved plan is revised first.',
  'plan.not_draft': 'Only a draft is submitted.',
  'plan.nothing_to_submit': 'A plan is submitted with at least one of its sections written.',
  'plan.not_submitted': 'A plan is approved or returned for changes only after it was submitted.',
  'plan.not_a_manager': 'Only a manager approves a plan or returns it for changes.',
  'plan.self_approval': 'The rep who owns a plan does not approve it.',
  'plan.not_approved':
    'Only an approved plan is revised; the revision is a new version and the approved one is kept.',
  'plan.nothing_approved_to_clone':
    "Only a plan with an approved version is cloned into next year's plan.",
  'plan.already_cloned': "A plan is cloned into next year's plan once.",
  'plan.not_cloned':
    "Next year's plan is drafted from a plan only once the clone is recorded on that plan.",
  'plan.clone_into_self': 'A plan is cloned into a new plan, never into itself.',
  'plan.currency_mismatch':
    "Every amount in a plan is in the plan's currency, fixed when it was drafted.",
  'plan.revenue_months_not_consecutive':
    'The revenue plan covers twelve consecutive months, each once (seed 002: the next 12 months).',
  'plan.duplicate_id':
    "An id is listed once within a section: a top opportunity, a key contact, a next step's action item, a resource request.",
  'plan.goal_not_worked_back':
    'A goal names at least one opportunity that carries it (seed 003: work back from the goal).',
  'plan.goal_measure_mismatch':
    'A revenue or gross-profit goal is measured in money, a units goal in a count.',
  'plan.goal_unknown': 'A goal that is withdrawn is a goal of the plan.',
  'plan.cadence_out_of_range':
    'A strategic plan review comes every six to nine months for a top account (seed 002).',
} as const satisfies RuleCatalog;

/** The stable code of one Plan rule, e.g. `plan.not_submitted`. */
export type PlanRule = keyof typeof planRules;

/**
 * Throws the `DomainRuleViolation` of `rule`, its sentence as the message, naming the ids involved.
 * @throws {DomainRuleViolation} always.
 */
export function violatePlanRule(rule: PlanRule, ids: Readonly<Record<string, string>>): never {
  return violateRule(planRules, rule, ids);
}
