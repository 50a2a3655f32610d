import { describe, expect, it } from 'vitest';
import {
  historicalWinRate,
  type PipelineItem,
  pipelineStocking,
  pipelineStockingBy,
  revenuePlan,
  ValidationError,
  weightedPipeline,
  workBackFromGoal,
} from '../index.js';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const item = (
  id: string,
  kind: PipelineItem['kind'],
  value: number,
  probability: number,
  owner?: string,
): PipelineItem => ({
  id,
  kind,
  value: eur(value),
  probability,
  ...(owner ? { owner } : {}),
});

describe('revenuePlan', () => {
  it('is existing revenue less churn plus weighted cross-sell and up-sell plus price increases', () => {
    const plan = revenuePlan(
      {
        existingRevenue: eur(1_000_000),
        churnRate: 0.1,
        priceIncreaseRate: 0.03,
        pipeline: [
          item('x', 'cross_sell', 200_000, 50),
          item('u', 'up_sell', 100_000, 25),
          item('p', 'price_increase', 10_000, 50),
          item('n', 'new_logo', 400_000, 50),
          item('r', 'renewal', 300_000, 90),
        ],
      },
      'EUR',
    );
    expect(plan).toEqual({
      existingRevenue: eur(1_000_000),
      expectedChurn: eur(100_000),
      weightedExpansion: eur(125_000),
      priceIncreases: eur(32_000), // 900,000 x 3% + 10,000 x 50%
      plannedRevenue: eur(1_057_000),
      notCounted: eur(470_000),
    });
  });

  it('plans exactly current revenue without churn, pipeline or price change', () => {
    expect(
      revenuePlan({ existingRevenue: eur(123_457), churnRate: 0, pipeline: [] }, 'EUR')
        .plannedRevenue,
    ).toEqual(eur(123_457));
  });

  it('rounds each line once, half to even', () => {
    const plan = revenuePlan({ existingRevenue: eur(5), churnRate: 0.5, pipeline: [] }, 'EUR');
    expect(plan.expectedChurn).toEqual(eur(2)); // 2.5 -> 2
    expect(plan.plannedRevenue).toEqual(eur(3));
  });

  it('rejects a churn rate outside 0-1, a negative price increase and a probability above 100', () => {
    expect(() =>
      revenuePlan({ existingRevenue: eur(1), churnRate: 1.2, pipeline: [] }, 'EUR'),
    ).toThrow(ValidationError);
    expect(() =>
      revenuePlan(
        { existingRevenue: eur(1), churnRate: 0, priceIncreaseRate: -0.1, pipeline: [] },
        'EUR',
      ),
    ).toThrow(ValidationError);
    expect(() =>
      revenuePlan(
        { existingRevenue: eur(1), churnRate: 0, pipeline: [item('x', 'up_sell', 1, 101)] },
        'EUR',
      ),
    ).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: ['pipeline', 0, 'probability'] })],
      }),
    );
  });
});

describe('weighted pipeline and stocking', () => {
  const pipeline = [
    item('a', 'up_sell', 1_000, 30, 'rep-1'),
    item('b', 'new_logo', 3_000, 50, 'rep-2'),
    item('c', 'renewal', 1, 50),
  ];

  it('weighs each value by its probability and rounds the sum once', () => {
    expect(weightedPipeline(pipeline, 'EUR')).toEqual(eur(1_800)); // 300 + 1500 + 0.5 -> 1800 (half to even)
    expect(weightedPipeline([], 'EUR')).toEqual(eur(0));
  });

  it('compares the open pipeline with the goal', () => {
    expect(pipelineStocking(pipeline, eur(8_002), 'EUR')).toEqual({
      openPipeline: eur(4_001),
      weightedPipeline: eur(1_800),
      goal: eur(8_002),
      coverage: 0.5,
      gap: eur(4_001),
      met: false,
    });
    expect(pipelineStocking(pipeline, eur(0), 'EUR')).toMatchObject({
      coverage: null,
      met: true,
      gap: eur(0),
    });
  });

  it('stocks per owner, including owners with a goal and no pipeline', () => {
    const byOwner = pipelineStockingBy(pipeline, { 'rep-1': eur(2_000), 'rep-3': eur(500) }, 'EUR');
    expect(
      byOwner.map((o) => [o.owner, o.openPipeline.amountMinor, o.goal.amountMinor, o.met]),
    ).toEqual([
      ['(unassigned)', 1, 0, true],
      ['rep-1', 1_000, 2_000, false],
      ['rep-2', 3_000, 0, true],
      ['rep-3', 0, 500, false],
    ]);
  });
});

describe('working back from a growth goal', () => {
  it('turns a 10% goal into the new revenue and the pipeline it needs at the win rate', () => {
    const plan = workBackFromGoal(
      {
        currentRevenue: eur(1_000_000),
        growthGoal: 0.1,
        churnRate: 0.05,
        priceIncreaseRate: 0.02,
        winRate: 0.25,
        openPipeline: eur(200_000),
      },
      'EUR',
    );
    expect(plan).toEqual({
      targetRevenue: eur(1_100_000),
      expectedChurn: eur(50_000),
      priceIncreases: eur(19_000),
      newRevenueNeeded: eur(131_000), // 1,100,000 - (1,000,000 - 50,000 + 19,000)
      pipelineNeeded: eur(524_000),
      pipelineGap: eur(324_000),
    });
  });

  it('needs no pipeline when existing revenue already meets the goal, even at a 0 win rate', () => {
    const plan = workBackFromGoal({ currentRevenue: eur(100), growthGoal: 0, winRate: 0 }, 'EUR');
    expect(plan.pipelineNeeded).toEqual(eur(0));
  });

  it('says null, not Infinity, when new revenue is needed and nothing is ever won', () => {
    const plan = workBackFromGoal({ currentRevenue: eur(100), growthGoal: 0.5, winRate: 0 }, 'EUR');
    expect(plan).toMatchObject({
      pipelineNeeded: null,
      pipelineGap: null,
      newRevenueNeeded: eur(50),
    });
  });

  it('computes the historical win rate by count or value, null without history', () => {
    const closed = [
      { outcome: 'won' as const, value: eur(300) },
      { outcome: 'lost' as const, value: eur(100) },
      { outcome: 'lost' as const, value: eur(200) },
    ];
    expect(historicalWinRate(closed, 'EUR')).toBeCloseTo(1 / 3);
    expect(historicalWinRate(closed, 'EUR', 'value')).toBe(0.5);
    expect(historicalWinRate([], 'EUR')).toBeNull();
    expect(() => historicalWinRate([{ outcome: 'maybe' as never, value: eur(1) }], 'EUR')).toThrow(
      ValidationError,
    );
  });
});
