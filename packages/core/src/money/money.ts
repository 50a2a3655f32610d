import { z } from 'zod';

/** An ISO 4217 currency code (`EUR`, `USD`). */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR');
/** An ISO 4217 currency code. */
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** A non-negative whole number of minor units (cents), within JavaScript's safe integers. */
export const MinorUnits = z
  .number()
  .int('money is a whole number of minor units')
  .nonnegative('money must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

/**
 * An amount of money: a non-negative integer of minor units (cents) and its currency. Never a
 * float: every computed amount goes through {@link roundMinor}.
 */
export const Money = z.object({
  amountMinor: MinorUnits,
  currency: CurrencyCode,
});
/** An amount of money in integer minor units. */
export type Money = z.infer<typeof Money>;

/**
 * The one rounding rule for money: round half to even ("banker's rounding") to a whole number
 * of minor units. It is unbiased over many roundings, which matters when a revenue plan sums
 * hundreds of weighted amounts. Every computed amount in this library goes through it.
 *
 * @example
 * ```ts
 * roundMinor(2.5) // 2
 * roundMinor(3.5) // 4
 * roundMinor(-2.5) // -2
 * ```
 * @throws {RangeError} when `value` is not finite.
 */
export function roundMinor(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot round ${value} to minor units`);
  const floor = Math.floor(value);
  const fraction = value - floor;
  // Within floating-point noise of one half counts as one half.
  if (Math.abs(fraction - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(value) + 0;
}

/** `amountMinor` of `currency`. */
export function money(amountMinor: number, currency: CurrencyCode): Money {
  return { amountMinor, currency };
}
