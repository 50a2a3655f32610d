import { ValidationError } from '../errors.js';
import type { Money } from '../money/money.js';
import { checkNumber } from './metricInputs.js';
import { type RevenueLine, revenueRetention } from './revenueRetention.js';

/** What churn is measured on: revenue (1 - GRR) or accounts (1 - logo retention). */
export type ChurnBasis = 'revenue' | 'logo';

/** Options of {@link averageChurnRate}. */
export interface ChurnRateOptions {
  /** The last complete calendar year: its churn is measured against the year before. */
  readonly lastYear: number;
  /** How many years to average; default 3 (seed 003: "over the last 2 or 3 years"). From 1 to 10. */
  readonly years?: number;
  /** Default `revenue`. */
  readonly basis?: ChurnBasis;
}

/** One year's churn. */
export interface YearChurn {
  readonly year: number;
  /** Revenue in the year before, the base the year's churn is measured on. */
  readonly baseRevenue: Money;
  /** The year's churn rate (0-1); `null` when the year before had no revenue (the year is skipped). */
  readonly rate: number | null;
}

/** A churn rate averaged over years. */
export interface AverageChurn {
  /** The mean of the years' rates that are defined; 0 when none is (no history, no churn expected). */
  readonly rate: number;
  readonly basis: ChurnBasis;
  /** Each year, oldest first. */
  readonly years: readonly YearChurn[];
  /** How many years had a rate (the mean's denominator). */
  readonly yearsUsed: number;
}

/**
 * The churn rate averaged over the last two or three calendar years (seed 003: "estimate your
 * churn rate, by perhaps calculating it over the last 2 or 3 years, so that you could modify your
 * predicted revenue from existing accounts"). Year Y's churn is `1 - GRR` (or `1 - logo
 * retention`) from year Y-1 to year Y; the average is the plain mean of the years whose base had
 * revenue, so each year counts the same however large the book was.
 *
 * @throws {ValidationError} for an invalid year or count of years, and as `revenueRetention` does.
 */
export function averageChurnRate(
  lines: readonly RevenueLine[],
  currency: string,
  options: ChurnRateOptions,
): AverageChurn {
  const { lastYear } = options;
  const count = options.years ?? 3;
  const basis = options.basis ?? 'revenue';
  if (!(Number.isInteger(lastYear) && lastYear >= 1 && lastYear <= 9999)) {
    throw new ValidationError('Invalid lastYear: expected a calendar year', [
      { path: ['lastYear'], message: 'expected a whole year from 1 to 9999', code: 'out_of_range' },
    ]);
  }
  checkNumber(count, ['years'], 1, 10);
  if (!Number.isInteger(count) || lastYear - count < 0) {
    throw new ValidationError('Invalid years: expected a whole number of years', [
      { path: ['years'], message: 'expected a whole number from 1 to 10', code: 'out_of_range' },
    ]);
  }
  const years: YearChurn[] = [];
  for (let year = lastYear - count + 1; year <= lastYear; year++) {
    const y = String(year).padStart(4, '0');
    const before = String(year - 1).padStart(4, '0');
    const retention = revenueRetention(
      lines,
      {
        base: { from: `${before}-01`, to: `${before}-12` },
        current: { from: `${y}-01`, to: `${y}-12` },
      },
      currency,
    );
    const kept = basis === 'revenue' ? retention.grossRevenueRetention : retention.logoRetention;
    years.push({
      year,
      baseRevenue: retention.baseRevenue,
      rate: retention.emptyBase ? null : 1 - kept,
    });
  }
  const rates = years.flatMap((y) => (y.rate === null ? [] : [y.rate]));
  const rate = rates.length === 0 ? 0 : rates.reduce((sum, r) => sum + r, 0) / rates.length;
  return { rate, basis, years, yearsUsed: rates.length };
}
