import { z } from 'zod';
import { ActionItemTitle } from '../actions/events.js';
import { Ulid, UserId } from '../ids/ids.js';
import { CalendarDate, Instant } from '../periods/period.js';
import {
  GrowthExpectation,
  PreparationDocument,
  PreviousActionOutcome,
  PreviousReview,
  ReviewAgenda,
  ReviewKind,
  ReviewQuestion,
  ReviewScope,
  ReviewText,
} from './events.js';

const note = z.string().trim().max(2000).optional();

/**
 * Put a review in the calendar. `horizonDays` defaults by kind (90 for a monthly review, seed
 * 001; 365 otherwise) and `discussionTimeBoxSeconds` to 120 (seed 001: two minutes an account).
 */
export const ScheduleReview = z.strictObject({
  type: z.literal('ScheduleReview'),
  /** Made at the edge (`createIdFactory`); the stream is `review-<reviewId>`. */
  reviewId: Ulid,
  kind: ReviewKind,
  repId: UserId,
  managerId: UserId,
  accountIds: ReviewScope,
  planId: Ulid.optional(),
  horizonDays: z.number().int().min(1).max(730).optional(),
  discussionTimeBoxSeconds: z.number().int().min(10).max(7200).optional(),
  scheduledFor: Instant,
  previousReview: PreviousReview.optional(),
  at: Instant,
});
/** Put a review in the calendar. */
export type ScheduleReview = z.infer<typeof ScheduleReview>;

/** Move a review that has not started to another time. */
export const RescheduleReview = z.strictObject({
  type: z.literal('RescheduleReview'),
  reviewId: Ulid,
  scheduledFor: Instant,
  reason: note,
  at: Instant,
});
/** Move a review that has not started to another time. */
export type RescheduleReview = z.infer<typeof RescheduleReview>;

/** Tell the rep when the review will be, with its agenda. */
export const SendReviewNotice = z.strictObject({
  type: z.literal('SendReviewNotice'),
  reviewId: Ulid,
  agenda: ReviewAgenda,
  at: Instant,
});
/** Tell the rep when the review will be, with its agenda. */
export type SendReviewNotice = z.infer<typeof SendReviewNotice>;

/** Save a draft of the rep's preparation document (replacing the previous draft). */
export const SavePreparationDraft = z.strictObject({
  type: z.literal('SavePreparationDraft'),
  reviewId: Ulid,
  document: PreparationDocument,
  at: Instant,
});
/** Save a draft of the rep's preparation document. */
export type SavePreparationDraft = z.infer<typeof SavePreparationDraft>;

/**
 * Submit the rep's preparation document, freezing it: the `document` given, or else the latest
 * draft.
 */
export const SubmitPreparation = z.strictObject({
  type: z.literal('SubmitPreparation'),
  reviewId: Ulid,
  document: PreparationDocument.optional(),
  at: Instant,
});
/** Submit the rep's preparation document, freezing it. */
export type SubmitPreparation = z.infer<typeof SubmitPreparation>;

/**
 * Begin the review meeting. `previousReview` names the rep's previous review and its open
 * actions as they are now; absent, the one given at scheduling stands; null, there is none.
 */
export const StartReview = z.strictObject({
  type: z.literal('StartReview'),
  reviewId: Ulid,
  previousReview: PreviousReview.nullable().optional(),
  at: Instant,
});
/** Begin the review meeting. */
export type StartReview = z.infer<typeof StartReview>;

/** Report the status of one of the previous review's open actions. */
export const ReviewPreviousAction = z.strictObject({
  type: z.literal('ReviewPreviousAction'),
  reviewId: Ulid,
  actionId: Ulid,
  outcome: PreviousActionOutcome,
  note,
  at: Instant,
});
/** Report the status of one of the previous review's open actions. */
export type ReviewPreviousAction = z.infer<typeof ReviewPreviousAction>;

/** Record the discussion of one account in scope, from its start to its end (`at`). */
export const DiscussAccount = z
  .strictObject({
    type: z.literal('DiscussAccount'),
    reviewId: Ulid,
    accountId: Ulid,
    notes: z.string().trim().max(4000).optional(),
    startedAt: Instant,
    /** When the discussion ended. */
    at: Instant,
  })
  .refine((c) => Date.parse(c.at) >= Date.parse(c.startedAt), {
    message: 'a discussion ends after it starts',
    path: ['at'],
  });
/** Record the discussion of one account in scope. */
export type DiscussAccount = z.infer<typeof DiscussAccount>;

/** Answer one of the five questions (a later answer replaces an earlier one). */
export const AnswerReviewQuestion = z.strictObject({
  type: z.literal('AnswerReviewQuestion'),
  reviewId: Ulid,
  question: ReviewQuestion,
  answer: ReviewText,
  at: Instant,
});
/** Answer one of the five questions. */
export type AnswerReviewQuestion = z.infer<typeof AnswerReviewQuestion>;

/** Assign a growth expectation to one account in scope (a later one replaces it). */
export const SetGrowthExpectation = z.strictObject({
  type: z.literal('SetGrowthExpectation'),
  reviewId: Ulid,
  accountId: Ulid,
  expectation: GrowthExpectation,
  note,
  at: Instant,
});
/** Assign a growth expectation to one account in scope. */
export type SetGrowthExpectation = z.infer<typeof SetGrowthExpectation>;

/** Agree a new action item, in writing, for the review's rep or manager. */
export const AssignActionItem = z.strictObject({
  type: z.literal('AssignActionItem'),
  reviewId: Ulid,
  /** Made at the edge; becomes the action item's own stream, `action-<actionId>`. */
  actionId: Ulid,
  ownerRole: z.enum(['rep', 'manager']),
  ownerId: UserId,
  title: ActionItemTitle,
  accountId: Ulid.optional(),
  dueOn: CalendarDate,
  at: Instant,
});
/** Agree a new action item for the review's rep or manager. */
export type AssignActionItem = z.infer<typeof AssignActionItem>;

/** End the review meeting. */
export const ConcludeReview = z.strictObject({
  type: z.literal('ConcludeReview'),
  reviewId: Ulid,
  summary: z.string().trim().max(4000).optional(),
  at: Instant,
});
/** End the review meeting. */
export type ConcludeReview = z.infer<typeof ConcludeReview>;

/** Call the review off. */
export const CancelReview = z.strictObject({
  type: z.literal('CancelReview'),
  reviewId: Ulid,
  reason: note,
  at: Instant,
});
/** Call the review off. */
export type CancelReview = z.infer<typeof CancelReview>;

/**
 * Any review command, discriminated by `type`, in the order a product's UI sends them. Parse
 * untrusted input with it; a failure is a `ValidationError` with paths.
 */
export const ReviewCommand = z.discriminatedUnion('type', [
  ScheduleReview,
  RescheduleReview,
  SendReviewNotice,
  SavePreparationDraft,
  SubmitPreparation,
  StartReview,
  ReviewPreviousAction,
  DiscussAccount,
  AnswerReviewQuestion,
  SetGrowthExpectation,
  AssignActionItem,
  ConcludeReview,
  CancelReview,
]);
/** Any review command. */
export type ReviewCommand = z.infer<typeof ReviewCommand>;
