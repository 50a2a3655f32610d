import type { RuleCatalog } from '../catalog/aggregateDefinition.js';

/**
 * Every rule the review decider enforces: the stable code a `DomainRuleViolation` carries
 * (`error.rule`), mapped to the one sentence that states the rule. The codes never change
 * meaning; switch on them, not on messages.
 */
export const reviewRules = {
  'review.already_scheduled': 'A review is scheduled once; its id cannot be scheduled again.',
  'review.not_scheduled': 'Nothing can happen to a review that was never scheduled.',
  'review.concluded':
    'A concluded review accepts nothing more: it cannot be concluded twice, changed or cancelled.',
  'review.cancelled': 'A cancelled review accepts nothing more.',
  'review.manager_is_rep': 'A rep does not review themselves: the manager and the rep differ.',
  'review.strategic_plan_single_account':
    'A strategic plan review covers exactly one account (seed 002: one top account at a time).',
  'review.previous_is_self': 'A review cannot be its own previous review.',
  'review.scheduled_in_past': 'A review is scheduled (or rescheduled) for a time still to come.',
  'review.notice_already_sent':
    "Notice is sent once for a review's time; a reschedule calls for a new one.",
  'review.notice_after_start': "Notice is sent before the review's time, not at or after it.",
  'review.notice_too_short':
    'Under a notice policy that rejects short notice, a notice shorter than the minimum (seed 000: at least a week) is refused.',
  'review.notice_not_sent':
    'A review cannot start before the rep was given notice of it (seed 000).',
  'review.already_started':
    'A review that has started cannot start again, be rescheduled, be given notice or have its preparation changed.',
  'review.not_started':
    'Reviewing previous actions, discussing accounts, answering the five questions, setting growth expectations, assigning actions and concluding happen only in a review that has started.',
  'review.previous_actions_pending':
    "Every open action of the rep's previous review is reviewed first, before accounts are discussed, questions answered, expectations set, new actions assigned or the review concluded (seed 001).",
  'review.action_not_from_previous_review':
    "Only the previous review's open actions are reviewed at the start of a review.",
  'review.previous_action_already_reviewed':
    "Each of the previous review's open actions is reviewed once.",
  'review.account_out_of_scope':
    "Only accounts in the review's scope are discussed or given a growth expectation.",
  'review.account_already_discussed':
    'Each account is discussed once in a review; an over-run is recorded, not continued (seed 001: table it and move on).',
  'review.action_owner_not_participant':
    "A review's new action items belong to its rep or its manager (seed 001), named by role and id.",
  'review.action_already_assigned': 'An action item id is assigned once.',
  'review.action_due_before_review': 'A new action item is not due before the day it is assigned.',
  'review.preparation_frozen':
    'Once submitted, the preparation document does not change, so everyone discusses the same numbers (seed 000).',
  'review.preparation_missing':
    'Submitting the preparation without a document needs a saved draft to submit.',
} as const satisfies RuleCatalog;

/** The stable code of a review rule. */
export type ReviewRule = keyof typeof reviewRules;
