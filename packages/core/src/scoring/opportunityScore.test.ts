import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPPORTUNITY_RULE,
  type OpportunityFacts,
  opportunityScorer,
  rankOpportunities,
  type ScoringRule,
  scoreOpportunity,
  ValidationError,
} from '../index.js';

const doc = readFileSync(new URL('../../../../docs/scoring.md', import.meta.url), 'utf8');

function docBlock(marker: string): string {
  const start = doc.indexOf(`<!-- worked-example:${marker} -->`);
  if (start < 0) throw new Error(`docs/scoring.md has no worked-example:${marker}`);
  return doc.slice(start).split('\n').slice(1).join('\n');
}

function docJson(marker: string): unknown {
  const block = docBlock(marker);
  return JSON.parse(block.slice(block.indexOf('```json') + 7, block.indexOf('\n```', 1)));
}

const scorer = opportunityScorer({ asOf: '2026-03-02' });

const opportunity = (id: string, facts: Partial<OpportunityFacts> = {}): OpportunityFacts => ({
  id,
  kind: 'up_sell',
  value: { amountMinor: 1_000_000, currency: 'EUR' },
  probability: 50,
  accountTier: 'B',
  executiveSponsor: { today: 'vendor', target: 'problem_solver' },
  expectedClose: '2026-04-01',
  satisfaction: 7,
  ...facts,
});

describe('the worked example of docs/scoring.md', () => {
  const input = docJson('input') as { asOf: string; opportunity: OpportunityFacts };
  const expected = docJson('expected') as Record<string, unknown>;
  const exampleScorer = opportunityScorer({ asOf: input.asOf });

  it('scores 68 with the sponsor and 60 without, as the page says', () => {
    const withSponsor = exampleScorer.score(input.opportunity);
    const { executiveSponsor: _, ...noSponsor } = input.opportunity;
    const withoutSponsor = exampleScorer.score(noSponsor);
    expect({ score: withSponsor.score, explanation: withSponsor.explanation }).toEqual(
      expected.withSponsor,
    );
    expect({ score: withoutSponsor.score, explanation: withoutSponsor.explanation }).toEqual(
      expected.withoutSponsor,
    );
  });

  it('has every row of the table right: input value, merit, most, exact and whole points', () => {
    const lines = docBlock('table').split('\n');
    const rows = lines
      .slice(
        0,
        lines.findIndex((line) => !line.startsWith('|')),
      )
      .slice(2)
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    const detail = exampleScorer.explain(input.opportunity);
    expect(rows.map((r) => r[0])).toEqual(detail.contributions.map((c) => c.factor));
    detail.contributions.forEach((c, i) => {
      const [, value, merit, most, exact, points] = rows[i]!;
      expect(value).toBe(String(c.value));
      expect(Number(merit)).toBeCloseTo(c.merit, 4);
      expect(Number(most)).toBe(c.maxPoints);
      expect(Number(exact)).toBeCloseTo(c.merit * c.maxPoints, 3);
      expect(Number(points)).toBe(c.points);
    });
  });
});

