import {
  type AccountLoss,
  type LossesByReason,
  lossesByReason,
} from '../metrics/lossesByReason.js';
import {
  type PeriodRange,
  type Retention,
  type RetentionWindow,
  type RevenueLine,
  retentionBy,
  revenueRetention,
  UNASSIGNED,
} from '../metrics/revenueRetention.js';
import { isQuarter, monthsOf, type Period } from '../periods/period.js';
import type { AccountAssignment, AccountBookState } from './accountBook.js';
import { monthFromNumber, monthNumber, periodWithin } from './revenueInRange.js';

/** Options of {@link retentionByGroup}. */
export interface RetentionQuery {
  /** Group by the accounts' territory or owner rep, or keep one group (`all`). */
  readonly by: 'territory' | 'rep' | 'all';
  /** The base range (the starting book) and the current one. */
  readonly window: RetentionWindow;
  /** Only accounts kept in this currency count. */
  readonly currency: string;
}

/** Retention of one group, with the accounts it lost in the current range and why. */
export interface GroupRetentionLine {
  /** The territory id, the rep id, `all`, or `(unassigned)`. */
  readonly group: string;
  readonly retention: Retention;
  /**
   * The cohort's accounts marked lost within the current range, by reason (seed 004), each
   * with its base-range revenue as the revenue lost.
   */
  readonly losses: LossesByReason;
}

/** Retention by territory or rep for a window, the cohort fixed at the current range's start. */
export interface RetentionByGroup {
  readonly by: RetentionQuery['by'];
  readonly window: RetentionWindow;
  readonly currency: string;
  /** The first day of the current range: each account counts in the group it was in then. */
  readonly cohortFixedAt: string;
  /** Groups by name; only groups with revenue in either range. */
  readonly groups: readonly GroupRetentionLine[];
  /** Every group together. */
  readonly total: GroupRetentionLine;
}

/**
 * Logo, gross and net revenue retention by territory or rep (seed 004: "do you know what the
 * retention rate is in your territory?"), with losses by reason. The cohort is fixed at the
 * start of the current range: an account counts in the territory (or with the rep) it was
 * assigned to on that day, so moving accounts during the period neither flatters nor hurts a
 * group. Revenue is the book's after corrections; only accounts in `currency` count.
 *
 * @throws {ValidationError} as `revenueRetention` does: reversed or overlapping ranges, or a
 * quarter's revenue straddling a range edge.
 */
export function retentionByGroup(book: AccountBookState, query: RetentionQuery): RetentionByGroup {
  const { window, currency } = query;
  const cohortFixedAt = `${monthsOf(window.current.from)[0]}-01`;
  const lines: RevenueLine[] = [];
  const groupOf: Record<string, string> = {};
  const losses: { group: string; loss: AccountLoss }[] = [];
  const inCurrent = (at: string) =>
    periodWithin(at.slice(0, 7), { from: window.current.from, to: window.current.to });
  for (const account of Object.values(book.accounts)) {
    if (account.currency !== currency) continue;
    const id = account.accountId!;
    let baseMinor = 0;
    for (const entry of account.revenue) {
      // A quarter straddling a range edge is passed on for the metric to refuse.
      if (!overlaps(entry.period, window.base) && !overlaps(entry.period, window.current)) continue;
      if (periodWithin(entry.period, window.base)) baseMinor += entry.amount.amountMinor;
      lines.push({
        accountId: id,
        period: entry.period,
        productLine: entry.productLine,
        revenue: { amountMinor: entry.amount.amountMinor, currency },
      });
    }
    const group =
      query.by === 'all'
        ? 'all'
        : (groupAt(book.assignments[id] ?? [], cohortFixedAt, query.by) ?? UNASSIGNED);
    groupOf[id] = group;
    const lost = account.statusHistory.findLast((change) => change.status === 'lost');
    if (account.status === 'lost' && lost && inCurrent(lost.at) && baseMinor > 0) {
      losses.push({
        group,
        loss: {
          accountId: id,
          category: lost.lossReason!.category,
          cause: lost.lossReason!.cause,
          lostRevenue: { amountMinor: baseMinor, currency },
        },
      });
    }
  }
  const lossesOf = (group: string | null) =>
    lossesByReason(
      losses.filter((l) => group === null || l.group === group).map((l) => l.loss),
      currency,
    );
  const groups = retentionBy(lines, window, currency, groupOf).map(({ group, retention }) => ({
    group,
    retention,
    losses: lossesOf(group),
  }));
  return {
    by: query.by,
    window,
    currency,
    cohortFixedAt,
    groups,
    total: {
      group: 'all',
      retention: revenueRetention(lines, window, currency),
      losses: lossesOf(null),
    },
  };
}

/** The territory or owner an account had at the start of `day` (its last assignment before). */
function groupAt(
  history: readonly AccountAssignment[],
  day: string,
  by: 'territory' | 'rep',
): string | null {
  let current: AccountAssignment | undefined;
  for (const assignment of history) {
    if (assignment.at.slice(0, 10) >= day) break;
    current = assignment;
  }
  // An account opened on or after the day had no assignment then: its first one counts.
  current ??= history[0];
  if (current === undefined) return null;
  return by === 'territory' ? current.territoryId : current.ownerRepId;
}

function overlaps(period: Period, range: PeriodRange): boolean {
  const months = monthsOf(period).map(monthNumber);
  const from = monthNumber(monthsOf(range.from)[0]!);
  const to = monthNumber(monthsOf(range.to).at(-1)!);
  return months.some((m) => m >= from && m <= to);
}

/**
 * The retention window of a period against the one before it, of the same length: a year
 * (`2026`: 2025 against 2026), a quarter (`2026-Q1`: 2025-Q4 against 2026-Q1, as months) or a
 * month (`2026-03`: 2026-02 against 2026-03).
 */
export function retentionWindowOf(period: string): RetentionWindow {
  if (/^\d{4}$/.test(period)) {
    const year = Number(period);
    return {
      base: { from: `${year - 1}-01`, to: `${year - 1}-12` },
      current: { from: `${year}-01`, to: `${year}-12` },
    };
  }
  const months = isQuarter(period) ? monthsOf(period) : [period];
  const first = monthNumber(months[0]!);
  const length = months.length;
  return {
    base: { from: monthFromNumber(first - length), to: monthFromNumber(first - 1) },
    current: { from: months[0]!, to: months.at(-1)! },
  };
}
