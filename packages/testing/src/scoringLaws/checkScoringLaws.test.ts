import {
  compileScorer,
  DEFAULT_ACCOUNT_HEALTH_RULE,
  DEFAULT_ACCOUNT_PRIORITY_RULE,
  DEFAULT_OPPORTUNITY_RULE,
  type Score,
  type ScoringInputs,
  type ScoringRule,
  ValidationError,
} from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { checkScoringLaws, SCORING_LAWS, ScoringLawViolation } from '../index.js';

function violation(run: () => unknown): ScoringLawViolation {
  try {
    run();
  } catch (error) {
    if (error instanceof ScoringLawViolation) return error;
    throw error;
  }
  throw new Error('every law held');
}

// Valid, but a cap on big deals makes it non-monotone in value.
const risky: ScoringRule = {
  ...DEFAULT_OPPORTUNITY_RULE,
  name: 'risky',
  gates: [
    ...DEFAULT_OPPORTUNITY_RULE.gates,
    { name: 'deal_too_big', when: { input: 'value', op: 'gt', value: 50_000_000 }, cap: 40 },
  ],
};

const simple: ScoringRule = {
  name: 'simple',
  version: 1,
  factors: [
    {
      name: 'likelihood',
      input: 'probability',
      normaliser: { type: 'linear', min: 0, max: 100 },
      weight: 1,
      direction: 'higher_is_better',
      missing: 0,
    },
  ],
  gates: [],
  flags: [],
};
const simpleScorer = compileScorer(simple);

describe('checkScoringLaws', () => {
  it('passes the three default rules, reporting every law and property it ran', () => {
    const opportunity = checkScoringLaws(DEFAULT_OPPORTUNITY_RULE, { numRuns: 100 });
    expect(opportunity.laws).toBe(SCORING_LAWS.length);
    // One property per law, monotone once per factor: 7 + 7.
    expect(opportunity.properties).toBe(14);
    expect(opportunity.results.every((r) => r.passed)).toBe(true);
    expect(opportunity.rule).toEqual({ name: 'opportunity-default', version: 1 });
    expect(checkScoringLaws(DEFAULT_ACCOUNT_HEALTH_RULE, { numRuns: 100 }).properties).toBe(15);
    expect(checkScoringLaws(DEFAULT_ACCOUNT_PRIORITY_RULE, { numRuns: 100 }).properties).toBe(11);
  });

  it('accepts a rule as JSON text parsed by the tester', () => {
    const json = JSON.parse(JSON.stringify(DEFAULT_ACCOUNT_PRIORITY_RULE));
    expect(checkScoringLaws(json, { numRuns: 20 }).properties).toBe(11);
  });

  it('describes a gate that breaks monotonicity in words, with the shrunk counter-example', () => {
    const error = violation(() => checkScoringLaws(risky, { numRuns: 300, seed: 42 }));
    expect(error.report.results.filter((r) => !r.passed).map((r) => r.property)).toEqual([
      'monotone:value',
    ]);
    expect(error.message).toMatch(
      /^Scoring rule risky@1 breaks 1 of 14 scoring law properties:\n\n✗ monotone:value: factor value says higher value is better, but raising value from \d+ to \d+ lowered the score from \d+ to 40 \(\d+ capped at 40 by gate deal_too_big\)\.\n {2}Other inputs: accountTier = .*\n {2}Found after \d+ runs? and shrunk \d+ times?; replay with \{ seed: 42, path: "[\d:]+" \}\.$/,
    );
    // The shrunk example crosses the cap's threshold: from at most 50,000,000 to above it.
    const [, from, to] = /raising value from (\d+) to (\d+)/.exec(error.message)!;
    expect(Number(from)).toBeLessThanOrEqual(50_000_000);
    expect(Number(to)).toBeGreaterThan(50_000_000);
  });

  it('finds the same counter-example again from the seed it printed', () => {
    const first = violation(() => checkScoringLaws(risky, { numRuns: 300, seed: 7 }));
    const again = violation(() => checkScoringLaws(risky, { numRuns: 300, seed: 7 }));
    expect(again.message).toBe(first.message);
  });

  it('checks a product own scoring function: a score above 100 breaks bounded', () => {
    const generous = (inputs: ScoringInputs): Score => {
      const s = simpleScorer.score(inputs);
      return s.score < 90 ? s : { ...s, score: 101 };
    };
    const error = violation(() =>
      checkScoringLaws(simple, { score: generous, laws: ['bounded'], seed: 1 }),
    );
    expect(error.message).toContain(
      '✗ bounded: the score is 101, where a whole number from 0 to 100 was expected.\n  Inputs: probability = 90',
    );
  });

  it('says when the points of an explanation do not add up', () => {
    const sloppy = (inputs: ScoringInputs): Score => {
      const s = simpleScorer.score(inputs);
      return { ...s, explanation: { ...s.explanation, points: [Math.min(100, s.score + 1)] } };
    };
    const error = violation(() =>
      checkScoringLaws(simple, { score: sloppy, laws: ['explanationSums'], seed: 1 }),
    );
    expect(error.message).toContain(
      "✗ explanationSums: the factors' points (1 = 1) do not add up to the uncapped score 0.",
    );
  });

  it('catches a scorer whose result depends on what it scored before', () => {
    let last = 0;
    const leaky = (inputs: ScoringInputs): Score => {
      const s = simpleScorer.score(inputs);
      const shown = { ...s, score: Math.max(s.score, last) };
      last = s.score;
      return shown;
    };
    const error = violation(() =>
      checkScoringLaws(simple, { score: leaky, laws: ['deterministic'], seed: 3 }),
    );
    expect(error.message).toMatch(/✗ deterministic: the same inputs scored differently: first \{/);
  });

  it('catches a gate that raises a score', () => {
    const raising = (inputs: ScoringInputs): Score => {
      const s = simpleScorer.score(inputs);
      return {
        ...s,
        score: Math.max(s.score, 50),
        explanation: { ...s.explanation, gates: [{ gate: 'floor', cap: 50, pointsRemoved: 0 }] },
      };
    };
    const error = violation(() =>
      checkScoringLaws(simple, { score: raising, laws: ['gatesOnlyLower'], seed: 1 }),
    );
    expect(error.message).toContain(
      '✗ gatesOnlyLower: the score 50 is above the uncapped score 0.',
    );
  });

  it('reports a scorer that throws, with the inputs that made it throw', () => {
    const fragile = (inputs: ScoringInputs): Score => {
      if (inputs.probability === undefined) throw new Error('no probability');
      return simpleScorer.score(inputs);
    };
    const error = violation(() =>
      checkScoringLaws(simple, { score: fragile, laws: ['recordsRule'], seed: 1 }),
    );
    expect(error.message).toContain('✗ recordsRule: scoring threw Error: no probability on [{}]');
  });

  it('rejects an invalid rule before checking anything', () => {
    expect(() => checkScoringLaws({ ...simple, factors: [] })).toThrow(ValidationError);
  });

  it('draws inputs only from the ranges a tester gives', () => {
    const seen: number[] = [];
    checkScoringLaws(simple, {
      numRuns: 50,
      laws: ['bounded'],
      inputRanges: { probability: [40, 60] },
      score: (inputs) => {
        if (typeof inputs.probability === 'number') seen.push(inputs.probability);
        return simpleScorer.score(inputs);
      },
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p >= 40 && p <= 60)).toBe(true);
  });
});
