import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsOf } from '../periods/period.js';
import { monthFromNumber, monthNumber, periodWithin, previousRange } from './revenueInRange.js';

const month = fc
  .record({ year: fc.integer({ min: 1900, max: 2999 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);
const quarter = fc
  .record({ year: fc.integer({ min: 1900, max: 2999 }), q: fc.integer({ min: 1, max: 4 }) })
  .map(({ year, q }) => `${year}-Q${q}`);

describe('month arithmetic of revenue ranges', () => {
  it('numbers months in order, one apart, and back again', () => {
    fc.assert(
      fc.property(month, (m) => {
        const n = monthNumber(m);
        expect(n).toBe(Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1);
        expect(monthFromNumber(n)).toBe(m);
      }),
    );
    expect(monthNumber('2026-01') - monthNumber('2025-12')).toBe(1);
  });

  it('holds a quarter within a range exactly when its three months are', () => {
    fc.assert(
      fc.property(quarter, month, month, (q, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const months = monthsOf(q);
        expect(periodWithin(q, { from, to })).toBe(months.every((m) => m >= from && m <= to));
      }),
    );
  });

  it('reads a quarter as a range bound by its months', () => {
    expect(periodWithin('2026-02', { from: '2026-Q1', to: '2026-Q1' })).toBe(true);
    expect(periodWithin('2026-04', { from: '2026-Q1', to: '2026-Q1' })).toBe(false);
    expect(previousRange({ from: '2026-Q1', to: '2026-Q4' })).toEqual({
      from: '2025-01',
      to: '2025-12',
    });
  });
});
