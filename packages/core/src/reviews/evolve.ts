import type { Draft } from 'immer';
import type {
  GrowthExpectation,
  NoticeWarning,
  PreparationDocument,
  PreviousActionOutcome,
  PreviousReview,
  ReviewEvent,
  ReviewKind,
  ReviewQuestion,
} from './events.js';

/**
 * Where a review is: `scheduled` (in the calendar, maybe with notice and preparation),
 * `in_progress` (the meeting has started), then `concluded` or `cancelled` for good.
 */
export type ReviewStatus = 'none' | 'scheduled' | 'in_progress' | 'concluded' | 'cancelled';

/** The notice sent for the review's current time. */
export interface ReviewNoticeState {
  readonly sentAt: string;
  readonly agenda: readonly string[];
  readonly noticeDays: number;
  readonly warning: NoticeWarning | null;
}

/** The rep's preparation document: a draft until submitted, then frozen. */
export interface ReviewPreparationState {
  readonly status: 'draft' | 'submitted';
  readonly document: PreparationDocument;
  /** When the draft was last saved, or when it was submitted. */
  readonly updatedAt: string;
}

/** One account's discussion. */
export interface AccountDiscussionState {
  readonly startedAt: string;
  readonly endedAt: string;
  readonly durationSeconds: number;
  readonly notes: string | null;
  /** Seconds past the time box (0 when it kept to it). */
  readonly overrunSeconds: number;
}

/** An action item agreed in the review, as written down then. */
export interface AssignedActionItemState {
  readonly actionId: string;
  readonly ownerRole: 'rep' | 'manager';
  readonly ownerId: string;
  readonly title: string;
  readonly accountId: string | null;
  readonly dueOn: string;
  readonly assignedAt: string;
}

/** A review's state, as folded from its stream. Plain data; `none` before it is scheduled. */
export interface ReviewState {
  readonly status: ReviewStatus;
  readonly reviewId: string | null;
  readonly kind: ReviewKind | null;
  readonly repId: string | null;
  readonly managerId: string | null;
  /** The accounts in scope, in the order given. */
  readonly accountIds: readonly string[];
  readonly planId: string | null;
  readonly horizonDays: number;
  readonly discussionTimeBoxSeconds: number;
  readonly scheduledFor: string | null;
  readonly scheduledAt: string | null;
  readonly rescheduleCount: number;
  /** The notice for the current time; null before one is sent and after a reschedule. */
  readonly notice: ReviewNoticeState | null;
  readonly preparation: ReviewPreparationState | null;
  /** The previous review and its open actions (from scheduling, replaced when started). */
  readonly previousReview: PreviousReview | null;
  readonly startedAt: string | null;
  /** The previous review's open actions reviewed so far, by action id. */
  readonly previousActionsReviewed: Readonly<
    Record<
      string,
      {
        readonly outcome: PreviousActionOutcome;
        readonly note: string | null;
        readonly reviewedAt: string;
      }
    >
  >;
  /** Discussions by account id. */
  readonly discussions: Readonly<Record<string, AccountDiscussionState>>;
  /** The latest answer to each of the five questions answered. */
  readonly answers: Readonly<
    Partial<Record<ReviewQuestion, { readonly answer: string; readonly answeredAt: string }>>
  >;
  /** The latest growth expectation of each account given one. */
  readonly growthExpectations: Readonly<
    Record<
      string,
      {
        readonly expectation: GrowthExpectation;
        readonly note: string | null;
        readonly setAt: string;
      }
    >
  >;
  /** The new action items agreed, in order. */
  readonly actionItems: readonly AssignedActionItemState[];
  readonly concludedAt: string | null;
  readonly summary: string | null;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
}

/** The state of a review stream with no events. */
export const initialReviewState: ReviewState = {
  status: 'none',
  reviewId: null,
  kind: null,
  repId: null,
  managerId: null,
  accountIds: [],
  planId: null,
  horizonDays: 0,
  discussionTimeBoxSeconds: 0,
  scheduledFor: null,
  scheduledAt: null,
  rescheduleCount: 0,
  notice: null,
  preparation: null,
  previousReview: null,
  startedAt: null,
  previousActionsReviewed: {},
  discussions: {},
  answers: {},
  growthExpectations: {},
  actionItems: [],
  concludedAt: null,
  summary: null,
  cancelledAt: null,
  cancelReason: null,
};

