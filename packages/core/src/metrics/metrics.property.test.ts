import {
  arbitraryAccountLosses,
  arbitraryPipelineItems,
  arbitraryRevenueLines,
} from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageChurnRate,
  lossesByReason,
  pipelineStocking,
  portfolioConcentration,
  type RevenueLine,
  retentionBy,
  revenuePlan,
  revenueRetention,
  weightedPipeline,
} from '../index.js';

const window = {
  base: { from: '2025-01', to: '2025-12' },
  current: { from: '2026-01', to: '2026-12' },
};
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const nextYear = (line: RevenueLine): RevenueLine => ({
  ...line,
  period: `${Number(line.period.slice(0, 4)) + 1}${line.period.slice(4)}`,
});

describe('retention (properties)', () => {
  it('keeps GRR at most 100%, NRR at least GRR, and every rate a number', () => {
    fc.assert(
      fc.property(arbitraryRevenueLines(), (lines) => {
        const r = revenueRetention(lines, window, 'EUR');
        expect(r.grossRevenueRetention).toBeLessThanOrEqual(1);
        expect(r.netRevenueRetention).toBeGreaterThanOrEqual(r.grossRevenueRetention);
        expect(r.logoRetention).toBeGreaterThanOrEqual(0);
        expect(r.logoRetention).toBeLessThanOrEqual(1);
        for (const rate of [r.logoRetention, r.grossRevenueRetention, r.netRevenueRetention]) {
          expect(Number.isFinite(rate)).toBe(true);
        }
        expect(r.lostRevenue.amountMinor).toBe(
          r.baseRevenue.amountMinor - r.retainedRevenue.amountMinor - contraction(lines),
        );
      }),
    );
  });

  it('retains exactly 100% of an unchanged book', () => {
    fc.assert(
      fc.property(arbitraryRevenueLines(), (lines) => {
        const base = lines.filter((l) => l.period.startsWith('2025'));
        const r = revenueRetention([...base, ...base.map(nextYear)], window, 'EUR');
        expect([r.logoRetention, r.grossRevenueRetention, r.netRevenueRetention]).toEqual([
          1, 1, 1,
        ]);
        expect(r.lostAccountIds).toEqual([]);
      }),
    );
  });

  it('splits the book into groups whose base and current revenue add up to the whole', () => {
    fc.assert(
      fc.property(arbitraryRevenueLines(), (lines) => {
        const whole = revenueRetention(lines, window, 'EUR');
        const groups = retentionBy(lines, window, 'EUR', {
          'acc-1': 'north',
          'acc-2': 'north',
          'acc-3': 'south',
        });
        const sum = (pick: (g: (typeof groups)[number]) => number) =>
          groups.reduce((s, g) => s + pick(g), 0);
        expect(sum((g) => g.retention.baseRevenue.amountMinor)).toBe(whole.baseRevenue.amountMinor);
        expect(sum((g) => g.retention.currentRevenue.amountMinor)).toBe(
          whole.currentRevenue.amountMinor,
        );
        expect(sum((g) => g.retention.accountsRetained)).toBe(whole.accountsRetained);
      }),
    );
  });

  it('keeps the average churn rate between 0 and 1', () => {
    fc.assert(
      fc.property(arbitraryRevenueLines(), fc.constantFrom(2, 3), (lines, years) => {
        const churn = averageChurnRate(lines, 'EUR', { lastYear: 2026, years });
        expect(churn.rate).toBeGreaterThanOrEqual(0);
        expect(churn.rate).toBeLessThanOrEqual(1);
        expect(churn.years).toHaveLength(years);
      }),
    );
  });
});

// The base revenue kept by retained accounts that shrank: base - current, summed.
function contraction(lines: readonly RevenueLine[]): number {
  const base = new Map<string, number>();
  const current = new Map<string, number>();
  for (const l of lines) {
    const target = l.period.startsWith('2025')
      ? base
      : l.period.startsWith('2026')
        ? current
        : undefined;
    target?.set(l.accountId, (target.get(l.accountId) ?? 0) + l.revenue.amountMinor);
  }
  let sum = 0;
  for (const [id, b] of base) {
    const c = current.get(id) ?? 0;
    if (b > 0 && c > 0 && c < b) sum += b - c;
  }
  return sum;
}

