import { describe, expect, it } from 'vitest';
import {
  accountPriorityScorer,
  DEFAULT_TIER_THRESHOLDS,
  scoreAccountPriority,
  suggestTier,
  ValidationError,
} from '../index.js';

const scorer = accountPriorityScorer({ asOf: '2026-03-02' });
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

describe('account priority', () => {
  it('gives a large, long-standing, high-revenue account with potential full marks and tier A', () => {
    const p = scoreAccountPriority(
      {
        id: 'acme',
        employees: 20_000,
        revenue: eur(200_000_000),
        customerSince: '2015-01-01',
        potential: eur(150_000_000),
      },
      scorer,
    );
    expect(p.score).toBe(100);
    expect(p.suggestedTier).toBe('A');
    expect(p.explanation.points).toEqual([20, 35, 15, 30]);
    expect(p.accountId).toBe('acme');
  });

  it('scores a prospect with nothing known as 0, tier C', () => {
    const p = scoreAccountPriority({ id: 'new', revenue: eur(0) }, scorer);
    expect(p.score).toBe(0);
    expect(p.suggestedTier).toBe('C');
  });

  it('counts tenure in years up to asOf and never below zero', () => {
    const tenure = (customerSince: string) =>
      scorer.explain({ id: 'x', revenue: eur(0), customerSince }).contributions[2]!.value;
    expect(tenure('2024-03-02')).toBeCloseTo(2, 2);
    expect(tenure('2027-01-01')).toBe(0);
  });

  it('suggests tiers at the default thresholds, A from 70 and B from 40', () => {
    expect([100, 70, 69, 40, 39, 0].map((s) => suggestTier(s))).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'C',
    ]);
    expect(DEFAULT_TIER_THRESHOLDS).toEqual({ a: 70, b: 40 });
    expect(suggestTier(55, { a: 50, b: 20 })).toBe('A');
  });

  it('rejects thresholds out of order and negative facts', () => {
    expect(() => suggestTier(50, { a: 30, b: 40 })).toThrow(ValidationError);
    expect(() => scorer.score({ id: 'x', revenue: eur(-5) })).toThrow(ValidationError);
    expect(() => scorer.score({ id: 'x', revenue: eur(5), employees: -1 })).toThrow(
      ValidationError,
    );
    expect(() => scorer.score({ id: 'x', revenue: eur(5), customerSince: 'yesterday' })).toThrow(
      ValidationError,
    );
  });
});
