import {
  addMonths,
  isQuarter,
  monthsOf,
  type PeriodRange,
  periodWithin,
  quarterOf,
} from '@account-planning/core';
import { arbitraryMonth } from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RevenueTrend, revenueTrend, revenueTrendOf } from './revenueTrend.js';

interface Entry {
  readonly period: string;
  readonly productLine: string;
  readonly amount: { readonly amountMinor: number };
}

// The trend as its definition reads, one period string at a time: the reference the fast
// version (an axis worked out once per range, entries placed by month arithmetic) must match.
function referenceTrend(
  entries: readonly Entry[],
  range: PeriodRange,
  startMonth?: string,
): RevenueTrend {
  const within = entries.filter((entry) => periodWithin(entry.period, range));
  const quarterly = within.some((entry) => isQuarter(entry.period));
  const months: string[] = [];
  for (let m = range.from; m <= range.to; m = addMonths(m, 1)) months.push(m);
  const periods = quarterly
    ? [...new Set(months.map(quarterOf))].filter((q) =>
        monthsOf(q).every((m) => m >= range.from && m <= range.to),
      )
    : months;
  const shown = periods.filter(
    (period) => startMonth === undefined || monthsOf(period).at(-1)! >= startMonth,
  );
  const index = new Map(shown.map((period, i) => [period, i]));
  const totals = shown.map(() => 0);
  const byProductLine: Record<string, number>[] = shown.map(() => ({}));
  for (const entry of within) {
    const period = quarterly && !isQuarter(entry.period) ? quarterOf(entry.period) : entry.period;
    const i = index.get(period);
    if (i === undefined) continue;
    totals[i]! += entry.amount.amountMinor;
    const lines = byProductLine[i]!;
    lines[entry.productLine] = (lines[entry.productLine] ?? 0) + entry.amount.amountMinor;
  }
  return { granularity: quarterly ? 'quarter' : 'month', periods: shown, totals, byProductLine };
}

describe('revenueTrend', () => {
  it('gives what its definition gives, for months, quarters, any range and start', () => {
    fc.assert(
      fc.property(
        arbitraryMonth(),
        fc.integer({ min: 0, max: 30 }),
        fc.array(
          fc.record({
            offset: fc.integer({ min: -6, max: 36 }),
            quarter: fc.boolean(),
            productLine: fc.constantFrom('Licences', 'Services', 'Support'),
            amountMinor: fc.integer({ min: -100_000, max: 1_000_000 }),
          }),
          { maxLength: 40 },
        ),
        fc.option(fc.integer({ min: -6, max: 36 }), { nil: undefined }),
        (from, length, raw, start) => {
          const range = { from, to: addMonths(from, length) };
          const entries = raw.map(({ offset, quarter, productLine, amountMinor }) => {
            const month = addMonths(from, offset);
            return {
              period: quarter ? quarterOf(month) : month,
              productLine,
              amount: { amountMinor },
            };
          });
          const startMonth = start === undefined ? undefined : addMonths(from, start);
          expect(revenueTrend(entries, range, startMonth)).toEqual(
            referenceTrend(entries, range, startMonth),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('of several lists, gives the trend of their entries in one list', () => {
    const entry = (from: string) =>
      fc
        .record({
          offset: fc.integer({ min: -6, max: 30 }),
          quarter: fc.boolean(),
          productLine: fc.constantFrom('Licences', 'Services'),
          amountMinor: fc.integer({ min: -100_000, max: 1_000_000 }),
        })
        .map(({ offset, quarter, productLine, amountMinor }) => {
          const month = addMonths(from, offset);
          return {
            period: quarter ? quarterOf(month) : month,
            productLine,
            amount: { amountMinor },
          };
        });
    fc.assert(
      fc.property(
        arbitraryMonth().chain((from) =>
          fc.tuple(
            fc.constant(from),
            fc.integer({ min: 0, max: 24 }),
            fc.array(fc.array(entry(from), { maxLength: 8 }), { maxLength: 6 }),
          ),
        ),
        ([from, length, lists]) => {
          const range = { from, to: addMonths(from, length) };
          expect(revenueTrendOf(lists, range, from)).toEqual(
            revenueTrend(lists.flat(), range, from),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the months of a range by quarter once one entry in it is a quarter', () => {
    const entries = [
      { period: '2025-Q1', productLine: 'Licences', amount: { amountMinor: 300 } },
      { period: '2025-05', productLine: 'Services', amount: { amountMinor: 50 } },
      { period: '2025-12', productLine: 'Services', amount: { amountMinor: 7 } },
    ];
    expect(revenueTrend(entries, { from: '2025-01', to: '2025-12' })).toEqual({
      granularity: 'quarter',
      periods: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'],
      totals: [300, 50, 0, 7],
      byProductLine: [{ Licences: 300 }, { Services: 50 }, {}, { Services: 7 }],
    });
    // From February, Q1 is not wholly inside the range: its entry is left out, and the months
    // are months again.
    expect(revenueTrend(entries, { from: '2025-02', to: '2025-12' }).periods).toHaveLength(11);
  });
});
