import { ValidationError } from '../errors.js';
import type { Money } from '../money/money.js';
import { amountOf, checkCurrency, checkNumber, checkTotal, moneyOf } from './metricInputs.js';

/** Revenue of a product line: a `RevenueLine` fits, and lines of one product line are added up. */
export interface ProductLineRevenue {
  /** The product line; lines without one count as `(none)`. */
  readonly productLine?: string | undefined;
  readonly revenue: Money;
}

/** When a book counts as too reliant on one product. */
export interface ConcentrationThresholds {
  /** Flag when the largest product line's share is at least this (0-1); default 0.6. */
  readonly largestShare: number;
  /** Flag when the HHI (0-10,000) is at least this; default 5,000. */
  readonly hhi: number;
}

/**
 * Defaults: a largest share of 60% or an HHI of 5,000 (a two-product book split 70/30 has
 * 5,800). Our parameters: seed 001 says to coach a rep "too reliant on selling one product"
 * without a number; the HHI is the antitrust measure, where 2,500 already counts as highly
 * concentrated for a market of many firms.
 */
export const DEFAULT_CONCENTRATION_THRESHOLDS: ConcentrationThresholds = Object.freeze({
  largestShare: 0.6,
  hhi: 5000,
});

/** One product line's share of a book. */
export interface ProductLineShare {
  readonly productLine: string;
  readonly revenue: Money;
  /** revenue / total, 0-1. */
  readonly share: number;
}

/** How concentrated a book is over product lines. */
export interface PortfolioConcentration {
  readonly total: Money;
  /** Every product line with revenue, largest first (then by name). */
  readonly shares: readonly ProductLineShare[];
  /**
   * The Herfindahl-Hirschman index: the sum of the squared percentage shares, from 10,000 / n
   * (n lines, equal shares) to 10,000 (one line). 0 for an empty book.
   */
  readonly hhi: number;
  /** The largest line; `null` for an empty book. */
  readonly largest: ProductLineShare | null;
  /** True when the largest share or the HHI reaches its threshold; false for an empty book. */
  readonly tooReliant: boolean;
  /** True when there is no revenue at all. */
  readonly empty: boolean;
}

/**
 * A rep's (or any book's) concentration over product lines (seed 001: "call out and coach when
 * a team member is too reliant on selling one product"): the HHI, the largest line's share,
 * and whether either reaches its threshold.
 *
 * @throws {ValidationError} for negative money, another currency, or thresholds out of range.
 */
export function portfolioConcentration(
  lines: readonly ProductLineRevenue[],
  currency: string,
  thresholds: ConcentrationThresholds = DEFAULT_CONCENTRATION_THRESHOLDS,
): PortfolioConcentration {
  checkCurrency(currency);
  checkNumber(thresholds.largestShare, ['thresholds', 'largestShare'], 0, 1);
  checkNumber(thresholds.hhi, ['thresholds', 'hhi'], 0, 10_000);
  const byLine = new Map<string, number>();
  let total = 0;
  lines.forEach((line, i) => {
    const amount = amountOf(line.revenue, currency, ['lines', i, 'revenue']);
    const name = line.productLine ?? '(none)';
    if (typeof name !== 'string') {
      throw new ValidationError(`Invalid line ${i}: the product line is not text`, [
        { path: ['lines', i, 'productLine'], message: 'expected text', code: 'invalid_value' },
      ]);
    }
    byLine.set(name, (byLine.get(name) ?? 0) + amount);
    total += amount;
  });
  checkTotal(total, ['lines']);
  if (total === 0) {
    return {
      total: moneyOf(0, currency),
      shares: [],
      hhi: 0,
      largest: null,
      tooReliant: false,
      empty: true,
    };
  }
  const shares = [...byLine]
    .filter(([, amount]) => amount > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([productLine, amount]) => ({
      productLine,
      revenue: moneyOf(amount, currency),
      share: amount / total,
    }));
  const hhi = shares.reduce((sum, s) => sum + (s.share * 100) ** 2, 0);
  const largest = shares[0]!;
  return {
    total: moneyOf(total, currency),
    shares,
    hhi,
    largest,
    tooReliant: largest.share >= thresholds.largestShare || hhi >= thresholds.hhi,
    empty: false,
  };
}
