import type { AccountStatus } from '../accounts/events.js';
import type { PeriodRange } from '../metrics/revenueRetention.js';
import type { Money } from '../money/money.js';
import type { Period } from '../periods/period.js';
import type { AccountBookState, BookAccount } from './accountBook.js';
import { type AccountTier, accountTiers } from './accountTiers.js';
import { accountsInScope, type BookScope, mainCurrency } from './bookScope.js';
import { comparePeriods, compareText, sortedRecord } from './ordering.js';
import { periodsWithin, previousRange, trailingTwelveMonths } from './revenueInRange.js';
import { satisfactionByTime } from './scoringFacts.js';

/** Options of {@link bookOfBusiness}. */
export interface BookOptions {
  /** The day the book is read for, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** The revenue periods to sum (default: the twelve months before `asOf`). */
  readonly range?: PeriodRange;
  /** The currency of the totals (default: the one most accounts of the scope use). */
  readonly currency?: string;
  /** Each account's tier (default: `accountTiers(book, { asOf })`). */
  readonly tiers?: Readonly<Record<string, AccountTier>>;
}

/** One account of a book, with its figures over the range. Money in the book's currency. */
export interface BookAccountLine {
  readonly accountId: string;
  readonly name: string;
  readonly status: AccountStatus;
  /** Its tier; null for a lost account or one without a tier. */
  readonly tier: 'A' | 'B' | 'C' | null;
  readonly ownerRepId: string;
  readonly territoryId: string | null;
  readonly parentAccountId: string | null;
  /** Revenue over the range. */
  readonly revenue: Money;
  /** Revenue over the range of the same length before (the trend's other end). */
  readonly previousRevenue: Money;
  /** Revenue over the range by product line, minor units. */
  readonly revenueByProductLine: Readonly<Record<string, number>>;
  /** Revenue over the range by recorded period (months and quarters), oldest first, minor units. */
  readonly revenueByPeriod: Readonly<Record<string, number>>;
  readonly openOpportunities: number;
  /** The open opportunities' value, unweighted. */
  readonly openPipeline: Money;
  /** The latest satisfaction score (0-10), or null when never measured. */
  readonly latestSatisfaction: number | null;
}

/** Revenue of one recorded period (a month or a quarter) of a book, in minor units. */
export interface RevenueOfPeriod {
  readonly period: Period;
  readonly totalMinor: number;
  readonly byProductLine: Readonly<Record<string, number>>;
}

/** A book of business: its accounts with their figures, and the totals. */
export interface BookOfBusiness {
  readonly scope: BookScope;
  readonly asOf: string;
  readonly range: PeriodRange;
  /** The range before, of the same length. */
  readonly previousRange: PeriodRange;
  /** The currency of every amount; null for a book with no account. */
  readonly currency: string | null;
  /** The accounts in `currency`, largest revenue first (then by name and id); lost ones too. */
  readonly accounts: readonly BookAccountLine[];
  /** Accounts of the scope kept in another currency: listed by id, left out of everything else. */
  readonly otherCurrencyAccountIds: readonly string[];
  readonly totals: {
    readonly accounts: number;
    readonly byStatus: Readonly<Record<AccountStatus, number>>;
    readonly byTier: Readonly<Record<'A' | 'B' | 'C' | 'none', number>>;
    readonly revenue: Money;
    readonly previousRevenue: Money;
    readonly revenueByProductLine: Readonly<Record<string, number>>;
    readonly openOpportunities: number;
    readonly openPipeline: Money;
  };
  /** Revenue of each recorded period within the range, oldest first. */
  readonly revenueByPeriod: readonly RevenueOfPeriod[];
}

/**
 * A rep's, a territory's, a team's or the whole book of business as of a day (seeds 001, 003):
 * its accounts with status, tier, revenue over the range and the range before, revenue by
 * product line, open pipeline and latest satisfaction; the totals; revenue by period and
 * product line. Pure; amounts are whole minor units of one currency.
 *
 * @throws {ValidationError} when tiers must be computed and `asOf` is not a date.
 * @example
 * ```ts
 * const book = bookOfBusiness(models.book, { rep: 'rep-1' }, { asOf: '2026-03-02' });
 * book.totals.revenue; // the rep's revenue over the last twelve months
 * ```
 */
