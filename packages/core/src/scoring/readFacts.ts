import { ValidationError } from '../errors.js';
import type { Money } from '../money/money.js';

// Readers for the facts that subjects score: each checks what it reads and throws a
// ValidationError naming the fact, so that bad input never becomes a NaN score.

/** The minor units of an amount (`undefined` when absent), checked to be a non-negative safe integer. */
export function minorUnitsOf(money: Money | undefined, field: string): number | undefined {
  if (money === undefined) return undefined;
  const amount = money.amountMinor;
  if (!(Number.isSafeInteger(amount) && amount >= 0)) {
    const message = `expected non-negative whole minor units, got ${String(amount)}`;
    throw new ValidationError(`Invalid ${field}: ${message}`, [
      { path: [field, 'amountMinor'], message, code: 'invalid_money' },
    ]);
  }
  return amount;
}

/** A number (`undefined` when absent), checked to lie in [min, max]. */
export function numberInRange(
  value: number | undefined,
  min: number,
  max: number,
  field: string,
): number | undefined {
  if (value === undefined) return undefined;
  if (!(typeof value === 'number' && value >= min && value <= max)) {
    const message = `expected a number from ${min} to ${max}, got ${String(value)}`;
    throw new ValidationError(`Invalid ${field}: ${message}`, [
      { path: [field], message, code: 'out_of_range' },
    ]);
  }
  return value;
}

/** A count: a whole number from 0. */
export function countOf(value: number, field: string): number {
  if (!(Number.isSafeInteger(value) && value >= 0)) {
    const message = `expected a whole number from 0, got ${String(value)}`;
    throw new ValidationError(`Invalid ${field}: ${message}`, [
      { path: [field], message, code: 'out_of_range' },
    ]);
  }
  return value;
}
