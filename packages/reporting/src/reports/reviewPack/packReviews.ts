import { NotFoundError, type ReviewCalendarState, type ReviewState } from '@account-planning/core';

/** The review a pack is for, and the rep's review before it. */
export interface PackReviews {
  /** The review the pack is for, or null when none is booked. */
  readonly review: ReviewState | null;
  /** The rep's last concluded review before it (any kind): where "since" counts from. */
  readonly last: ReviewState | null;
}

/**
 * Which review a rep's pack is for and which review came before it. The pack's review is the
 * one named, else the rep's next monthly review booked and not yet concluded (the earliest
 * from `asOf` on, else the latest one left open). The last review is the rep's latest
 * concluded review other than the pack's, concluded before the pack's review started (when it
 * has) and on or before `asOf`: the one whose actions the meeting starts with (seed 001), as
 * the application service chooses it.
 *
 * @throws {NotFoundError} when `reviewId` names no review in the calendar.
 */
export function packReviews(
  calendar: ReviewCalendarState,
  repId: string,
  asOf: string,
  reviewId?: string | null,
): PackReviews {
  let review: ReviewState | null = null;
  if (reviewId) {
    review = calendar.reviews[reviewId] ?? null;
    if (review === null) throw new NotFoundError('review', reviewId);
  } else {
    const open = Object.values(calendar.reviews)
      .filter(
        (r) =>
          r.repId === repId &&
          r.kind === 'monthly' &&
          (r.status === 'scheduled' || r.status === 'in_progress'),
      )
      .sort((a, b) => Date.parse(a.scheduledFor!) - Date.parse(b.scheduledFor!));
    review = open.find((r) => r.scheduledFor!.slice(0, 10) >= asOf) ?? open.at(-1) ?? null;
  }
  const startedAt = review ? calendar.positions[review.reviewId!]?.started : null;
  const day = asOf.slice(0, 10);
  let last: ReviewState | null = null;
  let lastPosition = '';
  for (const r of Object.values(calendar.reviews)) {
    const concluded = calendar.positions[r.reviewId!]?.concluded;
    if (r.repId !== repId || r.status !== 'concluded' || !concluded) continue;
    if (review !== null && r.reviewId === review.reviewId) continue;
    if (startedAt && concluded > startedAt) continue;
    if (r.concludedAt!.slice(0, 10) > day) continue;
    if (concluded > lastPosition) {
      last = r;
      lastPosition = concluded;
    }
  }
  return { review, last };
}