describe('losses (properties)', () => {
  it('adds up losses by category and by cause to the total, count and revenue', () => {
    fc.assert(
      fc.property(arbitraryAccountLosses(), (losses) => {
        const r = lossesByReason(losses, 'EUR');
        const { inevitable, controllable } = r.byCategory;
        expect(inevitable.accounts + controllable.accounts).toBe(r.total.accounts);
        expect(inevitable.revenue.amountMinor + controllable.revenue.amountMinor).toBe(
          r.total.revenue.amountMinor,
        );
        expect(r.byCause.reduce((s, c) => s + c.accounts, 0)).toBe(losses.length);
        expect(r.byCause.reduce((s, c) => s + c.revenue.amountMinor, 0)).toBe(
          losses.reduce((s, l) => s + l.lostRevenue.amountMinor, 0),
        );
      }),
    );
  });
});

describe('revenue plan and pipeline (properties)', () => {
  const money = fc.integer({ min: 0, max: 1_000_000_000 });

  it('plans exactly the current revenue of a book with no churn, pipeline or price change', () => {
    fc.assert(
      fc.property(money, (existing) => {
        const plan = revenuePlan(
          { existingRevenue: eur(existing), churnRate: 0, pipeline: [] },
          'EUR',
        );
        expect(plan.plannedRevenue).toEqual(eur(existing));
      }),
    );
  });

  it('adds its lines up to the planned revenue exactly, in whole minor units', () => {
    fc.assert(
      fc.property(
        money,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        arbitraryPipelineItems(),
        (existing, churnRate, priceIncreaseRate, pipeline) => {
          const p = revenuePlan(
            { existingRevenue: eur(existing), churnRate, priceIncreaseRate, pipeline },
            'EUR',
          );
          const lines = [
            p.expectedChurn,
            p.weightedExpansion,
            p.priceIncreases,
            p.plannedRevenue,
            p.notCounted,
          ];
          for (const line of lines) expect(Number.isSafeInteger(line.amountMinor)).toBe(true);
          expect(p.plannedRevenue.amountMinor).toBe(
            existing -
              p.expectedChurn.amountMinor +
              p.weightedExpansion.amountMinor +
              p.priceIncreases.amountMinor,
          );
        },
      ),
    );
  });

  it('never weighs the pipeline above its open value, and stocks the gap to the goal', () => {
    fc.assert(
      fc.property(arbitraryPipelineItems(), money, (items, goal) => {
        const s = pipelineStocking(items, eur(goal), 'EUR');
        expect(weightedPipeline(items, 'EUR')).toEqual(s.weightedPipeline);
        expect(s.weightedPipeline.amountMinor).toBeLessThanOrEqual(s.openPipeline.amountMinor);
        expect(s.openPipeline.amountMinor + s.gap.amountMinor).toBeGreaterThanOrEqual(goal);
        expect(s.met).toBe(s.gap.amountMinor === 0);
      }),
    );
  });
});

describe('concentration (properties)', () => {
  it('keeps the HHI between 10,000 / n and 10,000 and the shares adding up to 1', () => {
    fc.assert(
      fc.property(arbitraryRevenueLines(), (lines) => {
        const c = portfolioConcentration(lines, 'EUR');
        if (c.empty) {
          expect(c.hhi).toBe(0);
          return;
        }
        const n = c.shares.length;
        expect(c.hhi).toBeGreaterThanOrEqual(10_000 / n - 1e-6);
        expect(c.hhi).toBeLessThanOrEqual(10_000 + 1e-6);
        expect(c.shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 9);
        expect(c.largest).toEqual(c.shares[0]);
      }),
    );
  });
});
