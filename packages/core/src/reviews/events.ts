import { z } from 'zod';
import { ActionItemOwnerRole, ActionItemTitle } from '../actions/events.js';
import { defineEvent, type EventOf } from '../eventStore/eventRegistry.js';
import { Ulid, UserId } from '../ids/ids.js';
import { Money } from '../money/money.js';
import { CalendarDate, Instant } from '../periods/period.js';

// ---------------------------------------------------------------------------------------------
// The vocabulary shared by the review's events and commands.
// ---------------------------------------------------------------------------------------------

/** Free text written in a review (an answer, a note, a reason): 1 to 4000 characters. */
export const ReviewText = z.string().trim().min(1).max(4000);
/** Free text written in a review. */
export type ReviewText = z.infer<typeof ReviewText>;

/**
 * The kinds of review. seed 001: the monthly account review, a brief update on every account
 * over a 90-day horizon; seed 000: the annual review that sets growth and pipeline goals for the
 * year; seed 002: the strategic plan review of one top account every six to nine months.
 */
export const ReviewKind = z.enum(['monthly', 'annual', 'strategic_plan']);
/** The kinds of review. */
export type ReviewKind = z.infer<typeof ReviewKind>;

/**
 * The five questions of seed 001: key accomplishments; disappointments, concerns, problems;
 * what will be accomplished next month; suggestions to improve the team or the business; what
 * do you need from me.
 */
export const ReviewQuestion = z.enum([
  'key_accomplishments',
  'disappointments_concerns_problems',
  'next_month',
  'suggestions',
  'needs_from_manager',
]);
/** One of the five questions of seed 001. */
export type ReviewQuestion = z.infer<typeof ReviewQuestion>;

/**
 * The account ids a review covers: at least one, no duplicates. seed 001: a monthly review
 * covers all active, inactive and prospective accounts.
 */
export const ReviewScope = z
  .array(Ulid)
  .min(1)
  .max(2000)
  .refine((ids) => new Set(ids).size === ids.length, 'an account appears once in a scope');
/** The account ids a review covers. */
export type ReviewScope = z.infer<typeof ReviewScope>;

/** The agenda sent with the notice (seed 000): its items, in order. */
export const ReviewAgenda = z.array(z.string().trim().min(1).max(500)).min(1).max(50);
/** The agenda sent with the notice. */
export type ReviewAgenda = z.infer<typeof ReviewAgenda>;

/**
 * Why a notice was short, recorded when the notice policy says `warn`: below the minimum
 * (seed 000: "at least a week"), or at or above it but below the preferred notice ("preferably
 * two").
 */
export const NoticeWarning = z.enum(['below_minimum', 'below_preferred']);
/** Why a notice was short. */
export type NoticeWarning = z.infer<typeof NoticeWarning>;

/**
 * One line of a preparation document: what it is (with the account, opportunity or contact it
 * refers to, when there is one), its opportunity score, and a note. seed 000: "ideally, all data
 * should be scored through whatever opportunity score formula your organization uses", giving a
 * ranking: the lines of a section are in rank order. Fields left out are null.
 */
export const PreparationEntry = z.object({
  label: z.string().trim().min(1).max(300),
  accountId: Ulid.nullable().default(null),
  opportunityId: Ulid.nullable().default(null),
  /** The entry's opportunity score, when it was scored. */
  score: z.number().finite().nullable().default(null),
  /** The value at stake, when known. */
  value: Money.nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});
/** One line of a preparation document. */
export type PreparationEntry = z.infer<typeof PreparationEntry>;

const section = z.array(PreparationEntry).max(1000);

/**
 * The rep's preparation document (seed 000): current accounts, prospects, opportunities for
 * expansion in existing accounts, potential prospects within current accounts' organisations,
 * networking contacts and referrals. Each section lists its entries in rank order.
 */
export const PreparationDocument = z.object({
  currentAccounts: section,
  prospects: section,
  expansionOpportunities: section,
  prospectsInCurrentAccounts: section,
  networkingContacts: section,
  referrals: section,
});
/** The rep's preparation document. */
export type PreparationDocument = z.infer<typeof PreparationDocument>;

/**
 * What became of one of the previous review's open actions, as reported at the start of the
 * meeting (seed 001: "the review should always begin with the status of actions taken since the
 * last review"): done, still open on its due date, slipped to a new due date, or cancelled.
 */
export const PreviousActionOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done') }),
  z.object({ status: z.literal('open') }),
  z.object({ status: z.literal('slipped'), newDueOn: CalendarDate }),
  z.object({ status: z.literal('cancelled') }),
]);
/** What became of one of the previous review's open actions. */
export type PreviousActionOutcome = z.infer<typeof PreviousActionOutcome>;

/**
 * A growth expectation for one account (seed 001: "assign specific growth expectations to each
 * account reviewed"): a growth rate in basis points (1000 = 10%; negative for an expected
 * decline), and optionally the added revenue it means.
 */
export const GrowthExpectation = z.object({
  growthBasisPoints: z.number().int().min(-10_000).max(1_000_000),
  additionalRevenue: Money.nullable().default(null),
});
/** A growth expectation for one account. */
export type GrowthExpectation = z.infer<typeof GrowthExpectation>;

