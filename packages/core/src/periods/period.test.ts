import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, monthsOf, Period, quarterOf } from '../index.js';

describe('periods', () => {
  it('accepts months and quarters and rejects malformed periods', () => {
    expect(Period.safeParse('2026-03').success).toBe(true);
    expect(Period.safeParse('2026-Q4').success).toBe(true);
    for (const bad of ['2026-13', '2026-Q5', '26-03', '2026-3', '']) {
      expect(Period.safeParse(bad).success).toBe(false);
    }
  });
  it('splits a quarter into its months and finds a month quarter', () => {
    expect(monthsOf('2026-Q2')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(quarterOf('2026-12')).toBe('2026-Q4');
  });
  it('adds months across years and counts days', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(daysBetween('2026-03-01', '2026-03-15T10:00:00Z')).toBe(14);
  });
});
