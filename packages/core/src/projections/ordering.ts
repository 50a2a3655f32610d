import type { Period } from '../periods/period.js';

// The orders every read-model query sorts by, so that equal figures always list alike.

/** Code-unit order, the one total order of strings that does not depend on a locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Months and quarters in time order; a quarter after the months it starts with. */
export function comparePeriods(a: Period, b: Period): number {
  // By first month, worked out from the digits: a book's periods are sorted for every account.
  return startMonth(a) - startMonth(b) || compareText(a, b);
}

/** The number of a period's first month (`2026-Q2` is April's), counted from year 0. */
function startMonth(period: Period): number {
  const year =
    (period.charCodeAt(0) - 48) * 1000 +
    (period.charCodeAt(1) - 48) * 100 +
    (period.charCodeAt(2) - 48) * 10 +
    (period.charCodeAt(3) - 48);
  // `2026-Q2`: the quarter's digit is at index 6; `2026-04`: the month's digits at 5 and 6.
  return period.charCodeAt(5) === 81
    ? year * 12 + (period.charCodeAt(6) - 49) * 3
    : year * 12 + (period.charCodeAt(5) - 48) * 10 + (period.charCodeAt(6) - 48) - 1;
}

/** A copy of a record with its keys in code-unit order, so that equal figures print alike. */
export function sortedRecord<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const key of Object.keys(record).sort(compareText)) out[key] = record[key] as V;
  return out;
}
