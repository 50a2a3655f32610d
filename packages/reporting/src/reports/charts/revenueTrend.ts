import { isQuarter, monthFromNumber, monthNumber, type PeriodRange } from '@account-planning/core';
import type { ChartBlock, ChartDatum } from '../../document/chartBlock.js';
import { formatMoney } from '../../formatting/formatValue.js';

/** Revenue per period, oldest first: months, or quarters when some revenue is kept by quarter. */
export interface RevenueTrend {
  readonly granularity: 'month' | 'quarter';
  /** Every period of the range in order, none missing (0 where nothing was recorded). */
  readonly periods: readonly string[];
  /** Revenue of each period (by index), minor units. */
  readonly totals: readonly number[];
  /** Revenue of each period by product line (by index), minor units. */
  readonly byProductLine: readonly Readonly<Record<string, number>>[];
}

/** A revenue entry as the trend reads it. */
interface TrendEntry {
  readonly period: string;
  readonly productLine: string;
  readonly amount: { readonly amountMinor: number };
}

/** The periods a trend shows, and where an entry's month falls among them. */
interface TrendAxis {
  readonly periods: readonly string[];
  /** The month number of the first shown period's first month. */
  readonly first: number;
  /** Months per period: 1 or 3. */
  readonly step: number;
}

// A pack draws a trend per account over the same range, mostly from the same start: the axis
// (periods and their positions) is worked out once per range, granularity and start.
const axes = new Map<string, TrendAxis>();

function axisOf(range: PeriodRange, quarterly: boolean, startMonth: string | undefined): TrendAxis {
  const key = `${range.from}|${range.to}|${quarterly}|${startMonth ?? ''}`;
  let axis = axes.get(key);
  if (axis) return axis;
  const from = monthNumber(range.from);
  const to = monthNumber(range.to);
  // Quarters wholly inside the range: from the first quarter that starts in it.
  const step = quarterly ? 3 : 1;
  let first = quarterly ? from + ((3 - (from % 3)) % 3) : from;
  // Periods before `startMonth` are left out: those whose last month is before it.
  if (startMonth !== undefined) {
    const start = monthNumber(startMonth);
    while (first + step - 1 < start) first += step;
  }
  const periods: string[] = [];
  for (let m = first; m + step - 1 <= to; m += step) {
    const month = monthFromNumber(m);
    periods.push(quarterly ? `${month.slice(0, 4)}-Q${(m % 12) / 3 + 1}` : month);
  }
  axis = { periods, first, step };
  if (axes.size < 1_000) axes.set(key, axis);
  return axis;
}

/** The number of the first month of a month or quarter (`2026-Q2` is April's). */
function firstMonthOf(period: string): number {
  if (!isQuarter(period)) return monthNumber(period);
  // `2026-Q2`: the year's digits, then the quarter's at index 6; no string is made.
  const year =
    (period.charCodeAt(0) - 48) * 1000 +
    (period.charCodeAt(1) - 48) * 100 +
    (period.charCodeAt(2) - 48) * 10 +
    (period.charCodeAt(3) - 48);
  return year * 12 + (period.charCodeAt(6) - 49) * 3;
}

/**
 * Revenue per period over `range` (whole months): month by month when every entry in the range
 * is a month's, else quarter by quarter, months added into their quarter, and only quarters
 * wholly inside the range (a quarter in progress would read as a fall). Periods before
 * `startMonth` (when the account was opened) are left out, so a trend does not start with
 * months in which there was no account to buy anything.
 */
export function revenueTrend(
  entries: readonly TrendEntry[],
  range: PeriodRange,
  startMonth?: string,
): RevenueTrend {
  return revenueTrendOf([entries], range, startMonth);
}

/**
 * {@link revenueTrend} of the entries of several lists taken together (a book's accounts'
 * revenue), without copying them into one list.
 */
