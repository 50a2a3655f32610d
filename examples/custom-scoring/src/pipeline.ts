// A rep's open opportunities as scoring facts (plain data: in a product they come from
// `accountOpportunityFacts(account)` or the read models), with the win probability Northwind's
// own model predicted for each, fed in as `externalScores.winModel`.
import type { OpportunityFacts } from '@account-planning/core';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** What each opportunity is, for people. */
export const names: Readonly<Record<string, string>> = {
  'opp-erp': 'Acme: ERP roll-out to finance',
  'opp-support': 'Acme: support upgrade to 24/7',
  'opp-scanners': 'Globex: warehouse scanners',
  'opp-fleet': 'Globex: fleet telematics',
  'opp-initech': 'Initech: first order',
};

/** The rep's pipeline on 2026-03-02. */
export const pipeline: readonly OpportunityFacts[] = [
  {
    id: 'opp-erp',
    kind: 'cross_sell',
    value: eur(12_000_000),
    stage: 'proposed',
    probability: 60,
    expectedClose: '2026-04-10',
    accountTier: 'A',
    executiveSponsor: { today: 'credible_source', target: 'trusted_advisor' },
    satisfaction: 8,
    externalScores: { winModel: 0.55 },
  },
  {
    id: 'opp-support',
    kind: 'up_sell',
    value: eur(3_000_000),
    stage: 'negotiating',
    probability: 80,
    expectedClose: '2026-03-20',
    accountTier: 'A',
    satisfaction: 8,
    externalScores: { winModel: 0.85 },
  },
  {
    id: 'opp-scanners',
    kind: 'up_sell',
    value: eur(4_500_000),
    stage: 'negotiating',
    probability: 70,
    expectedClose: '2026-03-27',
    accountTier: 'B',
    executiveSponsor: { today: 'problem_solver', target: 'trusted_advisor' },
    satisfaction: 7,
    externalScores: { winModel: 0.75 },
  },
  {
    id: 'opp-fleet',
    kind: 'cross_sell',
    value: eur(9_000_000),
    stage: 'qualified',
    probability: 35,
    expectedClose: '2026-05-15',
    accountTier: 'B',
    satisfaction: 7,
  },
  {
    id: 'opp-initech',
    kind: 'new_logo',
    value: eur(6_000_000),
    stage: 'qualified',
    probability: 40,
    expectedClose: '2026-02-20',
    executiveSponsor: { today: 'vendor', target: 'problem_solver' },
    externalScores: { winModel: 0.5 },
  },
];
