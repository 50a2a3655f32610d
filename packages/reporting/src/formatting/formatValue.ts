import type { ReportValue, ValueFormat } from '../document/valueFormat.js';

/** The locale used when a document names none. */
export const DEFAULT_LOCALE = 'en-GB';

// Building an Intl formatter costs far more than using one, and a 500-account pack formats
// thousands of values: keep one per (locale, purpose). Keys are built by hand because
// serialising an options object on every call costs more than the formatting itself.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const digitsByCurrency = new Map<string, number>();

function numberFormat(
  key: string,
  locale: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const cacheKey = `${locale}|${key}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(cacheKey, format);
  }
  return format;
}

function dateFormat(
  key: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${key}`;
  let format = dateFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(cacheKey, format);
  }
  return format;
}

/** The number of minor-unit digits of a currency (2 for EUR, 0 for JPY, 3 for BHD). */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * The exact decimal string of an amount of minor units in major units (`-123456` EUR gives
 * `-1234.56`), by moving the decimal point in the digits: no float arithmetic, so amounts up
 * to `Number.MAX_SAFE_INTEGER` minor units stay exact.
 *
 * @throws {RangeError} when `amountMinor` is not a safe integer.
 */
export function minorToDecimal(amountMinor: number, currency: string): `${number}` {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Money must be a safe integer of minor units, got ${amountMinor}`);
  }
  const digits = currencyDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const whole = String(Math.abs(amountMinor));
  if (digits === 0) return `${sign}${whole}` as `${number}`;
  const padded = whole.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}` as `${number}`;
}

/**
 * Money for people: `amountMinor` minor units of `currency` in `locale`
 * (`formatMoney(123456, 'EUR', 'en-GB')` is `€1,234.56`). `compact` gives `€1.2m`.
 * Formats an exact decimal string, so no amount is rounded through a float.
 *
 * @throws {RangeError} when `amountMinor` is not a safe integer or `currency` is unknown.
 */
export function formatMoney(
  amountMinor: number,
  currency: string,
  locale: string = DEFAULT_LOCALE,
  options: { compact?: boolean } = {},
): string {
  const format = options.compact
    ? numberFormat(`money-compact|${currency}`, locale, {
        style: 'currency',
        currency,
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      })
    : numberFormat(`money|${currency}`, locale, { style: 'currency', currency });
  return format.format(minorToDecimal(amountMinor, currency));
}

/** A ratio as a percentage in `locale` (`0.125` with one fraction digit is `12.5%`). */
export function formatPercent(
  ratio: number,
  locale: string = DEFAULT_LOCALE,
  fractionDigits = 0,
): string {
  return numberFormat(`percent|${fractionDigits}`, locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

// A pack shows the same few hundred days (close dates, due dates) thousands of times.
const datesShown = new Map<string, string>();

/** A calendar date `YYYY-MM-DD` in `locale` (`14 Mar 2026`), read as a UTC day. */
export function formatDate(date: string, locale: string = DEFAULT_LOCALE): string {
  const day = date.slice(0, 10);
  const key = `${locale}|${day}`;
  let text = datesShown.get(key);
  if (text === undefined) {
    text = dateFormat('date', locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.parse(day),
    );
    if (datesShown.size < 20_000) datesShown.set(key, text);
  }
  return text;
}

/** An instant in `locale`, shown in `timeZone` and naming it (`14 Mar 2026, 09:00 UTC`). */
export function formatInstant(
  instant: string,
  locale: string = DEFAULT_LOCALE,
  timeZone = 'UTC',
): string {
  const options = { dateStyle: 'medium', timeStyle: 'short', timeZone } as const;
  const text = dateFormat(`instant|${timeZone}`, locale, options).format(Date.parse(instant));
  return `${text} ${timeZone}`;
}

/** A month `YYYY-MM` as a short label in `locale` (`Mar 26`). */
export function formatMonth(month: string, locale: string = DEFAULT_LOCALE): string {
  return dateFormat('month', locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    Date.parse(`${month.slice(0, 7)}-01`),
  );
}

/** A quarter `YYYY-Qn` as a short label (`Q1 26`). */
export function formatQuarter(quarter: string): string {
  return `${quarter.slice(5)} ${quarter.slice(2, 4)}`;
}

/**
 * Any report value for people, by its format: text as given, dates in the locale, money via
 * {@link formatMoney}, ratios as percentages, numbers with their unit. `null` is an empty
 * string.
 */
export function formatValue(
  format: ValueFormat,
  value: ReportValue | null,
  locale: string = DEFAULT_LOCALE,
): string {
  if (value === null) return '';
  switch (format.type) {
    case 'text':
      return String(value);
    case 'date':
      return formatDate(String(value), locale);
    case 'money':
      return formatMoney(Number(value), format.currency, locale);
    case 'percent':
      return formatPercent(Number(value), locale, format.fractionDigits ?? 0);
    case 'number': {
      const digits = format.fractionDigits ?? 0;
      // Fixed digits, so a column of numbers lines up on the decimal point.
      const text = numberFormat(`number|${digits}`, locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(Number(value));
      return format.unit ? `${text} ${format.unit}` : text;
    }
  }
}
