import { describe, expect, it } from 'vitest';
import { type AccountHealthFacts, scoreAccountHealth, ValidationError } from '../index.js';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const healthy: AccountHealthFacts = {
  id: 'acme',
  satisfaction: 9,
  previousSatisfaction: 8,
  hasExecutiveSponsor: true,
  keyContacts: 4,
  keyContactsAtTarget: 4,
  competitorChampions: 0,
  revenueThisPeriod: eur(1_200_000),
  revenuePreviousPeriod: eur(1_000_000),
  overdueActions: 0,
  stalledOpportunities: 0,
};

describe('account health', () => {
  it('scores a healthy account high and raises no flag', () => {
    const h = scoreAccountHealth(healthy);
    // satisfaction 22.5 + trend 6.67 + coverage 15 + sponsor 10 + 10 + revenue (+20%) 12.5 + 8 + 7
    expect(h.score).toBe(92);
    expect(h.flags).toEqual([]);
    expect(h.accountId).toBe('acme');
    expect(h.rule).toEqual({ name: 'account-health-default', version: 1 });
  });

  it('raises every early warning of an account about to be lost, and caps it', () => {
    const h = scoreAccountHealth({
      ...healthy,
      satisfaction: 3,
      previousSatisfaction: 7,
      hasExecutiveSponsor: false,
      keyContactsAtTarget: 1,
      competitorChampions: 2,
      revenueThisPeriod: eur(400_000),
      overdueActions: 3,
      stalledOpportunities: 1,
    });
    expect(h.flags.map((f) => f.code)).toEqual([
      'satisfaction_low',
      'satisfaction_falling',
      'no_executive_sponsor',
      'relationship_gaps',
      'competitor_champions',
      'revenue_falling',
      'overdue_actions',
      'stalled_opportunities',
    ]);
    expect(h.score).toBeLessThanOrEqual(40);
    expect(h.explanation.gates.map((g) => g.gate)).toEqual([
      'unsatisfied_account',
      'revenue_halved',
    ]);
  });

  it('leaves trends absent, not NaN, when there is nothing to compare with', () => {
    const h = scoreAccountHealth({
      ...healthy,
      previousSatisfaction: undefined,
      revenuePreviousPeriod: eur(0),
      keyContacts: 0,
      keyContactsAtTarget: 0,
    });
    expect(Number.isInteger(h.score)).toBe(true);
    expect(h.flags.map((f) => f.code)).toEqual(['relationship_gaps']);
  });

  it('rejects more contacts at target than key contacts, negative counts and bad satisfaction', () => {
    expect(() => scoreAccountHealth({ ...healthy, keyContactsAtTarget: 5 })).toThrow(
      ValidationError,
    );
    expect(() => scoreAccountHealth({ ...healthy, overdueActions: -1 })).toThrow(ValidationError);
    expect(() => scoreAccountHealth({ ...healthy, overdueActions: 1.5 })).toThrow(ValidationError);
    expect(() => scoreAccountHealth({ ...healthy, satisfaction: Number.NaN })).toThrow(
      ValidationError,
    );
    expect(() => scoreAccountHealth({ ...healthy, revenueThisPeriod: eur(-1) })).toThrow(
      ValidationError,
    );
  });
});
