import { ValidationError } from '../errors.js';
import type { Money } from '../money/money.js';
import { monthsOf, Period } from '../periods/period.js';
import { amountOf, checkCurrency, checkTotal, moneyOf, type Path } from './metricInputs.js';

/**
 * One line of revenue history: what an account paid us in a period (a month or a quarter), for
 * a product line. The domain's recorded revenue maps onto it one to one.
 */
export interface RevenueLine {
  readonly accountId: string;
  /** `2026-03` or `2026-Q1`. */
  readonly period: Period;
  /** The product line, when revenue is recorded per line. */
  readonly productLine?: string | undefined;
  /** Non-negative minor units. */
  readonly revenue: Money;
}

/** An inclusive range of periods, `{ from: '2025-01', to: '2025-12' }` (months or quarters). */
export interface PeriodRange {
  readonly from: Period;
  readonly to: Period;
}

/** The two ranges retention compares: the base (the starting book) and the current one. */
export interface RetentionWindow {
  readonly base: PeriodRange;
  readonly current: PeriodRange;
}

/**
 * Retention of a book from a base range to a current one. The cohort is the accounts with
 * revenue in the base range; accounts new in the current range are not part of it (seed 004:
 * "know what business you are losing").
 */
export interface Retention {
  /** Accounts with revenue in the base range. */
  readonly accountsAtStart: number;
  /** Of those, the accounts with revenue in the current range. */
  readonly accountsRetained: number;
  /** The cohort's revenue in the base range. */
  readonly baseRevenue: Money;
  /** The sum over the cohort of min(base, current): what was kept, ignoring growth. */
  readonly retainedRevenue: Money;
  /** The cohort's revenue in the current range, growth included. */
  readonly currentRevenue: Money;
  /** The base revenue of the accounts that have none in the current range. */
  readonly lostRevenue: Money;
  /** The ids of those lost accounts, sorted. */
  readonly lostAccountIds: readonly string[];
  /** `accountsRetained / accountsAtStart`; 1 for an empty base. */
  readonly logoRetention: number;
  /** GRR, `retainedRevenue / baseRevenue`: at most 1; 1 for an empty base. */
  readonly grossRevenueRetention: number;
  /** NRR, `currentRevenue / baseRevenue`: at least GRR; 1 for an empty base. */
  readonly netRevenueRetention: number;
  /**
   * True when the base range has no revenue: there was nothing to lose, so every rate is
   * defined as 1 (100%) rather than 0/0. A report should show "no base revenue", not 100%.
   */
  readonly emptyBase: boolean;
}

const monthIndex = (month: string) =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

function periodSpan(period: string, path: Path): [number, number] {
  if (!Period.safeParse(period).success) {
    const message = `expected a month like 2026-03 or a quarter like 2026-Q1, got ${JSON.stringify(period)}`;
    throw new ValidationError(`Invalid period at ${path.join('.')}: ${message}`, [
      { path: [...path], message, code: 'invalid_period' },
    ]);
  }
  const months = monthsOf(period);
  return [monthIndex(months[0]!), monthIndex(months[months.length - 1]!)];
}

function rangeSpan(range: PeriodRange, path: Path): [number, number] {
  const [from] = periodSpan(range.from, [...path, 'from']);
  const [, to] = periodSpan(range.to, [...path, 'to']);
  if (from > to) {
    const message = `the range starts (${range.from}) after it ends (${range.to})`;
    throw new ValidationError(`Invalid range at ${path.join('.')}: ${message}`, [
      { path: [...path, 'to'], message, code: 'reversed_range' },
    ]);
  }
  return [from, to];
}

/**
 * Sums each account's revenue within the base and current ranges of a window, checking every
 * line. Exported within metrics for churn and concentration; not part of the public API.
 */
export function revenueByAccount(
  lines: readonly RevenueLine[],
  window: RetentionWindow,
  currency: string,
): { base: Map<string, number>; current: Map<string, number> } {
  checkCurrency(currency);
  const [baseFrom, baseTo] = rangeSpan(window.base, ['window', 'base']);
  const [currentFrom, currentTo] = rangeSpan(window.current, ['window', 'current']);
  if (baseFrom <= currentTo && currentFrom <= baseTo) {
    const message = 'the base and current ranges overlap';
    throw new ValidationError(`Invalid retention window: ${message}`, [
      { path: ['window'], message, code: 'overlapping_ranges' },
    ]);
  }
  const base = new Map<string, number>();
  const current = new Map<string, number>();
  lines.forEach((line, i) => {
    const amount = amountOf(line.revenue, currency, ['lines', i, 'revenue']);
    const [from, to] = periodSpan(line.period, ['lines', i, 'period']);
    for (const [target, lo, hi] of [
      [base, baseFrom, baseTo],
      [current, currentFrom, currentTo],
    ] as const) {
      if (to < lo || from > hi) continue;
      if (from < lo || to > hi) {
        // A quarter that straddles a range boundary cannot be split without inventing numbers.
        const message = `${line.period} straddles the edge of a range`;
        throw new ValidationError(`Invalid revenue line ${i}: ${message}`, [
          { path: ['lines', i, 'period'], message, code: 'straddles_range' },
        ]);
      }
      target.set(line.accountId, (target.get(line.accountId) ?? 0) + amount);
    }
  });
  return { base, current };
}

