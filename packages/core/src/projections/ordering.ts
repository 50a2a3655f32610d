import type { Period } from '../periods/period.js';

// The orders every read-model query sorts by, so that equal figures always list alike.

/** Code-unit order, the one total order of strings that does not depend on a locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Months and quarters in time order; a quarter after the months it starts with. */
export function comparePeriods(a: Period, b: Period): number {
  const start = (p: Period) =>
    p.slice(0, 4) + (p.includes('Q') ? firstMonthOfQuarter(p) : p.slice(5, 7));
  return compareText(start(a), start(b)) || compareText(a, b);
}

function firstMonthOfQuarter(quarter: string): string {
  return String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0');
}

/** A copy of a record with its keys in code-unit order, so that equal figures print alike. */
export function sortedRecord<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const key of Object.keys(record).sort(compareText)) out[key] = record[key] as V;
  return out;
}
