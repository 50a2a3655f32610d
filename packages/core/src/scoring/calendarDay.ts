import { ValidationError } from '../errors.js';

const DASH = 45;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The day number of a `YYYY-MM-DD` date (days since 1970-01-01), parsed by hand: scoring
 * reads one date per opportunity, and `Date.parse` would be most of the cost of a ranking.
 * Civil-from-days arithmetic after Howard Hinnant's `days_from_civil`.
 *
 * @throws {ValidationError} (path `[field]`) when `date` is not a real calendar date.
 */
export function calendarDay(date: string, field: string): number {
  if (
    typeof date !== 'string' ||
    date.length !== 10 ||
    date.charCodeAt(4) !== DASH ||
    date.charCodeAt(7) !== DASH
  ) {
    throw invalidDate(date, field);
  }
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (
    y < 0 ||
    m < 1 ||
    m > 12 ||
    d < 1 ||
    d > DAYS_IN_MONTH[m - 1]! ||
    (m === 2 && d === 29 && !leap)
  ) {
    throw invalidDate(date, field);
  }
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

// The digit at `index`, or a large negative number for any other character, which makes every
// range check below fail.
function digit(text: string, index: number): number {
  const c = text.charCodeAt(index) - 48;
  return c >= 0 && c <= 9 ? c : -100_000;
}

function invalidDate(date: unknown, field: string): ValidationError {
  const message = `expected a date like 2026-03-31, got ${JSON.stringify(date)}`;
  return new ValidationError(`Invalid ${field}: ${message}`, [
    { path: [field], message, code: 'invalid_date' },
  ]);
}
