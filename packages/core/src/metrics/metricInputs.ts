import { ValidationError } from '../errors.js';
import { CurrencyCode, type Money } from '../money/money.js';

// Checks for the inputs of metrics: each rejects bad input with a ValidationError at its path,
// so that no metric ever computes with NaN, Infinity, negative money or mixed currencies.

export type Path = readonly (string | number)[];

function invalid(path: Path, message: string, code: string): ValidationError {
  const where = path.length > 0 ? ` at ${path.join('.')}` : '';
  return new ValidationError(`Invalid metric input${where}: ${message}`, [
    { path: [...path], message, code },
  ]);
}

/** The currency code, checked. */
export function checkCurrency(currency: string, path: Path = ['currency']): string {
  if (!CurrencyCode.safeParse(currency).success) {
    throw invalid(
      path,
      `expected an ISO 4217 code such as EUR, got ${JSON.stringify(currency)}`,
      'invalid_currency',
    );
  }
  return currency;
}

/** The minor units of `money`, checked to be a non-negative safe integer in `currency`. */
export function amountOf(money: Money, currency: string, path: Path): number {
  if (money === null || typeof money !== 'object') {
    throw invalid(path, 'expected money: { amountMinor, currency }', 'invalid_money');
  }
  const amount = money.amountMinor;
  if (!(Number.isSafeInteger(amount) && amount >= 0)) {
    throw invalid(
      [...path, 'amountMinor'],
      `expected non-negative whole minor units, got ${String(amount)}`,
      'invalid_money',
    );
  }
  if (money.currency !== currency) {
    throw invalid(
      [...path, 'currency'],
      `expected ${currency}, got ${String(money.currency)}: one currency per calculation`,
      'currency_mismatch',
    );
  }
  return amount;
}

/** A finite number in [min, max]. */
export function checkNumber(value: number, path: Path, min: number, max: number): number {
  if (!(typeof value === 'number' && value >= min && value <= max)) {
    throw invalid(
      path,
      `expected a number from ${min} to ${max}, got ${String(value)}`,
      'out_of_range',
    );
  }
  return value;
}

/** A sum of minor units, checked to stay a safe integer. */
export function checkTotal(total: number, path: Path): number {
  if (!Number.isSafeInteger(total)) {
    throw invalid(path, 'the amounts add up to more than 2^53 minor units', 'too_big');
  }
  return total;
}

/** `amountMinor` of `currency`. */
export function moneyOf(amountMinor: number, currency: string): Money {
  return { amountMinor, currency };
}
