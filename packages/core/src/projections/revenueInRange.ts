import type { PeriodRange } from '../metrics/revenueRetention.js';
import { addMonths, isQuarter, monthOf, type Period } from '../periods/period.js';
import type { BookAccount, BookRevenueEntry } from './accountBook.js';

/** The number of a month (`2026-03`) counted from year 0, for range arithmetic. */
export function monthNumber(month: string): number {
  // Digit arithmetic rather than Number(slice): revenue ranges test every entry of a book, and a
  // pack reads hundreds of books' worth of entries.
  return year(month) * 12 + (month.charCodeAt(5) - 48) * 10 + (month.charCodeAt(6) - 48) - 1;
}

const year = (period: string): number =>
  (period.charCodeAt(0) - 48) * 1000 +
  (period.charCodeAt(1) - 48) * 100 +
  (period.charCodeAt(2) - 48) * 10 +
  (period.charCodeAt(3) - 48);

/** The month of a month number (the inverse of {@link monthNumber}). */
export function monthFromNumber(n: number): string {
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The number of the first month a period covers. */
function firstMonth(period: Period): number {
  // `2026-Q2`: the quarter's digit is at index 6.
  return isQuarter(period)
    ? year(period) * 12 + (period.charCodeAt(6) - 49) * 3
    : monthNumber(period);
}

/** The number of the last month a period covers. */
function lastMonth(period: Period): number {
  return isQuarter(period) ? firstMonth(period) + 2 : monthNumber(period);
}

/**
 * True when a revenue entry's period lies wholly within `range`: a month inside it, or a
 * quarter whose three months are all inside it (a quarter's revenue cannot be split by month).
 */
export function periodWithin(period: Period, range: PeriodRange): boolean {
  // No allocation: a book's every revenue entry is tested against a range, several times a report.
  return withinMonths(period, firstMonth(range.from), lastMonth(range.to));
}

/** {@link periodWithin} for a range given as its first and last month numbers. */
function withinMonths(period: Period, from: number, to: number): boolean {
  if (isQuarter(period)) {
    const first = year(period) * 12 + (period.charCodeAt(6) - 49) * 3;
    return first >= from && first + 2 <= to;
  }
  const month = monthNumber(period);
  return month >= from && month <= to;
}

/**
 * A test of periods against `range` (see {@link periodWithin}) with the range's bounds worked
 * out once: for code that tests a book's every entry against the same range.
 */
export function periodsWithin(range: PeriodRange): (period: Period) => boolean {
  const from = firstMonth(range.from);
  const to = lastMonth(range.to);
  return (period) => withinMonths(period, from, to);
}

/**
 * An account's revenue after corrections over the periods within `range` (see
 * {@link periodWithin}), in minor units of the account's currency; only `productLine` when given.
 */
export function revenueInRange(
  account: Pick<BookAccount, 'revenue'>,
  range: PeriodRange,
  productLine?: string,
): number {
  const from = firstMonth(range.from);
  const to = lastMonth(range.to);
  let total = 0;
  for (const entry of account.revenue) {
    if (productLine !== undefined && entry.productLine !== productLine) continue;
    if (withinMonths(entry.period, from, to)) total += entry.amount.amountMinor;
  }
  return total;
}

/** An account's revenue within `range` by product line, in minor units. */
export function revenueByProductLine(
  account: Pick<BookAccount, 'revenue'>,
  range: PeriodRange,
): Record<string, number> {
  const from = firstMonth(range.from);
  const to = lastMonth(range.to);
  const byLine: Record<string, number> = {};
  for (const entry of account.revenue) {
    if (!withinMonths(entry.period, from, to)) continue;
    byLine[entry.productLine] = (byLine[entry.productLine] ?? 0) + entry.amount.amountMinor;
  }
  return byLine;
}

/** The entries of an account within `range`, in the order recorded. */
export function revenueEntriesInRange(
  account: Pick<BookAccount, 'revenue'>,
  range: PeriodRange,
): BookRevenueEntry[] {
  const within = periodsWithin(range);
  return account.revenue.filter((entry) => within(entry.period));
}

/**
 * The twelve full months before the month of `asOf` (`2026-03-14` -> `2025-03` to `2026-02`):
 * "the last twelve months" of every figure that needs one. The month in progress is left out,
 * since its revenue is not all recorded yet.
 */
export function trailingTwelveMonths(asOf: string): PeriodRange {
  const month = monthOf(asOf);
  return { from: addMonths(month, -12), to: addMonths(month, -1) };
}

/** The range of the same length just before `range` (`2025-03..2026-02` -> `2024-03..2025-02`). */
export function previousRange(range: PeriodRange): PeriodRange {
  const from = firstMonth(range.from);
  const to = lastMonth(range.to);
  const length = to - from + 1;
  return { from: monthFromNumber(from - length), to: monthFromNumber(from - 1) };
}
