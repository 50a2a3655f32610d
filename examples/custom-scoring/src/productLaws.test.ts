import { opportunityScorer } from '@account-planning/core';
import { arbitraryOpportunityFacts } from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOpportunityRule } from './loadOpportunityRule.js';

// checkScoringLaws checks the laws every rule must keep. A product also has laws of its own:
// Northwind's sales leadership says that naming an executive sponsor must never make an
// opportunity look worse. fast-check and the testing package's arbitraries check it.
describe("Northwind's own law about its opportunity rule", () => {
  // #region product-law
  it('never scores an opportunity lower for naming its executive sponsor', async () => {
    const rule = await loadOpportunityRule(
      new URL('../rules/northwind-opportunity-v2.json', import.meta.url),
    );
    const scorer = opportunityScorer({ asOf: '2026-03-02' }, rule);
    const sponsor = fc.record({
      today: fc.constantFrom('none', 'vendor', 'credible_source', 'problem_solver'),
      target: fc.constant('trusted_advisor'),
    } as const);
    fc.assert(
      fc.property(arbitraryOpportunityFacts(), sponsor, (facts, executiveSponsor) => {
        const { executiveSponsor: _, ...without } = facts;
        const named = scorer.score({ ...without, executiveSponsor }).score;
        expect(named).toBeGreaterThanOrEqual(scorer.score(without).score);
      }),
      { numRuns: 300 },
    );
  });
  // #endregion product-law
});