/**
 * The rep's previous review and the ids of its actions that were still open: the review must
 * start with their status (seed 001). Which review is the previous one, and which of its actions
 * are open, is the application service's to find out; the review only holds the list.
 */
export const PreviousReview = z.object({
  reviewId: Ulid,
  openActionIds: z
    .array(Ulid)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, 'an action appears once'),
});
/** The rep's previous review and its open actions. */
export type PreviousReview = z.infer<typeof PreviousReview>;

// ---------------------------------------------------------------------------------------------
// The events.
// ---------------------------------------------------------------------------------------------

/** A review was put in the calendar for a rep and a manager. */
export const ReviewScheduled = defineEvent({
  type: 'ReviewScheduled',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    kind: ReviewKind,
    repId: UserId,
    managerId: UserId,
    accountIds: ReviewScope,
    /** The plan a strategic plan review is about, when there is one. */
    planId: Ulid.nullable(),
    /** How far ahead the review looks, in days (seed 001: 90 or less for a monthly review). */
    horizonDays: z.number().int().min(1).max(730),
    /** The time box of one account's discussion, in seconds (seed 001: about two minutes). */
    discussionTimeBoxSeconds: z.number().int().min(10).max(7200),
    scheduledFor: Instant,
    /** The rep's previous review and its open actions, when known at scheduling. */
    previousReview: PreviousReview.nullable(),
    at: Instant,
  }),
  description:
    'A review was put in the calendar: its kind, rep, manager, the accounts it covers, its horizon, its time and, when known, the previous review whose open actions it starts with.',
});
/** A review was put in the calendar. */
export type ReviewScheduled = EventOf<typeof ReviewScheduled>;

/** A scheduled review was moved to another time; a new notice is needed. */
export const ReviewRescheduled = defineEvent({
  type: 'ReviewRescheduled',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    previousScheduledFor: Instant,
    scheduledFor: Instant,
    reason: z.string().trim().max(2000).nullable(),
    at: Instant,
  }),
  description:
    'A review that had not started was moved to another time. Any notice sent for the old time no longer counts: a new one must be sent.',
});
/** A scheduled review was moved to another time. */
export type ReviewRescheduled = EventOf<typeof ReviewRescheduled>;

/** The rep was given notice of the review, with its agenda. */
export const ReviewNoticeSent = defineEvent({
  type: 'ReviewNoticeSent',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    agenda: ReviewAgenda,
    /** Whole days between the notice and the review's time. */
    noticeDays: z.number().int().min(0),
    /** Set when the notice was short and the notice policy says `warn`. */
    warning: NoticeWarning.nullable(),
    at: Instant,
  }),
  description:
    'The rep was told when the review will be, with the agenda (seed 000: at least a week ahead, preferably two). A short notice allowed with a warning records the warning.',
});
/** The rep was given notice of the review, with its agenda. */
export type ReviewNoticeSent = EventOf<typeof ReviewNoticeSent>;

/** The rep saved a draft of the preparation document. */
export const PreparationDraftSaved = defineEvent({
  type: 'PreparationDraftSaved',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    document: PreparationDocument,
    at: Instant,
  }),
  description:
    'The rep saved a draft of the preparation document. The latest draft replaces the earlier ones; it can change until it is submitted.',
});
/** The rep saved a draft of the preparation document. */
export type PreparationDraftSaved = EventOf<typeof PreparationDraftSaved>;

/** The rep submitted the preparation document; it is frozen from now on. */
export const PreparationSubmitted = defineEvent({
  type: 'PreparationSubmitted',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    document: PreparationDocument,
    at: Instant,
  }),
  description:
    'The rep submitted the preparation document. It is frozen: everyone in the review discusses the same numbers.',
});
/** The rep submitted the preparation document. */
export type PreparationSubmitted = EventOf<typeof PreparationSubmitted>;

/** The review meeting began. */
export const ReviewStarted = defineEvent({
  type: 'ReviewStarted',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    /**
     * The rep's previous review and its open actions, which must be reviewed before anything
     * else (null: this is the rep's first review).
     */
    previousReview: PreviousReview.nullable(),
    at: Instant,
  }),
  description:
    "The review meeting began. Names the previous review's open actions, which must be reviewed before anything else.",
});
/** The review meeting began. */
export type ReviewStarted = EventOf<typeof ReviewStarted>;

/** One of the previous review's open actions was reviewed. */
export const PreviousActionReviewed = defineEvent({
  type: 'PreviousActionReviewed',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    actionId: Ulid,
    outcome: PreviousActionOutcome,
    note: z.string().trim().max(2000).nullable(),
    at: Instant,
  }),
  description:
    "The status of one of the previous review's open actions was reported (seed 001: a review begins with the status of the last review's actions).",
});
/** One of the previous review's open actions was reviewed. */
export type PreviousActionReviewed = EventOf<typeof PreviousActionReviewed>;

