import { ValidationError } from '../errors.js';
import type { Money } from '../money/money.js';
import { amountOf, checkCurrency, checkTotal, moneyOf } from './metricInputs.js';

/**
 * One lost account and why (seed 004): `inevitable` (acquired, went out of business, ...) or
 * `controllable` (price, service, competitor, relationship, ...). The domain's loss reason
 * (category and cause) maps onto it, with the revenue the account brought before it was lost.
 */
export interface AccountLoss {
  readonly accountId: string;
  readonly category: 'inevitable' | 'controllable';
  /** The cause within the category (`acquired`, `price`, ...). */
  readonly cause: string;
  /** The revenue lost with it (say, its revenue in the base range of a retention window). */
  readonly lostRevenue: Money;
}

/** A count of lost accounts and the revenue lost with them. */
export interface LossTotal {
  readonly accounts: number;
  readonly revenue: Money;
}

/** Losses of one cause. */
export interface CauseLosses extends LossTotal {
  readonly category: 'inevitable' | 'controllable';
  readonly cause: string;
}

/** Losses by reason: every loss is counted once in `byCategory` and once in `byCause`. */
export interface LossesByReason {
  readonly total: LossTotal;
  readonly byCategory: { readonly inevitable: LossTotal; readonly controllable: LossTotal };
  /** Sorted by revenue lost (largest first), then category and cause. */
  readonly byCause: readonly CauseLosses[];
}

/**
 * Losses by reason, inevitable against controllable (seed 004: "discover if the losses are
 * because of something inevitable ... or because you haven't been managing them properly").
 * The categories' and the causes' counts and revenues each add up to the total exactly.
 *
 * @throws {ValidationError} for an unknown category, an empty cause, negative money, another
 * currency, or the same account lost twice.
 */
export function lossesByReason(losses: readonly AccountLoss[], currency: string): LossesByReason {
  checkCurrency(currency);
  const seen = new Set<string>();
  const categories = {
    inevitable: { accounts: 0, revenue: 0 },
    controllable: { accounts: 0, revenue: 0 },
  };
  const causes = new Map<
    string,
    { category: AccountLoss['category']; cause: string; accounts: number; revenue: number }
  >();
  losses.forEach((loss, i) => {
    if (loss.category !== 'inevitable' && loss.category !== 'controllable') {
      const message = `expected inevitable or controllable, got ${JSON.stringify(loss.category)}`;
      throw new ValidationError(`Invalid loss ${i}: ${message}`, [
        { path: ['losses', i, 'category'], message, code: 'invalid_value' },
      ]);
    }
    if (typeof loss.cause !== 'string' || loss.cause.length === 0) {
      throw new ValidationError(`Invalid loss ${i}: the cause is empty`, [
        { path: ['losses', i, 'cause'], message: 'expected a cause', code: 'invalid_value' },
      ]);
    }
    if (seen.has(loss.accountId)) {
      const message = `account ${loss.accountId} is counted as lost twice`;
      throw new ValidationError(`Invalid loss ${i}: ${message}`, [
        { path: ['losses', i, 'accountId'], message, code: 'duplicate_id' },
      ]);
    }
    seen.add(loss.accountId);
    const amount = amountOf(loss.lostRevenue, currency, ['losses', i, 'lostRevenue']);
    const category = categories[loss.category];
    category.accounts++;
    category.revenue += amount;
    const key = `${loss.category}\u0000${loss.cause}`;
    let cause = causes.get(key);
    if (!cause) {
      cause = { category: loss.category, cause: loss.cause, accounts: 0, revenue: 0 };
      causes.set(key, cause);
    }
    cause.accounts++;
    cause.revenue += amount;
  });
  const total = checkTotal(categories.inevitable.revenue + categories.controllable.revenue, [
    'losses',
  ]);
  const byCause = [...causes.values()]
    .sort(
      (a, b) =>
        b.revenue - a.revenue ||
        (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) ||
        (a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0),
    )
    .map((c) => ({ ...c, revenue: moneyOf(c.revenue, currency) }));
  const totalOf = (t: { accounts: number; revenue: number }): LossTotal => ({
    accounts: t.accounts,
    revenue: moneyOf(t.revenue, currency),
  });
  return {
    total: { accounts: losses.length, revenue: moneyOf(total, currency) },
    byCategory: {
      inevitable: totalOf(categories.inevitable),
      controllable: totalOf(categories.controllable),
    },
    byCause,
  };
}
