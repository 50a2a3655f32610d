import type { RuleCatalog } from '../catalog/aggregateDefinition.js';

/**
 * Every rule the action-item decider enforces: the stable code a `DomainRuleViolation` carries
 * (`error.rule`), mapped to the one sentence that states the rule. The codes never change
 * meaning; switch on them, not on messages.
 */
export const actionItemRules = {
  'action.already_opened': 'An action item is opened once; its id cannot be opened again.',
  'action.not_opened': 'Nothing can happen to an action item that was never opened.',
  'action.already_completed': 'An action item is completed at most once; a done item stays done.',
  'action.closed':
    'A done or cancelled action item accepts nothing more: it cannot slip, be cancelled or be completed after cancellation.',
  'action.due_before_opened': 'An action item cannot be due before the day it is opened.',
  'action.slip_not_later': 'A slipped action item gets a due date later than its current one.',
} as const satisfies RuleCatalog;

/** The stable code of an action-item rule. */
export type ActionItemRule = keyof typeof actionItemRules;
