import {
  addMonths,
  isQuarter,
  monthsOf,
  type PeriodRange,
  periodWithin,
  quarterOf,
} from '@account-planning/core';
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
  readonly amountMinor: number;
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
  const within = entries.filter((entry) => periodWithin(entry.period, range));
  const quarterly = within.some((entry) => isQuarter(entry.period));
  const months: string[] = [];
  for (let m = range.from; m <= range.to; m = addMonths(m, 1)) months.push(m);
  const periods = quarterly
    ? [...new Set(months.map(quarterOf))].filter((q) =>
        monthsOf(q).every((m) => m >= range.from && m <= range.to),
      )
    : months;
  const shown = periods.filter(
    (period) => startMonth === undefined || monthsOf(period).at(-1)! >= startMonth,
  );
  const index = new Map(shown.map((period, i) => [period, i]));
  const totals = shown.map(() => 0);
  const byProductLine: Record<string, number>[] = shown.map(() => ({}));
  for (const entry of within) {
    const period = quarterly && !isQuarter(entry.period) ? quarterOf(entry.period) : entry.period;
    const i = index.get(period);
    if (i === undefined) continue;
    totals[i]! += entry.amountMinor;
    const lines = byProductLine[i]!;
    lines[entry.productLine] = (lines[entry.productLine] ?? 0) + entry.amountMinor;
  }
  return { granularity: quarterly ? 'quarter' : 'month', periods: shown, totals, byProductLine };
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
