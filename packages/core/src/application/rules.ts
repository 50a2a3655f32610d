import type { RuleCatalog } from '../catalog/aggregateDefinition.js';

/**
 * The rules that span aggregates, which the application service checks against its read model
 * of the log before a command runs: the stable code a `DomainRuleViolation` carries (in the
 * namespace of the aggregate the command is for), mapped to the sentence that states it.
 */
export const crossAggregateRules = {
  'account.parent_not_found': "An account's parent is an account that exists.",
  'account.hierarchy_cycle':
    'The account hierarchy has no cycles: an account is never a branch of itself or of one of its own branches.',
  'account.territory_not_found': 'An account is placed in a territory that exists.',
  'plan.account_not_found': 'A plan is for an account that exists.',
  'plan.review_not_found': 'A plan review that names a review meeting names one that exists.',
  'review.account_not_found':
    'A review covers accounts that exist, and its new action items name accounts that exist.',
  'review.plan_not_found': 'A strategic plan review names a plan that exists.',
  'review.previous_review_mismatch':
    "The previous review named when a review is scheduled or starts is the rep's latest concluded review.",
  'review.previous_action_foreign':
    "An action reviewed at the start of a review comes from one of the same rep's concluded reviews.",
  'review.previous_actions_incomplete':
    "Every action still open from the rep's concluded reviews is reviewed at the start of the next one (seed 001).",
  'review.action_outcome_conflict':
    "The status reported for a previous action agrees with the action item's own record: a done or cancelled item is not reported as something else.",
  'action.source_not_found': 'An action item comes from a review or a plan that exists.',
  'action.account_not_found': 'An action item is about an account that exists.',
  'salesplan.account_not_found': "A sales plan's growth is allocated to accounts that exist.",
} as const satisfies RuleCatalog;

/** The stable code of a cross-aggregate rule. */
export type CrossAggregateRule = keyof typeof crossAggregateRules;
