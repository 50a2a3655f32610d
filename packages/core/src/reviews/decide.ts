import { violateRule } from '../catalog/violateRule.js';
import type { ReviewCommand } from './commands.js';
import {
  type NoticeWarning,
  type PreviousReview,
  type ReviewEvent,
  type ReviewKind,
  ReviewQuestion,
} from './events.js';
import { pendingPreviousActionIds, type ReviewState } from './evolve.js';
import { defaultNoticePolicy, type NoticePolicy } from './noticePolicy.js';
import { reviewRules } from './rules.js';

const DAY_MS = 86_400_000;

/** seed 001: a monthly review looks 90 days ahead; an annual or plan review looks a year ahead. */
const DEFAULT_HORIZON_DAYS: Readonly<Record<ReviewKind, number>> = {
  monthly: 90,
  annual: 365,
  strategic_plan: 365,
};

/** seed 001: "more than two minutes" on one account is too long. */
const DEFAULT_TIME_BOX_SECONDS = 120;

/**
 * The events a review command produces against the review's current state, under a notice
 * policy (default {@link defaultNoticePolicy}). Pure: time and ids come in the command.
 *
 * @throws {DomainRuleViolation} with one of {@link reviewRules}' codes and the ids involved
 *   (`reviewId`, and `actionId` or `accountId` when one is at fault).
 */
