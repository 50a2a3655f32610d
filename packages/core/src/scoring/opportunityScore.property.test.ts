import { arbitraryOpportunityFacts } from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareRanked,
  type OpportunityFacts,
  opportunityScorer,
  rankOpportunities,
  scoreOpportunity,
  sortRanked,
} from '../index.js';

const scorer = opportunityScorer({ asOf: '2026-03-02' });

// Few distinct values, so that scores and values tie often and the id has to decide.
const opportunities = fc.uniqueArray(
  fc
    .tuple(arbitraryOpportunityFacts(), fc.option(fc.constantFrom(0, 100_000, 2_500_000)))
    .map(([o, amountMinor]) =>
      amountMinor === null ? o : { ...o, value: { ...o.value, amountMinor } },
    ),
  { selector: (o) => o.id, maxLength: 60 },
);

describe('rankOpportunities (properties)', () => {
  it('ranks the same opportunities the same whatever their order', () => {
    fc.assert(
      fc.property(
        opportunities.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
          ),
        ),
        ([list, shuffled]) => {
          const ids = (items: OpportunityFacts[]) =>
            rankOpportunities(items, scorer)
              .entries()
              .map((e) => e.id);
          expect(ids(shuffled)).toEqual(ids(list));
        },
      ),
    );
  });

  it('agrees with sorting the scored opportunities by compareRanked', () => {
    fc.assert(
      fc.property(opportunities, (list) => {
        const ranked = rankOpportunities(list, scorer).entries();
        const expected = list.map((o) => scoreOpportunity(o, scorer)).sort(compareRanked);
        expect(ranked.map(({ rank: _, ...entry }) => entry)).toEqual(expected);
        expect(ranked.map((e) => e.rank)).toEqual(list.map((_, i) => i + 1));
      }),
    );
  });

  it('scores a batch exactly as one at a time', () => {
    fc.assert(
      fc.property(fc.array(arbitraryOpportunityFacts(), { maxLength: 20 }), (list) => {
        const batch = scorer.scoreAll(list);
        expect(list.map((_, i) => batch.at(i))).toEqual(list.map((o) => scorer.score(o)));
      }),
    );
  });
});

describe('sortRanked (properties)', () => {
  const entry = fc.record({
    id: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 4 }),
    score: fc.oneof(
      fc.integer({ min: 0, max: 100 }),
      fc.double({ min: -5, max: 200, noNaN: true }),
    ),
    // Mostly tiny values (ties), sometimes ones too large to pack: both ways of sorting run.
    value: fc.record({
      amountMinor: fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: 0, max: 5 }) },
        { weight: 1, arbitrary: fc.constant(2 ** 52) },
      ),
    }),
  });

  it('sorts like Array.prototype.sort with compareRanked, whole scores or not', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 80 }), (list) => {
        expect(sortRanked(list)).toEqual([...list].sort(compareRanked));
      }),
    );
  });

  it('sorts thousands of entries of whole scores like the comparator does', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      id: `id-${(i * 7919) % 5000}`,
      score: (i * 31) % 101,
      value: { amountMinor: (i * 13) % 17 },
    }));
    expect(sortRanked(many)).toEqual([...many].sort(compareRanked));
  });
});

describe('rankOpportunities with many equal values', () => {
  it('puts long runs of equal score and value in id order', () => {
    const list = Array.from({ length: 3000 }, (_, i) => ({
      id: `opp-${String((i * 7919) % 3000).padStart(4, '0')}`,
      kind: 'up_sell' as const,
      value: { amountMinor: 1_000_000, currency: 'EUR' },
      probability: 50,
    }));
    const ids = rankOpportunities(list, scorer)
      .entries()
      .map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(3000);
  });
});
