/**
 * Account reviews: a manager's meeting with a rep about the rep's accounts (seeds 000, 001,
 * 002). A review is scheduled (kind, rep, manager, the accounts in scope, horizon, time), the
 * rep is given notice with an agenda under a {@link NoticePolicy}, the rep prepares a document
 * that freezes when submitted, and the meeting is held as a series of commands a product's UI
 * sends one by one:
 *
 * 1. `StartReview` (needs the notice; names the previous review's open actions),
 * 2. `ReviewPreviousAction` for each of them (seed 001: the status of last review's actions
 *    comes first; nothing else is accepted until each is reviewed),
 * 3. `DiscussAccount` (time-boxed, an over-run recorded), `AnswerReviewQuestion` (the five
 *    questions), `SetGrowthExpectation`, `AssignActionItem`, in any order,
 * 4. `ConcludeReview`.
 *
 * A review may be rescheduled before it starts (the notice must then be sent again) and
 * cancelled until it concludes. Its stream is `review-<reviewId>`. New action items are
 * recorded here as agreed and live on in their own streams (see the actions module).
 *
 * @module
 */
import { defineAggregate } from '../catalog/aggregateDefinition.js';
import type { Decider } from '../decider/decider.js';
import { ValidationError } from '../errors.js';
import { ReviewCommand } from './commands.js';
import { decideReview } from './decide.js';
import { type ReviewEvent, reviewEvents } from './events.js';
import { evolveReview, initialReviewState, type ReviewState } from './evolve.js';
import { defaultNoticePolicy, NoticePolicy } from './noticePolicy.js';
import { reviewRules } from './rules.js';

/** Options of {@link createReviewDecider}. */
export interface ReviewDeciderOptions {
  /** What too-short notice gets (default {@link defaultNoticePolicy}: 7/14 days, warn). */
  readonly noticePolicy?: NoticePolicy;
}

/**
 * Creates the review decider under an organisation's notice policy. The policy only affects
 * `SendReviewNotice`; its outcome is recorded in the event, so replaying old events under
 * another policy gives the same state.
 *
 * @throws {ValidationError} when the notice policy is malformed (preferred below minimum).
 */
export function createReviewDecider(
  options: ReviewDeciderOptions = {},
): Decider<ReviewState, ReviewCommand, ReviewEvent> {
  const noticePolicy = options.noticePolicy
    ? parseNoticePolicy(options.noticePolicy)
    : defaultNoticePolicy;
  return {
    initialState: initialReviewState,
    decide: (command, state) => decideReview(command, state, noticePolicy),
    evolve: evolveReview,
  };
}

function parseNoticePolicy(policy: NoticePolicy): NoticePolicy {
  const parsed = NoticePolicy.safeParse(policy);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'notice policy');
  return parsed.data;
}

/**
 * The review aggregate as a decider under the default notice policy (seed 000: at least 7 days,
 * preferably 14, short notice allowed with a warning), for `createCommandHandler`, `fold` and
 * `deciderSpec`.
 *
 * @example
 * ```ts
 * const reviews = createCommandHandler({ store, decider: reviewDecider, commandSchema: ReviewCommand });
 * await reviews.handle(streamIdFor('review', reviewId), { type: 'StartReview', reviewId, startedAt });
 * ```
 */
export const reviewDecider: Decider<ReviewState, ReviewCommand, ReviewEvent> =
  createReviewDecider();

/** The review aggregate for the catalog: its stream kind, events, commands, rules and decider. */
export const reviewAggregate = defineAggregate({
  name: 'Review',
  streamKind: 'review',
  description:
    "An account review: a manager's meeting with a rep about the rep's accounts (monthly, annual or strategic plan), from scheduling and notice through the rep's preparation to the meeting itself and its conclusion.",
  events: reviewEvents,
  commandSchema: ReviewCommand,
  rules: reviewRules,
  decider: reviewDecider,
});

export {
  AnswerReviewQuestion,
  AssignActionItem,
  CancelReview,
  ConcludeReview,
  DiscussAccount,
  RescheduleReview,
  ReviewCommand,
  ReviewPreviousAction,
  SavePreparationDraft,
  ScheduleReview,
  SendReviewNotice,
  SetGrowthExpectation,
  StartReview,
  SubmitPreparation,
} from './commands.js';
export { decideReview } from './decide.js';
export {
  AccountDiscussed,
  AccountDiscussionOverran,
  ActionItemAssigned,
  GrowthExpectation,
  GrowthExpectationSet,
  NoticeWarning,
  PreparationDocument,
  PreparationDraftSaved,
  PreparationEntry,
  PreparationSubmitted,
  PreviousActionOutcome,
  PreviousActionReviewed,
  PreviousReview,
  ReviewAgenda,
  ReviewCancelled,
  ReviewConcluded,
  type ReviewEvent,
  ReviewKind,
  ReviewNoticeSent,
  ReviewQuestion,
  ReviewQuestionAnswered,
  ReviewRescheduled,
  ReviewScheduled,
  ReviewScope,
  ReviewStarted,
  ReviewText,
  reviewEvents,
} from './events.js';
export {
  type AccountDiscussionState,
  type AssignedActionItemState,
  evolveReview,
  initialReviewState,
  pendingPreviousActionIds,
  type ReviewNoticeState,
  type ReviewPreparationState,
  type ReviewState,
  type ReviewStatus,
} from './evolve.js';
export { defaultNoticePolicy, NoticePolicy } from './noticePolicy.js';
export { type ReviewRule, reviewRules } from './rules.js';