export function decideReview(
  command: ReviewCommand,
  state: ReviewState,
  noticePolicy: NoticePolicy = defaultNoticePolicy,
): ReviewEvent[] {
  const reviewId = command.reviewId;
  const ids = { reviewId };

  if (command.type === 'ScheduleReview') {
    if (state.status !== 'none') violateRule(reviewRules, 'review.already_scheduled', ids);
    if (command.managerId === command.repId) {
      violateRule(reviewRules, 'review.manager_is_rep', { ...ids, repId: command.repId });
    }
    if (command.kind === 'strategic_plan' && command.accountIds.length !== 1) {
      violateRule(reviewRules, 'review.strategic_plan_single_account', ids);
    }
    if (command.previousReview?.reviewId === reviewId) {
      violateRule(reviewRules, 'review.previous_is_self', ids);
    }
    if (Date.parse(command.scheduledFor) <= Date.parse(command.at)) {
      violateRule(reviewRules, 'review.scheduled_in_past', ids);
    }
    return [
      {
        type: 'ReviewScheduled',
        data: {
          reviewId,
          kind: command.kind,
          repId: command.repId,
          managerId: command.managerId,
          accountIds: command.accountIds,
          planId: command.planId ?? null,
          horizonDays: command.horizonDays ?? DEFAULT_HORIZON_DAYS[command.kind],
          discussionTimeBoxSeconds: command.discussionTimeBoxSeconds ?? DEFAULT_TIME_BOX_SECONDS,
          scheduledFor: command.scheduledFor,
          previousReview: command.previousReview ?? null,
          at: command.at,
        },
      },
    ];
  }

  if (state.status === 'none' || state.reviewId !== reviewId) {
    violateRule(reviewRules, 'review.not_scheduled', ids);
  }
  if (state.status === 'concluded') violateRule(reviewRules, 'review.concluded', ids);
  if (state.status === 'cancelled') violateRule(reviewRules, 'review.cancelled', ids);

  switch (command.type) {
    case 'RescheduleReview':
      if (state.status === 'in_progress') violateRule(reviewRules, 'review.already_started', ids);
      if (Date.parse(command.scheduledFor) <= Date.parse(command.at)) {
        violateRule(reviewRules, 'review.scheduled_in_past', ids);
      }
      return [
        {
          type: 'ReviewRescheduled',
          data: {
            reviewId,
            previousScheduledFor: state.scheduledFor ?? command.scheduledFor,
            scheduledFor: command.scheduledFor,
            reason: command.reason ?? null,
            at: command.at,
          },
        },
      ];

    case 'SendReviewNotice': {
      if (state.status === 'in_progress') violateRule(reviewRules, 'review.already_started', ids);
      if (state.notice) violateRule(reviewRules, 'review.notice_already_sent', ids);
      const aheadMs = Date.parse(state.scheduledFor ?? command.at) - Date.parse(command.at);
      if (aheadMs <= 0) violateRule(reviewRules, 'review.notice_after_start', ids);
      const noticeDays = Math.floor(aheadMs / DAY_MS);
      return [
        {
          type: 'ReviewNoticeSent',
          data: {
            reviewId,
            agenda: command.agenda,
            noticeDays,
            warning: noticeWarning(noticeDays, noticePolicy, ids),
            at: command.at,
          },
        },
      ];
    }

    case 'SavePreparationDraft':
      if (state.preparation?.status === 'submitted') {
        violateRule(reviewRules, 'review.preparation_frozen', ids);
      }
      if (state.status === 'in_progress') violateRule(reviewRules, 'review.already_started', ids);
      return [
        {
          type: 'PreparationDraftSaved',
          data: { reviewId, document: command.document, at: command.at },
        },
      ];

    case 'SubmitPreparation': {
      if (state.preparation?.status === 'submitted') {
        violateRule(reviewRules, 'review.preparation_frozen', ids);
      }
      if (state.status === 'in_progress') violateRule(reviewRules, 'review.already_started', ids);
      const document = command.document ?? state.preparation?.document;
      if (!document) violateRule(reviewRules, 'review.preparation_missing', ids);
      return [
        {
          type: 'PreparationSubmitted',
          data: { reviewId, document, at: command.at },
        },
      ];
    }

    case 'StartReview': {
      if (state.status === 'in_progress') violateRule(reviewRules, 'review.already_started', ids);
      // seed 000: a review held without notice "is going to be a lot of fluff and little substance".
      if (!state.notice) violateRule(reviewRules, 'review.notice_not_sent', ids);
      const previousReview: PreviousReview | null =
        command.previousReview === undefined ? state.previousReview : command.previousReview;
      if (previousReview?.reviewId === reviewId)
        violateRule(reviewRules, 'review.previous_is_self', ids);
      return [
        {
          type: 'ReviewStarted',
          data: { reviewId, previousReview, at: command.at },
        },
      ];
    }

    case 'CancelReview':
      return [
        {
          type: 'ReviewCancelled',
          data: { reviewId, reason: command.reason ?? null, at: command.at },
        },
      ];
  }

  // Everything below is a step of holding the meeting.
  if (state.status !== 'in_progress') violateRule(reviewRules, 'review.not_started', ids);

  if (command.type === 'ReviewPreviousAction') {
    const actionIds = { ...ids, actionId: command.actionId };
    if (!state.previousReview?.openActionIds.includes(command.actionId)) {
      violateRule(reviewRules, 'review.action_not_from_previous_review', actionIds);
    }
    if (state.previousActionsReviewed[command.actionId]) {
      violateRule(reviewRules, 'review.previous_action_already_reviewed', actionIds);
    }
    return [
      {
        type: 'PreviousActionReviewed',
        data: {
          reviewId,
          actionId: command.actionId,
          outcome: command.outcome,
          note: command.note ?? null,
          at: command.at,
        },
      },
    ];
  }

  // seed 001: "the review should always begin with the status of actions taken since the last
  // review": nothing else happens in the meeting until each of them has been reviewed.
  const pending = pendingPreviousActionIds(state);
  if (pending.length > 0) {
    violateRule(reviewRules, 'review.previous_actions_pending', {
      ...ids,
      actionId: pending[0] ?? '',
    });
  }

  switch (command.type) {
    case 'DiscussAccount': {
      const accountIds = { ...ids, accountId: command.accountId };
      if (!state.accountIds.includes(command.accountId)) {
        violateRule(reviewRules, 'review.account_out_of_scope', accountIds);
      }
      if (state.discussions[command.accountId]) {
        violateRule(reviewRules, 'review.account_already_discussed', accountIds);
      }
      const durationSeconds = Math.floor(
        (Date.parse(command.at) - Date.parse(command.startedAt)) / 1000,
      );
      const discussed: ReviewEvent = {
        type: 'AccountDiscussed',
        data: {
          reviewId,
          accountId: command.accountId,
          startedAt: command.startedAt,
          at: command.at,
          durationSeconds,
          notes: command.notes ?? null,
        },
      };
      const timeBoxSeconds = state.discussionTimeBoxSeconds;
      if (durationSeconds <= timeBoxSeconds) return [discussed];
      return [
        discussed,
        {
          type: 'AccountDiscussionOverran',
          data: {
            reviewId,
            accountId: command.accountId,
            timeBoxSeconds,
            durationSeconds,
            overrunSeconds: durationSeconds - timeBoxSeconds,
          },
        },
      ];
    }

    case 'AnswerReviewQuestion':
      return [
        {
          type: 'ReviewQuestionAnswered',
          data: {
            reviewId,
            question: command.question,
            answer: command.answer,
            at: command.at,
          },
        },
      ];

    case 'SetGrowthExpectation':
      if (!state.accountIds.includes(command.accountId)) {
        violateRule(reviewRules, 'review.account_out_of_scope', {
          ...ids,
          accountId: command.accountId,
        });
      }
      return [
        {
          type: 'GrowthExpectationSet',
          data: {
            reviewId,
            accountId: command.accountId,
            expectation: command.expectation,
            note: command.note ?? null,
            at: command.at,
          },
        },
      ];

    case 'AssignActionItem': {
      const actionIds = { ...ids, actionId: command.actionId };
      const participant = command.ownerRole === 'rep' ? state.repId : state.managerId;
      if (command.ownerId !== participant) {
        violateRule(reviewRules, 'review.action_owner_not_participant', {
          ...actionIds,
          ownerId: command.ownerId,
        });
      }
      if (state.actionItems.some((item) => item.actionId === command.actionId)) {
        violateRule(reviewRules, 'review.action_already_assigned', actionIds);
      }
      if (command.dueOn < command.at.slice(0, 10)) {
        violateRule(reviewRules, 'review.action_due_before_review', actionIds);
      }
      return [
        {
          type: 'ActionItemAssigned',
          data: {
            reviewId,
            actionId: command.actionId,
            ownerRole: command.ownerRole,
            ownerId: command.ownerId,
            title: command.title,
            accountId: command.accountId ?? null,
            dueOn: command.dueOn,
            at: command.at,
          },
        },
      ];
    }

    case 'ConcludeReview':
      return [
        {
          type: 'ReviewConcluded',
          data: {
            reviewId,
            summary: command.summary ?? null,
            undiscussedAccountIds: state.accountIds.filter((id) => !state.discussions[id]),
            unansweredQuestions: ReviewQuestion.options.filter((q) => !state.answers[q]),
            actionIds: state.actionItems.map((item) => item.actionId),
            at: command.at,
          },
        },
      ];
  }
}

function noticeWarning(
  noticeDays: number,
  policy: NoticePolicy,
  ids: Record<string, string>,
): NoticeWarning | null {
  if (policy.onShortNotice === 'allow' || noticeDays >= policy.preferredDays) return null;
  if (noticeDays >= policy.minimumDays) return 'below_preferred';
  if (policy.onShortNotice === 'reject') violateRule(reviewRules, 'review.notice_too_short', ids);
  return 'below_minimum';
}
