import { describe, expect, it } from 'vitest';
import { type AccountLoss, lossesByReason, ValidationError } from '../index.js';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const loss = (
  accountId: string,
  category: AccountLoss['category'],
  cause: string,
  amount: number,
) => ({
  accountId,
  category,
  cause,
  lostRevenue: eur(amount),
});

describe('lossesByReason', () => {
  it('splits losses into inevitable and controllable, and by cause, largest first', () => {
    const r = lossesByReason(
      [
        loss('a', 'inevitable', 'acquired', 500),
        loss('b', 'controllable', 'price', 300),
        loss('c', 'controllable', 'service', 900),
        loss('d', 'controllable', 'price', 100),
      ],
      'EUR',
    );
    expect(r.total).toEqual({ accounts: 4, revenue: eur(1800) });
    expect(r.byCategory).toEqual({
      inevitable: { accounts: 1, revenue: eur(500) },
      controllable: { accounts: 3, revenue: eur(1300) },
    });
    expect(r.byCause.map((c) => [c.category, c.cause, c.accounts, c.revenue.amountMinor])).toEqual([
      ['controllable', 'service', 1, 900],
      ['inevitable', 'acquired', 1, 500],
      ['controllable', 'price', 2, 400],
    ]);
  });

  it('gives zeros for no losses', () => {
    expect(lossesByReason([], 'EUR')).toEqual({
      total: { accounts: 0, revenue: eur(0) },
      byCategory: {
        inevitable: { accounts: 0, revenue: eur(0) },
        controllable: { accounts: 0, revenue: eur(0) },
      },
      byCause: [],
    });
  });

  it('rejects an unknown category, the same account twice and negative money', () => {
    expect(() => lossesByReason([loss('a', 'bad luck' as never, 'x', 1)], 'EUR')).toThrow(
      ValidationError,
    );
    expect(() =>
      lossesByReason(
        [loss('a', 'inevitable', 'acquired', 1), loss('a', 'controllable', 'price', 1)],
        'EUR',
      ),
    ).toThrow(/counted as lost twice/);
    expect(() => lossesByReason([loss('a', 'inevitable', 'acquired', -1)], 'EUR')).toThrow(
      ValidationError,
    );
  });
});
