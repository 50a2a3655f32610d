import {
  type EventStore,
  type ReadModels,
  readChangesSinceReview,
  readModelsProjection,
  readProjection,
} from '@account-planning/core';
import type { ReviewPackInput, ReviewPackOptions } from './buildReviewPack.js';
import { packReviews } from './packReviews.js';

/** Options of {@link readReviewPackInput}. */
export interface ReadReviewPackOptions {
  readonly repId: string;
  /** The day the pack is for, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** When the pack is made, an ISO instant (the caller's clock, not the library's). */
  readonly generatedAt: string;
  /** The review the pack is for (default: the rep's next monthly review booked, if any). */
  readonly reviewId?: string;
  /**
   * The read models, when the host keeps them (a projection runner's `state`, or
   * `readAsOf(...).state` for a pack as it would have been at a past position). Default: built
   * from the store's whole log.
   */
  readonly models?: ReadModels;
  readonly options?: ReviewPackOptions;
}

/**
 * Reads from a store everything {@link buildReviewPack} needs: the read models (or the ones
 * given), the review the pack is for and the rep's last review, and what changed for each of
 * the pack's accounts since that review concluded, scored with the pack's rules
 * (`readChangesSinceReview`). Counts changes up to the pack's review's start when it has
 * started, else up to the models' position. Reads only; works on any store through the port.
 *
 * @throws {NotFoundError} when `reviewId` names no review.
 * @throws {ValidationError} when `asOf` is not a date, and whatever the store throws.
 * @example
 * ```ts
 * const input = await readReviewPackInput(store, {
 *   repId: 'rep-ana', asOf: '2026-04-15', generatedAt: new Date().toISOString(),
 *   options: { names: { 'rep-ana': 'Ana Lima', 'mgr-sam': 'Sam Okafor' } },
 * });
 * const html = await renderHtml(buildReviewPack(input));
 * ```
 */
export async function readReviewPackInput(
  store: Pick<EventStore, 'readAll' | 'readStream'>,
  read: ReadReviewPackOptions,
): Promise<ReviewPackInput> {
  const models = read.models ?? (await readProjection(store, readModelsProjection)).state;
  const asOf = read.asOf.slice(0, 10);
  const { review, last } = packReviews(models.calendar, read.repId, asOf, read.reviewId);
  const options = read.options ?? {};
  let changes = null;
  if (last !== null) {
    const scope = new Set(
      Object.values(models.book.accounts)
        .filter((a) => a.ownerRepId === read.repId)
        .map((a) => a.accountId!),
    );
    for (const id of review?.accountIds ?? []) scope.add(id);
    const started = review ? models.calendar.positions[review.reviewId!]?.started : null;
    const upTo = started ?? models.position ?? undefined;
    changes = await readChangesSinceReview(store, {
      reviewId: last.reviewId!,
      asOf,
      accountIds: [...scope],
      ...(upTo === undefined ? {} : { upTo }),
      scoring: {
        ...(options.opportunityRule ? { opportunityRule: options.opportunityRule } : {}),
        ...(options.healthRule ? { healthRule: options.healthRule } : {}),
        ...(options.horizonDays === undefined ? {} : { horizonDays: options.horizonDays }),
        ...(options.assignedTiers ? { assignedTiers: options.assignedTiers } : {}),
      },
    });
  }
  return {
    models,
    repId: read.repId,
    asOf,
    generatedAt: read.generatedAt,
    ...(review ? { reviewId: review.reviewId! } : {}),
    changes,
    options,
  };
}
