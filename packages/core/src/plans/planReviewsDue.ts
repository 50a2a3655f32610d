import { addMonths, type CalendarDate, type Instant } from '../periods/period.js';
import type { PlanState } from './planState.js';

/** When one kind of plan review is next due. */
export interface PlanReviewDue {
  /** The date it is due, or null when the plan is not in force (never approved, or archived). */
  readonly due: CalendarDate | null;
  /** True when `due` is before the date asked about. */
  readonly overdue: boolean;
}

/** When a plan's next strategic review and next check are due. */
export interface PlanReviewsDue {
  readonly strategicReview: PlanReviewDue;
  readonly check: PlanReviewDue;
}

/**
 * When the plan's next strategic review (every six to nine months, seed 002) and next check
 * (monthly or quarterly, seed 004) are due, counted from the last one of each (any review counts
 * as a check), or from the plan's first approval. Pure: `asOf` is the date to judge overdue by.
 */
export function planReviewsDue(state: PlanState, asOf: CalendarDate): PlanReviewsDue {
  const firstApproval = state.approvedVersions[0]?.approvedAt ?? null;
  if (state.status === 'archived' || firstApproval === null || state.cadence === null) {
    return { strategicReview: notDue, check: notDue };
  }
  const lastStrategic = state.reviews.filter((r) => r.kind === 'strategic').at(-1)?.at;
  const lastAny = state.reviews.at(-1)?.at;
  const strategicDue = addMonthsToDate(
    lastStrategic ?? firstApproval,
    state.cadence.strategicReviewEveryMonths,
  );
  const checkDue = addMonthsToDate(
    lastAny ?? firstApproval,
    state.cadence.checkEvery === 'monthly' ? 1 : 3,
  );
  return {
    strategicReview: { due: strategicDue, overdue: strategicDue < asOf },
    check: { due: checkDue, overdue: checkDue < asOf },
  };
}

const notDue: PlanReviewDue = { due: null, overdue: false };

// The same day `count` months later, or the month's last day when it has no such day.
function addMonthsToDate(from: Instant | CalendarDate, count: number): CalendarDate {
  const month = addMonths(from.slice(0, 7), count);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const day = Math.min(Number(from.slice(8, 10)), lastDay);
  return `${month}-${String(day).padStart(2, '0')}`;
}
