// What each route accepts as its JSON body: the library's command schemas without the fields
// the service sets itself (the command type, ids taken from the path or made by the service,
// and `at`, the business time, which is the server's clock). Strict: an unknown field is a 400.
import {
  AnswerReviewQuestion,
  AssignActionItem,
  ConcludeReview,
  Instant,
  OpenAccount,
  ReviewPreviousAction,
  SavePreparationDraft,
  ScheduleReview,
  SendReviewNotice,
  SetGrowthExpectation,
  SubmitPreparation,
  Ulid,
} from '@account-planning/core';
import { z } from 'zod';

/** `POST /accounts` */
export const OpenAccountBody = OpenAccount.omit({ type: true, accountId: true, at: true });
/** `POST /reviews` */
export const ScheduleReviewBody = ScheduleReview.omit({
  type: true,
  reviewId: true,
  at: true,
  previousReview: true,
});
/** `POST /reviews/:reviewId/notice` */
export const SendNoticeBody = SendReviewNotice.pick({ agenda: true });
/** `PUT /reviews/:reviewId/preparation` */
export const SavePreparationBody = SavePreparationDraft.pick({ document: true });
/** `POST /reviews/:reviewId/preparation/submission`: a document, or none to submit the draft. */
export const SubmitPreparationBody = SubmitPreparation.pick({ document: true });
/** `POST /reviews/:reviewId/start` */
export const StartReviewBody = z.strictObject({});
/** `POST /reviews/:reviewId/previous-actions/:actionId` */
export const ReviewPreviousActionBody = ReviewPreviousAction.pick({ outcome: true, note: true });
/** `POST /reviews/:reviewId/discussions`: the discussion ends when the request arrives. */
export const DiscussAccountBody = z.strictObject({
  accountId: Ulid,
  notes: z.string().trim().max(4000).optional(),
  startedAt: Instant,
});
/** `PUT /reviews/:reviewId/answers/:question` */
export const AnswerQuestionBody = AnswerReviewQuestion.pick({ answer: true });
/** `PUT /reviews/:reviewId/growth-expectations/:accountId` */
export const GrowthExpectationBody = SetGrowthExpectation.pick({ expectation: true, note: true });
/** `POST /reviews/:reviewId/actions` */
export const AssignActionBody = AssignActionItem.omit({
  type: true,
  reviewId: true,
  actionId: true,
  at: true,
});
/** `POST /reviews/:reviewId/conclusion` */
export const ConcludeReviewBody = ConcludeReview.pick({ summary: true });
