import { describe, expect, it } from 'vitest';
import { compileScorer, type ScoringRule, ValidationError } from '../index.js';

const rule: ScoringRule = {
  name: 'three-factors',
  version: 2,
  factors: [
    {
      name: 'size',
      input: 'size',
      normaliser: { type: 'logarithmic', min: 10, max: 1000 },
      weight: 1,
      direction: 'higher_is_better',
      missing: 0,
    },
    {
      name: 'risk',
      input: 'risk',
      normaliser: { type: 'linear', min: 0, max: 10 },
      weight: 1,
      direction: 'lower_is_better',
      missing: 0.5,
    },
    {
      name: 'champion',
      input: 'champion',
      normaliser: { type: 'boolean' },
      weight: 1,
      direction: 'higher_is_better',
      missing: 0,
    },
  ],
  gates: [
    { name: 'risky', when: { input: 'risk', op: 'gte', value: 8 }, cap: 30 },
    { name: 'no_champion', when: { input: 'champion', op: 'is', value: false }, cap: 50 },
  ],
  flags: [
    { code: 'size_unknown', when: { input: 'size', op: 'missing' }, message: 'Size unknown.' },
  ],
};
const scorer = compileScorer(rule);

describe('compileScorer', () => {
  it('weighs merits by their share of the weights and rounds the total once', () => {
    // size 100 is half-way on a log scale from 10 to 1000; risk 2 of 10 is merit 0.8.
    const s = scorer.score({ size: 100, risk: 2, champion: true });
    // 33.33 x 0.5 + 33.33 x 0.8 + 33.33 x 1 = 76.67 -> 77
    expect(s.score).toBe(77);
    expect(s.explanation).toEqual({
      uncapped: 77,
      factors: ['size', 'risk', 'champion'],
      points: [17, 27, 33],
      gates: [],
    });
    expect(s.rule).toEqual({ name: 'three-factors', version: 2 });
  });

  it('gives the extra points of rounding to the largest remainders, ties to the earlier factor', () => {
    // Each factor earns 33.33: 99.99 rounds to 100, and the one missing point goes to the first.
    const s = scorer.score({ size: 1000, risk: 0, champion: true });
    expect(s.explanation.points).toEqual([34, 33, 33]);
    expect(s.score).toBe(100);
  });

  it('clamps inputs outside the bounds to merit 0 or 1', () => {
    const s = scorer.score({ size: 5, risk: 50, champion: true });
    expect(s.explanation.points).toEqual([0, 0, 33]);
    expect(scorer.score({ size: 1e9, risk: -4, champion: true }).score).toBe(100);
  });

  it('uses the missing merit for an absent input and raises a flag tested on it', () => {
    const s = scorer.explain({ risk: undefined, champion: true });
    expect(s.contributions.map((c) => [c.factor, c.value, c.merit])).toEqual([
      ['size', null, 0],
      ['risk', null, 0.5],
      ['champion', true, 1],
    ]);
    expect(s.flags).toEqual([{ code: 'size_unknown', message: 'Size unknown.' }]);
    expect(s.score).toBe(50);
  });

  it('caps at the lowest applied gate, which alone shows the points it removed', () => {
    const s = scorer.score({ size: 1000, risk: 9, champion: false });
    // 33.33 + 3.33 + 0 = 36.67 -> 37, capped by risky at 30; no_champion (50) was no lower.
    expect(s.explanation.uncapped).toBe(37);
    expect(s.score).toBe(30);
    expect(s.explanation.gates).toEqual([
      { gate: 'risky', cap: 30, pointsRemoved: 7 },
      { gate: 'no_champion', cap: 50, pointsRemoved: 0 },
    ]);
  });

  it('lists a gate whose cap is above the score without removing anything', () => {
    const s = scorer.score({ size: 10, risk: 10, champion: false });
    expect(s.score).toBe(0);
    expect(s.explanation.gates.map((g) => g.pointsRemoved)).toEqual([0, 0]);
  });

  it('rejects NaN, Infinity and values of the wrong type with a ValidationError naming the input', () => {
    for (const [inputs, path] of [
      [{ size: Number.NaN }, 'inputs.size'],
      [{ risk: Number.POSITIVE_INFINITY }, 'inputs.risk'],
      [{ champion: 'yes' }, 'inputs.champion'],
      [{ size: '12' }, 'inputs.size'],
    ] as const) {
      const error = (() => {
        try {
          scorer.score(inputs as never);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]!.path.join('.')).toBe(path);
    }
  });

  it('scores a batch into columns that give the same scores as one at a time', () => {
    const items = [
      { size: 100, risk: 2, champion: true },
      { size: 1000, risk: 9, champion: false },
      {},
    ];
    const batch = scorer.scoreAll(items);
    expect(batch.length).toBe(3);
    expect([...batch.scores]).toEqual(items.map((i) => scorer.score(i).score));
    expect(items.map((_, i) => batch.at(i))).toEqual(items.map((item) => scorer.score(item)));
    expect(() => batch.at(3)).toThrow(RangeError);
  });

  it('names the index of the item that broke a batch', () => {
    expect(() => scorer.scoreAll([{}, { size: Number.NaN }])).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: [1, 'inputs', 'size'] })],
      }),
    );
  });

  it('rejects an invalid rule when compiling', () => {
    expect(() => compileScorer({ ...rule, factors: [] })).toThrow(ValidationError);
  });

  it('follows a step table, inclusive of each threshold', () => {
    const steps = compileScorer({
      name: 'steps',
      version: 1,
      factors: [
        {
          name: 'days',
          input: 'days',
          normaliser: {
            type: 'steps',
            steps: [
              { upTo: 30, value: 1 },
              { upTo: 90, value: 0.5 },
            ],
            above: 0,
          },
          weight: 1,
          direction: 'lower_is_better',
          missing: 0,
        },
      ],
      gates: [],
      flags: [],
    });
    expect([-5, 30, 31, 90, 91].map((days) => steps.score({ days }).score)).toEqual([
      100, 100, 50, 50, 0,
    ]);
  });
});
