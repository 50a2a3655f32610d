import {
  type ConcentrationThresholds,
  type PortfolioConcentration,
  portfolioConcentration,
} from '../metrics/portfolioConcentration.js';
import type { PeriodRange } from '../metrics/revenueRetention.js';
import type { AccountBookState } from './accountBook.js';
import { compareText } from './ordering.js';
import { revenueByProductLine, trailingTwelveMonths } from './revenueInRange.js';

/** One rep's concentration over product lines. */
export interface RepConcentration {
  readonly repId: string;
  readonly concentration: PortfolioConcentration;
}

/** Options of {@link concentrationByRep}. */
export interface ConcentrationByRepOptions {
  /** The day, `YYYY-MM-DD`: the range defaults to the twelve months before it. */
  readonly asOf: string;
  readonly range?: PeriodRange;
  /** Only accounts kept in this currency count. */
  readonly currency: string;
  /** Only these reps (default: every rep who owns an account). */
  readonly reps?: readonly string[];
  readonly thresholds?: ConcentrationThresholds;
}

/**
 * Each rep's concentration over product lines (seed 001: "call out and coach when a team
 * member is too reliant on selling one product"): the revenue of the rep's accounts over the
 * range by product line, through `portfolioConcentration`. Reps by id.
 *
 * @throws {ValidationError} as `portfolioConcentration` does.
 */
export function concentrationByRep(
  book: AccountBookState,
  options: ConcentrationByRepOptions,
): RepConcentration[] {
  const range = options.range ?? trailingTwelveMonths(options.asOf);
  const byRep = new Map<string, Record<string, number>>();
  for (const repId of options.reps ?? []) byRep.set(repId, {});
  for (const account of Object.values(book.accounts)) {
    if (account.currency !== options.currency || account.ownerRepId === null) continue;
    if (options.reps && !byRep.has(account.ownerRepId)) continue;
    const lines = byRep.get(account.ownerRepId) ?? {};
    byRep.set(account.ownerRepId, lines);
    for (const [line, amount] of Object.entries(revenueByProductLine(account, range))) {
      lines[line] = (lines[line] ?? 0) + amount;
    }
  }
  return [...byRep.keys()].sort(compareText).map((repId) => ({
    repId,
    concentration: portfolioConcentration(
      Object.entries(byRep.get(repId)!).map(([productLine, amountMinor]) => ({
        productLine,
        revenue: { amountMinor, currency: options.currency },
      })),
      options.currency,
      options.thresholds,
    ),
  }));
}
