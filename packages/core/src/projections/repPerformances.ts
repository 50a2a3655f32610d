import type { RepPerformance } from '../metrics/territoryExpectations.js';
import type { AccountBookState } from './accountBook.js';
import { compareText } from './ordering.js';
import { revenueInRange } from './revenueInRange.js';

/** A rep's past year, as `territoryExpectations` reads it, with the territory it counted in. */
export interface RepYear extends RepPerformance {
  /** The territory that gave the tier. */
  readonly territoryId: string;
  /** The territory's market-conditions factor for the year after, or null when not assessed. */
  readonly nextYearMarketFactor: number | null;
}

/** Options of {@link repPerformances}. */
export interface RepPerformancesOptions {
  /** The past calendar year. */
  readonly year: number;
  readonly currency: string;
  /** Only these reps (default: every rep who owns an account). */
  readonly reps?: readonly string[];
}

/** The reps' past year, and the reps left out for want of a territory. */
export interface RepPerformances {
  /** By rep id. */
  readonly reps: readonly RepYear[];
  /** Reps whose accounts are in no known territory and who are assigned to none. */
  readonly withoutTerritory: readonly string[];
}

/**
 * Each rep's past year as territory-adjusted expectations read it (seed 000): the revenue of
 * the rep's accounts (their owner now) in `year`, the growth over the year before (0 when the
 * year before had none), the win rate of opportunities closed in the year (left out when none
 * was won, so that the default applies), and the tier of the rep's territory: the one holding
 * most of the rep's revenue that year, else the first territory the rep is assigned to.
 * Pass the result's `reps` to `territoryExpectations`.
 */
export function repPerformances(
  book: AccountBookState,
  options: RepPerformancesOptions,
): RepPerformances {
  const { year, currency } = options;
  const range = { from: `${year}-01`, to: `${year}-12` };
  const before = { from: `${year - 1}-01`, to: `${year - 1}-12` };
  const reps = new Map<
    string,
    { revenue: number; before: number; won: number; lost: number; byTerritory: Map<string, number> }
  >();
  for (const repId of options.reps ?? []) {
    reps.set(repId, { revenue: 0, before: 0, won: 0, lost: 0, byTerritory: new Map() });
  }
  for (const account of Object.values(book.accounts)) {
    const repId = account.ownerRepId;
    if (repId === null || account.currency !== currency) continue;
    if (options.reps && !reps.has(repId)) continue;
    const rep = reps.get(repId) ?? {
      revenue: 0,
      before: 0,
      won: 0,
      lost: 0,
      byTerritory: new Map<string, number>(),
    };
    reps.set(repId, rep);
    const revenue = revenueInRange(account, range);
    rep.revenue += revenue;
    rep.before += revenueInRange(account, before);
    if (account.territoryId !== null && book.territories[account.territoryId]) {
      rep.byTerritory.set(
        account.territoryId,
        (rep.byTerritory.get(account.territoryId) ?? 0) + revenue,
      );
    }
    for (const o of Object.values(account.opportunities)) {
      if (o.outcome === null || !o.outcome.at.startsWith(String(year))) continue;
      if (o.status === 'won') rep.won += 1;
      else rep.lost += 1;
    }
  }
  const out: RepYear[] = [];
  const withoutTerritory: string[] = [];
  for (const repId of [...reps.keys()].sort(compareText)) {
    const rep = reps.get(repId)!;
    const territoryId =
      [...rep.byTerritory].sort(([a, x], [b, y]) => y - x || compareText(a, b))[0]?.[0] ??
      Object.values(book.territories).find((t) => t.reps.includes(repId))?.territoryId ??
      null;
    const territory = territoryId === null ? undefined : book.territories[territoryId];
    if (territory?.tier == null) {
      withoutTerritory.push(repId);
      continue;
    }
    out.push({
      rep: repId,
      tier: territory.tier,
      revenue: { amountMinor: rep.revenue, currency },
      growthRate: rep.before === 0 ? 0 : (rep.revenue - rep.before) / rep.before,
      ...(rep.won === 0 ? {} : { winRate: rep.won / (rep.won + rep.lost) }),
      territoryId: territory.territoryId!,
      nextYearMarketFactor: territory.marketConditions[String(year + 1)]?.factor ?? null,
    });
  }
  return { reps: out, withoutTerritory };
}