/**
 * The previous review's open actions not reviewed yet, in the order given. Empty when there is
 * no previous review or every one has been reviewed.
 */
export function pendingPreviousActionIds(
  state: Pick<ReviewState, 'previousReview' | 'previousActionsReviewed'>,
): string[] {
  const ids = state.previousReview?.openActionIds ?? [];
  return ids.filter((id) => state.previousActionsReviewed[id] === undefined);
}

/**
 * Applies one review event to a draft state (an immer draft, or a copy owned by `fold`).
 * Trusts the event: deciding whether it may happen is `decideReview`'s job. Objects taken from
 * the event are copied, so the state never shares them with the event.
 */
export function evolveReview(state: Draft<ReviewState>, event: ReviewEvent): void {
  switch (event.type) {
    case 'ReviewScheduled': {
      const { data } = event;
      state.status = 'scheduled';
      state.reviewId = data.reviewId;
      state.kind = data.kind;
      state.repId = data.repId;
      state.managerId = data.managerId;
      state.accountIds = [...data.accountIds];
      state.planId = data.planId;
      state.horizonDays = data.horizonDays;
      state.discussionTimeBoxSeconds = data.discussionTimeBoxSeconds;
      state.scheduledFor = data.scheduledFor;
      state.scheduledAt = data.at;
      state.previousReview = copyPreviousReview(data.previousReview);
      return;
    }
    case 'ReviewRescheduled':
      state.scheduledFor = event.data.scheduledFor;
      state.rescheduleCount += 1;
      // The old notice announced the old time.
      state.notice = null;
      return;
    case 'ReviewNoticeSent':
      state.notice = {
        sentAt: event.data.at,
        agenda: [...event.data.agenda],
        noticeDays: event.data.noticeDays,
        warning: event.data.warning,
      };
      return;
    case 'PreparationDraftSaved':
      state.preparation = {
        status: 'draft',
        document: structuredClone(event.data.document),
        updatedAt: event.data.at,
      };
      return;
    case 'PreparationSubmitted':
      state.preparation = {
        status: 'submitted',
        document: structuredClone(event.data.document),
        updatedAt: event.data.at,
      };
      return;
    case 'ReviewStarted':
      state.status = 'in_progress';
      state.startedAt = event.data.at;
      state.previousReview = copyPreviousReview(event.data.previousReview);
      return;
    case 'PreviousActionReviewed':
      state.previousActionsReviewed[event.data.actionId] = {
        outcome: { ...event.data.outcome },
        note: event.data.note,
        reviewedAt: event.data.at,
      };
      return;
    case 'AccountDiscussed':
      state.discussions[event.data.accountId] = {
        startedAt: event.data.startedAt,
        endedAt: event.data.at,
        durationSeconds: event.data.durationSeconds,
        notes: event.data.notes,
        overrunSeconds: 0,
      };
      return;
    case 'AccountDiscussionOverran': {
      const discussion = state.discussions[event.data.accountId];
      if (discussion) discussion.overrunSeconds = event.data.overrunSeconds;
      return;
    }
    case 'ReviewQuestionAnswered':
      state.answers[event.data.question] = {
        answer: event.data.answer,
        answeredAt: event.data.at,
      };
      return;
    case 'GrowthExpectationSet':
      state.growthExpectations[event.data.accountId] = {
        expectation: structuredClone(event.data.expectation),
        note: event.data.note,
        setAt: event.data.at,
      };
      return;
    case 'ActionItemAssigned': {
      const { reviewId: _, at, ...item } = event.data;
      state.actionItems.push({ ...item, assignedAt: at });
      return;
    }
    case 'ReviewConcluded':
      state.status = 'concluded';
      state.concludedAt = event.data.at;
      state.summary = event.data.summary;
      return;
    case 'ReviewCancelled':
      state.status = 'cancelled';
      state.cancelledAt = event.data.at;
      state.cancelReason = event.data.reason;
      return;
  }
}

function copyPreviousReview(previous: PreviousReview | null): PreviousReview | null {
  return previous
    ? { reviewId: previous.reviewId, openActionIds: [...previous.openActionIds] }
    : null;
}