describe('opportunity score', () => {
  it('records the rule name and version on every score', () => {
    expect(scoreOpportunity(opportunity('a'), scorer).rule).toEqual({
      name: 'opportunity-default',
      version: 1,
    });
  });

  it('caps an unsatisfied account at 50 and a sponsorless opportunity at 60, the lower winning', () => {
    const best = opportunity('x', {
      value: { amountMinor: 100_000_000, currency: 'EUR' },
      probability: 100,
      accountTier: 'A',
      executiveSponsor: { today: 'trusted_advisor', target: 'trusted_advisor' },
      expectedClose: '2026-03-10',
      satisfaction: 10,
    });
    expect(scorer.score(best).score).toBe(100);
    expect(scorer.score({ ...best, satisfaction: 4 }).score).toBe(50);
    const { executiveSponsor: _, ...sponsorless } = best;
    expect(scorer.score({ ...sponsorless, satisfaction: 4 }).explanation.gates).toEqual([
      { gate: 'no_executive_sponsor', cap: 60, pointsRemoved: 0 },
      { gate: 'unsatisfied_account', cap: 50, pointsRemoved: 35 },
    ]);
  });

  it('flags an expected close date that has passed', () => {
    expect(scorer.score(opportunity('a', { expectedClose: '2026-02-27' })).flags).toEqual([
      {
        code: 'close_date_passed',
        message: 'The expected close date has passed: update it, or close the opportunity.',
      },
    ]);
  });

  it('counts a never-measured satisfaction as neutral and does not gate it', () => {
    const s = scorer.explain(opportunity('a', { satisfaction: undefined }));
    expect(s.contributions.find((c) => c.factor === 'satisfaction')).toMatchObject({
      value: null,
      merit: 0.5,
    });
    expect(s.explanation.gates).toEqual([]);
  });

  it('reads an external score as one more factor', () => {
    const withModel: ScoringRule = {
      ...DEFAULT_OPPORTUNITY_RULE,
      version: 2,
      factors: [
        ...DEFAULT_OPPORTUNITY_RULE.factors,
        {
          name: 'model',
          input: 'external.winModel',
          normaliser: { type: 'linear', min: 0, max: 1 },
          weight: 25,
          direction: 'higher_is_better',
          missing: 0,
        },
      ],
    };
    const modelScorer = opportunityScorer({ asOf: '2026-03-02' }, withModel);
    const confident = modelScorer.score(opportunity('a', { externalScores: { winModel: 1 } }));
    const doubtful = modelScorer.score(opportunity('a', { externalScores: { winModel: 0 } }));
    expect(confident.explanation.points.at(-1)).toBe(20);
    expect(doubtful.explanation.points.at(-1)).toBe(0);
    expect(modelScorer.score(opportunity('a')).explanation.points.at(-1)).toBe(0);
    expect(() =>
      modelScorer.score(opportunity('a', { externalScores: { winModel: Number.NaN } })),
    ).toThrow(ValidationError);
  });

  it('rejects negative money, an impossible date and a probability above 100 with the fact path', () => {
    const cases: [Partial<OpportunityFacts>, string][] = [
      [{ value: { amountMinor: -1, currency: 'EUR' } }, 'value.amountMinor'],
      [{ expectedClose: '2026-02-30' }, 'expectedClose'],
      [{ probability: 101 }, 'probability'],
      [{ probability: Number.NaN }, 'probability'],
      [{ satisfaction: 11 }, 'satisfaction'],
    ];
    for (const [facts, path] of cases) {
      expect(() => scorer.score(opportunity('a', facts))).toThrow(
        expect.objectContaining({ issues: [expect.objectContaining({ path: path.split('.') })] }),
      );
    }
  });

  it('rejects an asOf that is not a date', () => {
    expect(() => opportunityScorer({ asOf: '2 March' })).toThrow(ValidationError);
  });
});

describe('rankOpportunities', () => {
  it('orders by score, then value, then id', () => {
    const low = opportunity('low', { probability: 10 });
    const big = opportunity('b', { value: { amountMinor: 1_000_001, currency: 'EUR' } });
    const twinA = opportunity('a');
    const twinC = opportunity('c');
    const ranking = rankOpportunities([low, twinC, big, twinA], scorer);
    // big and the twins score the same (the extra minor unit moves no point); value breaks the tie.
    expect(ranking.entries().map((e) => [e.rank, e.id, e.score])).toEqual([
      [1, 'b', 62],
      [2, 'a', 62],
      [3, 'c', 62],
      [4, 'low', 52],
    ]);
  });

  it('gives entries equal to scoring each opportunity alone', () => {
    const items = [opportunity('a'), opportunity('b', { probability: 90 })];
    const ranking = rankOpportunities(items, scorer);
    expect(ranking.entry(1)).toEqual({ rank: 1, ...scoreOpportunity(items[1]!, scorer) });
    expect(ranking.top(1)).toHaveLength(1);
    expect(ranking.top(10)).toHaveLength(2);
    expect(() => ranking.entry(3)).toThrow(RangeError);
  });

  it('ranks an empty list as empty', () => {
    const ranking = rankOpportunities([], scorer);
    expect(ranking.length).toBe(0);
    expect(ranking.entries()).toEqual([]);
  });

  it('rejects mixed currencies and the same opportunity twice', () => {
    expect(() =>
      rankOpportunities(
        [opportunity('a'), opportunity('b', { value: { amountMinor: 1, currency: 'USD' } })],
        scorer,
      ),
    ).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: [1, 'value', 'currency'] })],
      }),
    );
    expect(() => rankOpportunities([opportunity('a'), opportunity('a')], scorer)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: 'duplicate_id' })] }),
    );
  });

  it('puts the index of a bad opportunity first in the error path', () => {
    expect(() =>
      rankOpportunities([opportunity('a'), opportunity('b', { probability: -1 })], scorer),
    ).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: [1, 'probability'] })] }),
    );
  });
});
