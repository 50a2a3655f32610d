import { CalendarDate, CurrencyCode } from '@account-planning/core';
import { z } from 'zod';

/** Digits after the decimal point for a percent or a plain number (0 to 4). */
const FractionDigits = z.number().int().min(0).max(4);

/** Plain text, shown as given. */
export const TextFormat = z.object({ type: z.literal('text') });
/** Plain text, shown as given. */
export type TextFormat = z.infer<typeof TextFormat>;

/** A calendar date (`YYYY-MM-DD`), shown in the report's locale. */
export const DateFormat = z.object({ type: z.literal('date') });
/** A calendar date (`YYYY-MM-DD`), shown in the report's locale. */
export type DateFormat = z.infer<typeof DateFormat>;

/**
 * Money: values are signed integers of minor units (cents) in `currency`, formatted with
 * `Intl.NumberFormat` from an exact decimal string, never through float arithmetic.
 */
export const MoneyFormat = z.object({ type: z.literal('money'), currency: CurrencyCode });
/** Money in integer minor units of one currency. */
export type MoneyFormat = z.infer<typeof MoneyFormat>;

/** A ratio shown as a percentage: `0.125` is shown as `12.5%`. */
export const PercentFormat = z.object({
  type: z.literal('percent'),
  /** Digits after the decimal point of the percentage; 0 unless given. */
  fractionDigits: FractionDigits.optional(),
});
/** A ratio shown as a percentage. */
export type PercentFormat = z.infer<typeof PercentFormat>;

/** A plain number, with an optional unit shown after it (`12 days`). */
export const NumberFormat = z.object({
  type: z.literal('number'),
  /** Digits after the decimal point, always shown; 0 unless given. */
  fractionDigits: FractionDigits.optional(),
  /** A short unit shown after the number (`days`, `accounts`). */
  unit: z.string().min(1).max(24).optional(),
});
/** A plain number with an optional unit. */
export type NumberFormat = z.infer<typeof NumberFormat>;

/** How a measured (numeric) value is shown: money, a percentage or a plain number. */
export const MeasureFormat = z.discriminatedUnion('type', [
  MoneyFormat,
  PercentFormat,
  NumberFormat,
]);
/** How a measured (numeric) value is shown. */
export type MeasureFormat = z.infer<typeof MeasureFormat>;

/** How any value in a report is shown: text, a date, money, a percentage or a number. */
export const ValueFormat = z.discriminatedUnion('type', [
  TextFormat,
  DateFormat,
  MoneyFormat,
  PercentFormat,
  NumberFormat,
]);
/** How any value in a report is shown. */
export type ValueFormat = z.infer<typeof ValueFormat>;

/** A value as it sits in the document: a string for text and dates, a number for measures. */
export type ReportValue = string | number;

/**
 * Why `value` does not fit `format`, or `undefined` when it does. Money must be a safe
 * integer of minor units, percentages and numbers finite, dates `YYYY-MM-DD`, text a string.
 */
export function valueProblem(format: ValueFormat, value: unknown): string | undefined {
  switch (format.type) {
    case 'text':
      return typeof value === 'string' ? undefined : 'expected text';
    case 'date':
      return CalendarDate.safeParse(value).success ? undefined : 'expected a date like 2026-03-14';
    case 'money':
      return Number.isSafeInteger(value)
        ? undefined
        : 'expected money as a whole number of minor units';
    case 'percent':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : 'expected a finite number';
  }
}