/** One account in scope was discussed. */
export const AccountDiscussed = defineEvent({
  type: 'AccountDiscussed',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    accountId: Ulid,
    startedAt: Instant,
    /** When the discussion ended. */
    at: Instant,
    durationSeconds: z.number().int().min(0),
    notes: z.string().trim().max(4000).nullable(),
  }),
  description: "One account in the review's scope was discussed, from a start to an end time.",
});
/** One account in scope was discussed. */
export type AccountDiscussed = EventOf<typeof AccountDiscussed>;

/** An account's discussion ran past its time box. */
export const AccountDiscussionOverran = defineEvent({
  type: 'AccountDiscussionOverran',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    accountId: Ulid,
    timeBoxSeconds: z.number().int().min(1),
    durationSeconds: z.number().int().min(1),
    overrunSeconds: z.number().int().min(1),
  }),
  description:
    'An account\'s discussion took longer than the time box (seed 001: "if it feels like you are talking about one account for more than two minutes, then table the conversation and move on"). Recorded right after the AccountDiscussed it is about.',
});
/** An account's discussion ran past its time box. */
export type AccountDiscussionOverran = EventOf<typeof AccountDiscussionOverran>;

/** One of the five questions was answered. */
export const ReviewQuestionAnswered = defineEvent({
  type: 'ReviewQuestionAnswered',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    question: ReviewQuestion,
    answer: ReviewText,
    at: Instant,
  }),
  description:
    'One of the five questions of seed 001 was answered. A later answer to the same question replaces the earlier one.',
});
/** One of the five questions was answered. */
export type ReviewQuestionAnswered = EventOf<typeof ReviewQuestionAnswered>;

/** A growth expectation was set for one account in scope. */
export const GrowthExpectationSet = defineEvent({
  type: 'GrowthExpectationSet',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    accountId: Ulid,
    expectation: GrowthExpectation,
    note: z.string().trim().max(2000).nullable(),
    at: Instant,
  }),
  description:
    'A growth expectation was assigned to one account in the review (seed 001). A later one for the same account replaces it.',
});
/** A growth expectation was set for one account in scope. */
export type GrowthExpectationSet = EventOf<typeof GrowthExpectationSet>;

/** A new action item was agreed in the review, for the rep or the manager. */
export const ActionItemAssigned = defineEvent({
  type: 'ActionItemAssigned',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    /** The action item's id: its own stream is `action-<actionId>`. */
    actionId: Ulid,
    ownerRole: ActionItemOwnerRole.extract(['rep', 'manager']),
    ownerId: UserId,
    title: ActionItemTitle,
    accountId: Ulid.nullable(),
    dueOn: CalendarDate,
    at: Instant,
  }),
  description:
    "A new action item was agreed in the review, in writing, with its owner (the rep or the manager) and due date (seed 001). The action item's own stream is opened from it.",
});
/** A new action item was agreed in the review. */
export type ActionItemAssigned = EventOf<typeof ActionItemAssigned>;

/** The review meeting ended. */
export const ReviewConcluded = defineEvent({
  type: 'ReviewConcluded',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    summary: z.string().trim().max(4000).nullable(),
    /** Accounts in scope that were not discussed. */
    undiscussedAccountIds: z.array(Ulid),
    /** Questions of the five that were not answered. */
    unansweredQuestions: z.array(ReviewQuestion),
    /** The action items agreed in the review. */
    actionIds: z.array(Ulid),
    at: Instant,
  }),
  description:
    'The review ended, every previous open action having been reviewed. Records what was left out (accounts not discussed, questions not answered) and the actions agreed. Nothing happens to it after.',
});
/** The review meeting ended. */
export type ReviewConcluded = EventOf<typeof ReviewConcluded>;

/** The review was called off. */
export const ReviewCancelled = defineEvent({
  type: 'ReviewCancelled',
  schemaVersion: 1,
  schema: z.object({
    reviewId: Ulid,
    reason: z.string().trim().max(2000).nullable(),
    at: Instant,
  }),
  description: 'The review was called off before it concluded. Nothing happens to it after.',
});
/** The review was called off. */
export type ReviewCancelled = EventOf<typeof ReviewCancelled>;

/** Every review event definition, in the order of the life cycle (for the registry and docs). */
export const reviewEvents = [
  ReviewScheduled,
  ReviewRescheduled,
  ReviewNoticeSent,
  PreparationDraftSaved,
  PreparationSubmitted,
  ReviewStarted,
  PreviousActionReviewed,
  AccountDiscussed,
  AccountDiscussionOverran,
  ReviewQuestionAnswered,
  GrowthExpectationSet,
  ActionItemAssigned,
  ReviewConcluded,
  ReviewCancelled,
] as const;

/** Any review event. */
export type ReviewEvent =
  | ReviewScheduled
  | ReviewRescheduled
  | ReviewNoticeSent
  | PreparationDraftSaved
  | PreparationSubmitted
  | ReviewStarted
  | PreviousActionReviewed
  | AccountDiscussed
  | AccountDiscussionOverran
  | ReviewQuestionAnswered
  | GrowthExpectationSet
  | ActionItemAssigned
  | ReviewConcluded
  | ReviewCancelled;