export function revenueTrendOf(
  lists: readonly (readonly TrendEntry[])[],
  range: PeriodRange,
  startMonth?: string,
): RevenueTrend {
  const from = monthNumber(range.from);
  const to = monthNumber(range.to);
  // An entry is in the range when all its months are (see core's periodWithin).
  let quarterly = false;
  search: for (const entries of lists) {
    for (const { period } of entries) {
      if (!isQuarter(period)) continue;
      const first = firstMonthOf(period);
      if (first >= from && first + 2 <= to) {
        quarterly = true;
        break search;
      }
    }
  }
  const { periods, first, step } = axisOf(range, quarterly, startMonth);
  const totals = periods.map(() => 0);
  const byProductLine: Record<string, number>[] = periods.map(() => ({}));
  for (const entries of lists) {
    for (const entry of entries) {
      const month = firstMonthOf(entry.period);
      const last = isQuarter(entry.period) ? month + 2 : month;
      if (month < from || last > to) continue;
      const offset = month - first;
      if (offset < 0) continue;
      // A month counts in its quarter; a quarter starts on a step.
      const i = Math.floor(offset / step);
      if (i >= periods.length) continue;
      totals[i]! += entry.amount.amountMinor;
      const lines = byProductLine[i]!;
      lines[entry.productLine] = (lines[entry.productLine] ?? 0) + entry.amount.amountMinor;
    }
  }
  return { granularity: quarterly ? 'quarter' : 'month', periods, totals, byProductLine };
}

// A pack words hundreds of trends: one formatter per locale.
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** A period in words for alt text: `Q1 2026`, `March 2026`. */
export function periodInWords(period: string, locale: string): string {
  if (isQuarter(period)) return `${period.slice(5)} ${period.slice(0, 4)}`;
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  return format.format(Date.parse(`${period}-01`));
}

/**
 * One account's revenue trend as a sparkline (seed 003: "where revenue came from last year,
 * and where it is coming from this year"): a compact line, the cheapest chart, so a pack can
 * draw one per account. Null when fewer than two periods are there to draw.
 */
export function accountRevenueTrendChart(
  accountName: string,
  trend: RevenueTrend,
  currency: string,
  locale: string,
): ChartBlock | null {
  if (trend.periods.length < 2) return null;
  const unit = trend.granularity;
  const first = trend.totals[0]!;
  const last = trend.totals.at(-1)!;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const direction = last > first ? 'up' : last < first ? 'down' : 'level';
  return {
    type: 'chart',
    kind: 'line',
    size: 'compact',
    caption: `Revenue by ${unit}`,
    alt: `${accountName}: revenue by ${unit} from ${periodInWords(trend.periods[0]!, locale)} to ${periodInWords(trend.periods.at(-1)!, locale)}, ${direction}: ${money(first)} to ${money(last)}.`,
    x: { field: 'period', label: unit === 'month' ? 'Month' : 'Quarter', format: unit },
    y: { field: 'revenue', label: 'Revenue', format: { type: 'money', currency } },
    data: trend.periods.map((period, i) => ({ period, revenue: trend.totals[i]! })),
  };
}

/**
 * A book's revenue trend by period, stacked by product line: the revenue-trend chart of a
 * review pack or an annual pack. Null when there is nothing to draw.
 */
export function bookRevenueTrendChart(
  caption: string,
  trend: RevenueTrend,
  currency: string,
  locale: string,
): ChartBlock | null {
  if (trend.periods.length === 0 || trend.totals.every((total) => total === 0)) return null;
  const lines = [...new Set(trend.byProductLine.flatMap((byLine) => Object.keys(byLine)))].sort();
  const data: ChartDatum[] = trend.periods.flatMap((period, i) =>
    lines.map((line) => ({ period, line, revenue: trend.byProductLine[i]![line] ?? 0 })),
  );
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const peak = Math.max(...trend.totals);
  const peakAt = trend.periods[trend.totals.indexOf(peak)]!;
  return {
    type: 'chart',
    kind: 'stackedBar',
    caption,
    alt: `${caption}: ${money(trend.totals[0]!)} in ${periodInWords(trend.periods[0]!, locale)}, ${money(trend.totals.at(-1)!)} in ${periodInWords(trend.periods.at(-1)!, locale)}; the highest, ${money(peak)}, in ${periodInWords(peakAt, locale)}. Product lines: ${lines.join(', ')}.`,
    x: {
      field: 'period',
      label: trend.granularity === 'month' ? 'Month' : 'Quarter',
      format: trend.granularity,
    },
    y: { field: 'revenue', label: 'Revenue', format: { type: 'money', currency } },
    series: { field: 'line', label: 'Product line' },
    data,
  };
}
