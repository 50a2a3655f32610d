import type {
  AccountHealthFacts,
  AccountLoss,
  AccountPriorityFacts,
  CurrencyCode,
  OpportunityFacts,
  PipelineItem,
  RevenueLine,
} from '@account-planning/core';
import fc from 'fast-check';
import { arbitraryCalendarDate, arbitraryMoney } from './primitives.js';

const KINDS = [
  'new_logo',
  'new_buyer',
  'cross_sell',
  'up_sell',
  'renewal',
  'price_increase',
] as const;
const LEVELS = ['none', 'vendor', 'credible_source', 'problem_solver', 'trusted_advisor'] as const;
const STAGES = ['identified', 'qualified', 'proposed', 'negotiating', 'committed'] as const;

/** An opportunity's facts as scoring reads them, in `currency`, with a short id. */
export function arbitraryOpportunityFacts(
  currency: CurrencyCode = 'EUR',
): fc.Arbitrary<OpportunityFacts> {
  return fc.record(
    {
      id: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 8 }),
      kind: fc.constantFrom(...KINDS),
      value: arbitraryMoney(currency, 500_000_000),
      probability: fc.integer({ min: 0, max: 100 }),
      stage: fc.constantFrom(...STAGES),
      accountTier: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
      executiveSponsor: fc.record({
        today: fc.constantFrom(...LEVELS),
        target: fc.constantFrom(...LEVELS),
      }),
      expectedClose: arbitraryCalendarDate(),
      satisfaction: fc.integer({ min: 0, max: 10 }),
      externalScores: fc.record({ winModel: fc.double({ min: 0, max: 1, noNaN: true }) }),
    },
    { requiredKeys: ['id', 'kind', 'value'] },
  );
}

/** An account's health facts, consistent (at most as many contacts at target as key contacts). */
export function arbitraryAccountHealthFacts(
  currency: CurrencyCode = 'EUR',
): fc.Arbitrary<AccountHealthFacts> {
  return fc
    .record(
      {
        id: fc.string({ minLength: 1, maxLength: 8 }),
        satisfaction: fc.integer({ min: 0, max: 10 }),
        previousSatisfaction: fc.integer({ min: 0, max: 10 }),
        hasExecutiveSponsor: fc.boolean(),
        keyContacts: fc.integer({ min: 0, max: 12 }),
        atTargetShare: fc.double({ min: 0, max: 1, noNaN: true }),
        competitorChampions: fc.integer({ min: 0, max: 4 }),
        revenueThisPeriod: arbitraryMoney(currency, 100_000_000),
        revenuePreviousPeriod: arbitraryMoney(currency, 100_000_000),
        overdueActions: fc.integer({ min: 0, max: 8 }),
        stalledOpportunities: fc.integer({ min: 0, max: 5 }),
      },
      {
        requiredKeys: [
          'id',
          'hasExecutiveSponsor',
          'keyContacts',
          'atTargetShare',
          'competitorChampions',
          'overdueActions',
          'stalledOpportunities',
        ],
      },
    )
    .map(({ atTargetShare, ...facts }) => ({
      ...facts,
      keyContactsAtTarget: Math.floor(facts.keyContacts * atTargetShare),
    }));
}

/** An account's priority facts. */
export function arbitraryAccountPriorityFacts(
  currency: CurrencyCode = 'EUR',
): fc.Arbitrary<AccountPriorityFacts> {
  return fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 8 }),
      employees: fc.integer({ min: 1, max: 200_000 }),
      revenue: arbitraryMoney(currency, 500_000_000),
      customerSince: arbitraryCalendarDate(),
      potential: arbitraryMoney(currency, 500_000_000),
    },
    { requiredKeys: ['id', 'revenue'] },
  );
}

/**
 * A book of revenue lines in `currency`: a few accounts, months of 2024-2026 (some quarters),
 * several product lines.
 */
export function arbitraryRevenueLines(currency: CurrencyCode = 'EUR'): fc.Arbitrary<RevenueLine[]> {
  const period = fc.oneof(
    fc
      .tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
    fc
      .tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 4 }))
      .map(([y, q]) => `${y}-Q${q}`),
  );
  return fc.array(
    fc.record({
      accountId: fc.constantFrom('acc-1', 'acc-2', 'acc-3', 'acc-4', 'acc-5', 'acc-6'),
      period,
      productLine: fc.constantFrom('licences', 'services', 'support', 'training'),
      revenue: arbitraryMoney(currency, 10_000_000),
    }),
    { maxLength: 40 },
  );
}

/** Open opportunities as the pipeline metrics see them. */
export function arbitraryPipelineItems(
  currency: CurrencyCode = 'EUR',
): fc.Arbitrary<PipelineItem[]> {
  return fc.array(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      kind: fc.constantFrom(...KINDS),
      value: arbitraryMoney(currency, 100_000_000),
      probability: fc.integer({ min: 0, max: 100 }),
      owner: fc.constantFrom('rep-1', 'rep-2', 'rep-3'),
    }),
    { maxLength: 30 },
  );
}

/** Lost accounts with distinct ids and causes of both categories. */
export function arbitraryAccountLosses(
  currency: CurrencyCode = 'EUR',
): fc.Arbitrary<AccountLoss[]> {
  const reason = fc.oneof(
    fc.record({
      category: fc.constant('inevitable' as const),
      cause: fc.constantFrom('acquired', 'out_of_business', 'merged'),
    }),
    fc.record({
      category: fc.constant('controllable' as const),
      cause: fc.constantFrom('price', 'service', 'competitor', 'relationship'),
    }),
  );
  return fc
    .uniqueArray(
      fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), reason, arbitraryMoney(currency)),
      {
        selector: ([id]) => id,
        maxLength: 25,
      },
    )
    .map((rows) =>
      rows.map(([accountId, { category, cause }, lostRevenue]) => ({
        accountId,
        category,
        cause,
        lostRevenue,
      })),
    );
}
