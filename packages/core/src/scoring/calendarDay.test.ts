import { describe, expect, it } from 'vitest';
import { type OpportunityFacts, opportunitySubject } from '../index.js';

// Dates are parsed by hand for speed; daysToClose from 1970-01-01 is the parsed day number.
const daysSinceEpoch = opportunitySubject({ asOf: '1970-01-01' }).reader('daysToClose')!;
const opportunity = (expectedClose: string): OpportunityFacts => ({
  id: 'o',
  kind: 'up_sell',
  value: { amountMinor: 0, currency: 'EUR' },
  expectedClose,
});

describe('reading dates', () => {
  it('agrees with Date.UTC on every day from 1900 to 2100', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (daysSinceEpoch(opportunity(date)) !== t / 86_400_000) wrong.push(date);
    }
    expect(wrong).toEqual([]);
  });

  it('rejects dates that do not exist and text that is not a date', () => {
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-1-01',
      '2026-04-0a',
      '26-04-2026',
    ]) {
      expect(() => daysSinceEpoch(opportunity(bad)), bad).toThrow(
        /expected a date like 2026-03-31/,
      );
    }
  });
});