export function bookOfBusiness(
  book: AccountBookState,
  scope: BookScope,
  options: BookOptions,
): BookOfBusiness {
  const range = options.range ?? trailingTwelveMonths(options.asOf);
  const before = previousRange(range);
  const inScope = accountsInScope(book, scope);
  const currency = options.currency ?? mainCurrency(inScope);
  const ours = inScope.filter((a) => a.currency === currency);
  const tiers =
    options.tiers ??
    accountTiers(book, { asOf: options.asOf, accountIds: ours.map((a) => a.accountId!) });
  const money = (amountMinor: number): Money => ({ amountMinor, currency: currency ?? 'XXX' });

  const byStatus: Record<AccountStatus, number> = { prospect: 0, active: 0, inactive: 0, lost: 0 };
  const byTier = { A: 0, B: 0, C: 0, none: 0 };
  const byLine: Record<string, number> = {};
  const byPeriod = new Map<Period, Record<string, number>>();
  let revenue = 0;
  let previous = 0;
  let openCount = 0;
  let openValue = 0;
  const inRange = periodsWithin(range);
  const inBefore = periodsWithin(before);
  const lines = ours.map((account): BookAccountLine => {
    const sums = revenueSums(account, inRange, inBefore, byPeriod);
    const line = accountLine(account, sums, tiers[account.accountId!]?.tier ?? null);
    byStatus[line.status] += 1;
    byTier[line.tier ?? 'none'] += 1;
    revenue += line.revenue.amountMinor;
    previous += line.previousRevenue.amountMinor;
    openCount += line.openOpportunities;
    openValue += line.openPipeline.amountMinor;
    for (const [productLine, amount] of Object.entries(line.revenueByProductLine)) {
      byLine[productLine] = (byLine[productLine] ?? 0) + amount;
    }
    return line;
  });
  lines.sort(
    (a, b) =>
      b.revenue.amountMinor - a.revenue.amountMinor ||
      compareText(a.name, b.name) ||
      compareText(a.accountId, b.accountId),
  );
  return {
    scope,
    asOf: options.asOf,
    range,
    previousRange: before,
    currency,
    accounts: lines,
    otherCurrencyAccountIds: inScope
      .filter((a) => a.currency !== currency)
      .map((a) => a.accountId as string),
    totals: {
      accounts: lines.length,
      byStatus,
      byTier,
      revenue: money(revenue),
      previousRevenue: money(previous),
      revenueByProductLine: sortedRecord(byLine),
      openOpportunities: openCount,
      openPipeline: money(openValue),
    },
    revenueByPeriod: [...byPeriod]
      .sort(([a], [b]) => comparePeriods(a, b))
      .map(([period, byProductLine]) => ({
        period,
        totalMinor: Object.values(byProductLine).reduce((sum, amount) => sum + amount, 0),
        byProductLine: sortedRecord(byProductLine),
      })),
  };
}

/** An account's revenue in the range and the one before, worked out in one pass over it. */
interface RevenueSums {
  readonly revenue: number;
  readonly previous: number;
  readonly byProductLine: Record<string, number>;
  /** Revenue of each period in the range, periods in time order. */
  readonly byPeriod: Record<string, number>;
}

/**
 * One pass over an account's revenue for everything a book line needs from it (the sums
 * `revenueInRange`, `revenueByProductLine` and a sum per period would give, in the same order),
 * adding the range's entries to the book's revenue by period and product line as it goes.
 */
function revenueSums(
  account: BookAccount,
  inRange: (period: Period) => boolean,
  inBefore: (period: Period) => boolean,
  bookByPeriod: Map<Period, Record<string, number>>,
): RevenueSums {
  let revenue = 0;
  let previous = 0;
  const byProductLine: Record<string, number> = {};
  const byPeriod: Record<string, number> = {};
  for (const {
    period,
    productLine,
    amount: { amountMinor },
  } of account.revenue) {
    if (inRange(period)) {
      revenue += amountMinor;
      byProductLine[productLine] = (byProductLine[productLine] ?? 0) + amountMinor;
      byPeriod[period] = (byPeriod[period] ?? 0) + amountMinor;
      let book = bookByPeriod.get(period);
      if (!book) {
        book = {};
        bookByPeriod.set(period, book);
      }
      book[productLine] = (book[productLine] ?? 0) + amountMinor;
    }
    if (inBefore(period)) previous += amountMinor;
  }
  const sorted: Record<string, number> = {};
  for (const period of Object.keys(byPeriod).sort(comparePeriods)) {
    sorted[period] = byPeriod[period]!;
  }
  return { revenue, previous, byProductLine, byPeriod: sorted };
}

function accountLine(
  account: BookAccount,
  sums: RevenueSums,
  tier: 'A' | 'B' | 'C' | null,
): BookAccountLine {
  const currency = account.currency as string;
  let openOpportunities = 0;
  let openPipeline = 0;
  for (const opportunity of Object.values(account.opportunities)) {
    if (opportunity.status !== 'open') continue;
    openOpportunities += 1;
    openPipeline += opportunity.value.amountMinor;
  }
  return {
    accountId: account.accountId as string,
    name: account.name as string,
    status: account.status as AccountStatus,
    tier: account.status === 'lost' ? null : tier,
    ownerRepId: account.ownerRepId as string,
    territoryId: account.territoryId,
    parentAccountId: account.parentAccountId,
    revenue: { amountMinor: sums.revenue, currency },
    previousRevenue: { amountMinor: sums.previous, currency },
    revenueByProductLine: sortedRecord(sums.byProductLine),
    revenueByPeriod: sums.byPeriod,
    openOpportunities,
    openPipeline: { amountMinor: openPipeline, currency },
    latestSatisfaction: satisfactionByTime(account).at(-1)?.score ?? null,
  };
}
