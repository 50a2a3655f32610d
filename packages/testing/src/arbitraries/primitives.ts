import type {
  CalendarDate,
  CurrencyCode,
  Instant,
  Money,
  Month,
  Quarter,
  Ulid,
  UserId,
} from '@account-planning/core';
import fc from 'fast-check';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
// 2020-01-01 to 2035-12-31: wide enough for multi-year plans, narrow enough to stay readable.
const FIRST_DAY = Date.UTC(2020, 0, 1);
const LAST_DAY = Date.UTC(2035, 11, 31);
const DAY = 86_400_000;

/** A ULID-shaped string: 26 Crockford base-32 characters, the first one at most `7`. */
export function arbitraryUlid(): fc.Arbitrary<Ulid> {
  return fc
    .tuple(
      fc.constantFrom(...'01234567'),
      fc.string({ unit: fc.constantFrom(...CROCKFORD), minLength: 25, maxLength: 25 }),
    )
    .map(([first, rest]) => first + rest);
}

/** A user id as a host product might give it (`rep-7`, `u_42`), valid for `UserId`. */
export function arbitraryUserId(): fc.Arbitrary<UserId> {
  return fc
    .tuple(fc.constantFrom('rep', 'mgr', 'u'), fc.integer({ min: 1, max: 999 }))
    .map(([prefix, n]) => `${prefix}-${n}`);
}

/** An ISO 4217 code, from a small set so that generated currencies collide often. */
export function arbitraryCurrency(): fc.Arbitrary<CurrencyCode> {
  return fc.constantFrom('EUR', 'USD', 'GBP');
}

/** A non-negative amount of minor units; by default up to ten million major units. */
export function arbitraryMinorUnits(max = 1_000_000_000): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max });
}

/** An amount of money in `currency` (default: any of {@link arbitraryCurrency}). */
export function arbitraryMoney(currency?: CurrencyCode, max?: number): fc.Arbitrary<Money> {
  return fc
    .tuple(
      currency === undefined ? arbitraryCurrency() : fc.constant(currency),
      arbitraryMinorUnits(max),
    )
    .map(([code, amountMinor]) => ({ amountMinor, currency: code }));
}

/** A calendar date `YYYY-MM-DD` between 2020 and 2035. */
export function arbitraryCalendarDate(): fc.Arbitrary<CalendarDate> {
  return fc
    .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY })
    .map((days) => new Date(FIRST_DAY + days * DAY).toISOString().slice(0, 10));
}

/** An instant (`2026-03-02T09:15:00.000Z`) between 2020 and 2035, to the second. */
export function arbitraryInstant(): fc.Arbitrary<Instant> {
  return fc
    .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / 1000 })
    .map((seconds) => new Date(FIRST_DAY + seconds * 1000).toISOString());
}

/** A month `YYYY-MM` between 2020 and 2035. */
export function arbitraryMonth(): fc.Arbitrary<Month> {
  return fc
    .tuple(fc.integer({ min: 2020, max: 2035 }), fc.integer({ min: 1, max: 12 }))
    .map(([year, month]) => `${year}-${String(month).padStart(2, '0')}`);
}

/** A quarter `YYYY-Qn` between 2020 and 2035. */
export function arbitraryQuarter(): fc.Arbitrary<Quarter> {
  return fc
    .tuple(fc.integer({ min: 2020, max: 2035 }), fc.integer({ min: 1, max: 4 }))
    .map(([year, quarter]) => `${year}-Q${quarter}`);
}

/** A short, non-empty line of text, as a person would type into a plan or a review. */
export function arbitraryText(maxLength = 40): fc.Arbitrary<string> {
  return fc
    .string({ minLength: 1, maxLength })
    .map((text) => text.trim())
    .filter((text) => text.length > 0);
}
