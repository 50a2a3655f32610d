import { z } from 'zod';

/** A calendar month as `YYYY-MM` (`2026-03`). */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month like 2026-03');
/** A calendar month as `YYYY-MM`. */
export type Month = z.infer<typeof Month>;

/** A calendar quarter as `YYYY-Qn` (`2026-Q1`). */
export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'expected a quarter like 2026-Q1');
/** A calendar quarter as `YYYY-Qn`. */
export type Quarter = z.infer<typeof Quarter>;

/** A reporting period: an ISO month or a quarter. */
export const Period = z.union([Month, Quarter]);
/** A reporting period: an ISO month or a quarter. */
export type Period = z.infer<typeof Period>;

/** A calendar date as `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date();
/** A calendar date as `YYYY-MM-DD`. */
export type CalendarDate = z.infer<typeof CalendarDate>;

/** An instant as an ISO 8601 date-time with a zone (`2026-03-02T09:00:00Z`). */
export const Instant = z.iso.datetime({ offset: true });
/** An instant as an ISO 8601 date-time. */
export type Instant = z.infer<typeof Instant>;

/** True when `value` is a quarter rather than a month. */
export function isQuarter(value: Period): value is Quarter {
  // `2026-Q1`: the one place a quarter differs from a month (`2026-01`).
  return value.charCodeAt(5) === 81;
}

/** The months of a period, in order (one for a month, three for a quarter). */
export function monthsOf(period: Period): Month[] {
  if (!isQuarter(period)) return [period];
  const year = period.slice(0, 4);
  const first = (Number(period.slice(6)) - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((m) => `${year}-${String(m).padStart(2, '0')}`);
}

/** The quarter a month falls in. */
export function quarterOf(month: Month): Quarter {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The month of a date or instant (`2026-03-14` -> `2026-03`). */
export function monthOf(dateOrInstant: string): Month {
  return dateOrInstant.slice(0, 7);
}

/** The month `count` months after `month` (negative counts go back). */
export function addMonths(month: Month, count: number): Month {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The number of whole days from `from` to `to` (`YYYY-MM-DD` or instants; negative if earlier). */
export function daysBetween(from: string, to: string): number {
  const day = 86_400_000;
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / day);
}

/** The date `count` days after a `YYYY-MM-DD` date. */
export function addDays(date: CalendarDate, count: number): CalendarDate {
  return new Date(Date.parse(date.slice(0, 10)) + count * 86_400_000).toISOString().slice(0, 10);
}