/**
 * Logo retention, gross revenue retention (GRR) and net revenue retention (NRR) of a book from
 * a base range to a current one (seed 004). Pure; money stays in whole minor units.
 *
 * - logo retention = accounts with revenue in both ranges / accounts with revenue in the base
 * - GRR = sum over base accounts of min(base, current) / sum of base
 * - NRR = sum over base accounts of current / sum of base
 *
 * GRR <= 1 and NRR >= GRR always hold; an unchanged book retains exactly 1. An empty base
 * gives 1 for every rate with `emptyBase: true`.
 *
 * @throws {ValidationError} for negative or non-integer money, another currency, a malformed
 * period, reversed or overlapping ranges, or a quarter straddling a range edge.
 * @example
 * ```ts
 * revenueRetention(lines, { base: { from: '2025-01', to: '2025-12' },
 *   current: { from: '2026-01', to: '2026-12' } }, 'EUR').netRevenueRetention;
 * ```
 */
export function revenueRetention(
  lines: readonly RevenueLine[],
  window: RetentionWindow,
  currency: string,
): Retention {
  const { base, current } = revenueByAccount(lines, window, currency);
  return retentionOf(base, current, currency);
}

function retentionOf(
  base: ReadonlyMap<string, number>,
  current: ReadonlyMap<string, number>,
  currency: string,
): Retention {
  let accountsAtStart = 0;
  let accountsRetained = 0;
  let baseTotal = 0;
  let retained = 0;
  let currentTotal = 0;
  let lost = 0;
  const lostAccountIds: string[] = [];
  for (const [accountId, amount] of base) {
    if (amount === 0) continue;
    accountsAtStart++;
    baseTotal += amount;
    const now = current.get(accountId) ?? 0;
    currentTotal += now;
    retained += Math.min(amount, now);
    if (now > 0) {
      accountsRetained++;
    } else {
      lost += amount;
      lostAccountIds.push(accountId);
    }
  }
  checkTotal(baseTotal, ['lines']);
  checkTotal(currentTotal, ['lines']);
  lostAccountIds.sort();
  const emptyBase = baseTotal === 0;
  return {
    accountsAtStart,
    accountsRetained,
    baseRevenue: moneyOf(baseTotal, currency),
    retainedRevenue: moneyOf(retained, currency),
    currentRevenue: moneyOf(currentTotal, currency),
    lostRevenue: moneyOf(lost, currency),
    lostAccountIds,
    logoRetention: emptyBase ? 1 : accountsRetained / accountsAtStart,
    grossRevenueRetention: emptyBase ? 1 : retained / baseTotal,
    netRevenueRetention: emptyBase ? 1 : currentTotal / baseTotal,
    emptyBase,
  };
}

/** The group an account without an assignment falls in. */
export const UNASSIGNED = '(unassigned)';

/** Retention of one group of accounts (a territory, a rep). */
export interface GroupRetention {
  readonly group: string;
  readonly retention: Retention;
}

/**
 * Retention per group: per territory or per rep, as `assignments` (account id -> group) says.
 * Accounts without an assignment are grouped as {@link UNASSIGNED}. Groups are sorted by name;
 * only groups with revenue in either range appear.
 *
 * @throws {ValidationError} as {@link revenueRetention} does.
 */
export function retentionBy(
  lines: readonly RevenueLine[],
  window: RetentionWindow,
  currency: string,
  assignments: Readonly<Record<string, string>>,
): GroupRetention[] {
  const { base, current } = revenueByAccount(lines, window, currency);
  const groupOf = (accountId: string) =>
    Object.hasOwn(assignments, accountId) ? assignments[accountId]! : UNASSIGNED;
  const groups = new Map<string, { base: Map<string, number>; current: Map<string, number> }>();
  const split = (source: Map<string, number>, side: 'base' | 'current') => {
    for (const [accountId, amount] of source) {
      const group = groupOf(accountId);
      let entry = groups.get(group);
      if (!entry) {
        entry = { base: new Map(), current: new Map() };
        groups.set(group, entry);
      }
      entry[side].set(accountId, amount);
    }
  };
  split(base, 'base');
  split(current, 'current');
  return [...groups.keys()].sort().map((group) => ({
    group,
    retention: retentionOf(groups.get(group)!.base, groups.get(group)!.current, currency),
  }));
}
