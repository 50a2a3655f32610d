import { describe, expect, it } from 'vitest';
import {
  createRuleBook,
  DEFAULT_OPPORTUNITY_RULE,
  NotFoundError,
  opportunityScorer,
  type ScoringRule,
  scoreSideBySide,
  ValidationError,
} from '../index.js';

// Version 2 cares more about probability and drops the sponsor gate.
const v2: ScoringRule = {
  ...DEFAULT_OPPORTUNITY_RULE,
  version: 2,
  factors: DEFAULT_OPPORTUNITY_RULE.factors.map((f) =>
    f.name === 'probability' ? { ...f, weight: 50 } : f,
  ),
  gates: DEFAULT_OPPORTUNITY_RULE.gates.filter((g) => g.name !== 'no_executive_sponsor'),
};

describe('rule book', () => {
  const book = createRuleBook([v2, DEFAULT_OPPORTUNITY_RULE, JSON.parse(JSON.stringify(v2))]);

  it('finds each version, the latest, and lists versions in order', () => {
    expect(book.get('opportunity-default', 1)).toEqual(DEFAULT_OPPORTUNITY_RULE);
    expect(book.latest('opportunity-default').version).toBe(2);
    expect(book.versions('opportunity-default')).toEqual([1, 2]);
    expect(book.rules()).toHaveLength(2);
  });

  it('throws NotFoundError for a version it does not have', () => {
    expect(() => book.get('opportunity-default', 3)).toThrow(NotFoundError);
    expect(() => book.latest('other')).toThrow(NotFoundError);
  });

  it('rejects two different rules under one name and version', () => {
    expect(() => createRuleBook([v2, { ...v2, gates: [] }])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: [1, 'version'] })] }),
    );
  });

  it('prefixes the index of an invalid rule to its paths', () => {
    expect(() => createRuleBook([v2, { ...v2, version: 0 }])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: [1, 'version'] })] }),
    );
  });
});

describe('scoreSideBySide', () => {
  const context = { asOf: '2026-03-02' };
  const past = [
    {
      id: 'a',
      kind: 'cross_sell',
      value: { amountMinor: 5_000_000, currency: 'EUR' },
      probability: 90,
      accountTier: 'A',
      expectedClose: '2026-03-20',
      satisfaction: 9,
    },
    {
      id: 'b',
      kind: 'new_logo',
      value: { amountMinor: 5_000_000, currency: 'EUR' },
      probability: 20,
      executiveSponsor: { today: 'vendor', target: 'trusted_advisor' },
    },
  ] as const;

  it('scores the same facts under two versions, each score naming its version', () => {
    const book = createRuleBook([DEFAULT_OPPORTUNITY_RULE, v2]);
    const rows = scoreSideBySide(
      past,
      book
        .versions('opportunity-default')
        .map((v) => opportunityScorer(context, book.get('opportunity-default', v))),
    );
    expect(rows.map((r) => r.scores.map((s) => `${s.rule.name}@${s.rule.version}`))).toEqual([
      ['opportunity-default@1', 'opportunity-default@2'],
      ['opportunity-default@1', 'opportunity-default@2'],
    ]);
    expect(rows.map((r) => r.change)).toEqual(
      rows.map((r) => r.scores[1]!.score - r.scores[0]!.score),
    );
    // a had no sponsor: capped at 60 under v1, free (and more probable) under v2.
    expect(rows[0]!.scores[0]!.score).toBe(60);
    expect(rows[0]!.change).toBeGreaterThan(0);
  });

  it('reproduces a recorded score exactly with the version that recorded it', () => {
    const recorded = opportunityScorer(context).score(past[1]);
    const book = createRuleBook([DEFAULT_OPPORTUNITY_RULE, v2]);
    const again = opportunityScorer(
      context,
      book.get(recorded.rule.name, recorded.rule.version),
    ).score(past[1]);
    expect(again).toEqual(recorded);
  });

  it('needs at least one scorer', () => {
    expect(() => scoreSideBySide(past, [])).toThrow(ValidationError);
  });
});
