import type { Draft } from 'immer';
import type { Position } from '../eventStore/position.js';
import { type ReviewEvent, reviewEvents } from '../reviews/events.js';
import { evolveReview, initialReviewState, type ReviewState } from '../reviews/evolve.js';
import { freshState, instanceState } from './instanceState.js';
import {
  defineProjection,
  type ProjectedEvent,
  type Projection,
  type ProjectionHandlers,
} from './projection.js';

/** Where a review's milestones sit in the log: the positions "as of the review" reads from. */
export interface ReviewPositions {
  /** The position of `ReviewScheduled`. */
  readonly scheduled: Position;
  /** The position of `ReviewStarted`, or null before the meeting began. */
  readonly started: Position | null;
  /** The position of `ReviewConcluded`, or null until it concluded. */
  readonly concluded: Position | null;
}

/**
 * The review calendar: every review as the Review aggregate folds it (kind, rep, manager,
 * scope, time, notice and agenda, preparation, the previous review's actions and what became of
 * them, discussions, the five answers, growth expectations, new actions, conclusion), and where
 * each one's milestones sit in the log. `reviewsDue` reads it with the cadence rules;
 * `changesSinceLastReview` reads the positions.
 */
export interface ReviewCalendarState {
  /** Reviews by id, each the Review aggregate's state. */
  readonly reviews: Readonly<Record<string, ReviewState>>;
  /** The log positions of each review's milestones, by review id. */
  readonly positions: Readonly<Record<string, ReviewPositions>>;
}

type Calendar = Draft<ReviewCalendarState>;

function applyReviewEvent(
  calendar: Calendar,
  data: { reviewId: string },
  event: ProjectedEvent,
): void {
  const id = data.reviewId;
  const review = instanceState(calendar.reviews, id, event, 'ReviewScheduled', () => {
    calendar.positions[id] = { scheduled: event.position, started: null, concluded: null };
    return freshState(initialReviewState) as Draft<ReviewState>;
  });
  if (review === undefined) return;
  evolveReview(review, event as ReviewEvent);
  if (event.type === 'ReviewStarted') calendar.positions[id]!.started = event.position;
  else if (event.type === 'ReviewConcluded') calendar.positions[id]!.concluded = event.position;
}

const handlers: Record<string, unknown> = {};
for (const { type } of reviewEvents) handlers[type] = applyReviewEvent;

/** A calendar with no review. */
export function emptyReviewCalendar(): ReviewCalendarState {
  return { reviews: {}, positions: {} };
}

/** The review-calendar read model: folds every Review event. See {@link ReviewCalendarState}. */
export const reviewCalendarProjection: Projection<ReviewCalendarState> = defineProjection({
  name: 'review-calendar',
  version: '1',
  initial: emptyReviewCalendar,
  handlers: handlers as ProjectionHandlers<ReviewCalendarState>,
});
