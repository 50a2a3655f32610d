import { describe, expect, it } from 'vitest';
import { portfolioConcentration, territoryExpectations, ValidationError } from '../index.js';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

describe('portfolioConcentration', () => {
  it('computes the HHI and the largest share over product lines, adding up lines of one product', () => {
    const c = portfolioConcentration(
      [
        { productLine: 'licences', revenue: eur(500) },
        { productLine: 'services', revenue: eur(300) },
        { productLine: 'licences', revenue: eur(200) },
      ],
      'EUR',
    );
    expect(c.shares.map((s) => [s.productLine, s.revenue.amountMinor, s.share])).toEqual([
      ['licences', 700, 0.7],
      ['services', 300, 0.3],
    ]);
    expect(c.hhi).toBeCloseTo(5800);
    expect(c.largest?.productLine).toBe('licences');
    expect(c.tooReliant).toBe(true);
  });

  it('does not flag an even spread, and takes thresholds from the caller', () => {
    const even = ['a', 'b', 'c', 'd'].map((productLine) => ({ productLine, revenue: eur(25) }));
    expect(portfolioConcentration(even, 'EUR')).toMatchObject({ hhi: 2500, tooReliant: false });
    expect(
      portfolioConcentration(even, 'EUR', { largestShare: 0.25, hhi: 10_000 }).tooReliant,
    ).toBe(true);
  });

  it('defines an empty book as HHI 0, no largest line, not reliant', () => {
    expect(portfolioConcentration([{ productLine: 'a', revenue: eur(0) }], 'EUR')).toEqual({
      total: eur(0),
      shares: [],
      hhi: 0,
      largest: null,
      tooReliant: false,
      empty: true,
    });
  });

  it('rejects thresholds out of range', () => {
    expect(() => portfolioConcentration([], 'EUR', { largestShare: 1.5, hhi: 10 })).toThrow(
      ValidationError,
    );
  });
});

describe('territoryExpectations', () => {
  const reps = [
    { rep: 'ann', tier: 'A' as const, revenue: eur(1_000_000), growthRate: 0.08 },
    { rep: 'bob', tier: 'C' as const, revenue: eur(3_000_000), growthRate: 0.08, winRate: 0.5 },
    { rep: 'cat', tier: 'B' as const, revenue: eur(1_000_000), growthRate: -0.2 },
  ];

  it('multiplies past growth by the tier and the market, never below zero', () => {
    const e = territoryExpectations(reps, 'EUR', { marketConditions: 1.1 });
    expect(e.map((r) => [r.rep, r.growthRate])).toEqual([
      ['ann', 0.08 * 1.25 * 1.1],
      ['bob', 0.08 * 0.75 * 1.1],
      ['cat', 0],
    ]);
    expect(e[0]!.growthGoal).toEqual(eur(110_000));
    expect(e[0]!.pipelineGoal).toEqual(eur(330_000)); // at the default 1/3 win rate
    expect(e[1]!.pipelineGoal).toEqual(eur(2 * e[1]!.growthGoal.amountMinor));
  });

  it('gives everyone the team revenue-weighted growth in uniform mode', () => {
    const e = territoryExpectations(reps, 'EUR', { mode: 'uniform' });
    const team = (0.08 * 1_000_000 + 0.08 * 3_000_000 - 0.2 * 1_000_000) / 5_000_000;
    expect(e.map((r) => r.growthRate)).toEqual([team, team, team]);
  });

  it('rejects a win rate of 0, a negative market factor and an unknown tier', () => {
    expect(() => territoryExpectations([{ ...reps[0]!, winRate: 0 }], 'EUR')).toThrow(
      ValidationError,
    );
    expect(() => territoryExpectations(reps, 'EUR', { marketConditions: -1 })).toThrow(
      ValidationError,
    );
    expect(() => territoryExpectations([{ ...reps[0]!, tier: 'D' as never }], 'EUR')).toThrow(
      ValidationError,
    );
  });

  it('suggests nothing for no reps', () => {
    expect(territoryExpectations([], 'EUR')).toEqual([]);
  });
});
