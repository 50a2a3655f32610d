import { describe, expect, it } from 'vitest';
import {
  accountHealthSubject,
  DEFAULT_ACCOUNT_HEALTH_RULE,
  DEFAULT_ACCOUNT_PRIORITY_RULE,
  DEFAULT_OPPORTUNITY_RULE,
  opportunitySubject,
  parseScoringRule,
  ruleInputs,
  type ScoringRule,
  ValidationError,
} from '../index.js';

const subject = opportunitySubject({ asOf: '2026-03-02' });

// A small valid rule that each test breaks in one place.
const base = (): ScoringRule => ({
  name: 'test-rule',
  version: 1,
  factors: [
    {
      name: 'likelihood',
      input: 'probability',
      normaliser: { type: 'linear', min: 0, max: 100 },
      weight: 3,
      direction: 'higher_is_better',
      missing: 0,
    },
    {
      name: 'sponsor',
      input: 'hasExecutiveSponsor',
      normaliser: { type: 'boolean' },
      weight: 1,
      direction: 'higher_is_better',
      missing: 0,
    },
  ],
  gates: [],
  flags: [],
});

function rejection(input: unknown, withSubject = true): ValidationError {
  try {
    parseScoringRule(input, withSubject ? subject : undefined);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('the rule was accepted');
}

const paths = (error: ValidationError) => error.issues.map((i) => i.path.join('.'));

describe('parseScoringRule', () => {
  it('accepts the three default rules against their subjects', () => {
    expect(parseScoringRule(DEFAULT_OPPORTUNITY_RULE, subject)).toEqual(DEFAULT_OPPORTUNITY_RULE);
    expect(parseScoringRule(DEFAULT_ACCOUNT_HEALTH_RULE, accountHealthSubject)).toEqual(
      DEFAULT_ACCOUNT_HEALTH_RULE,
    );
    expect(parseScoringRule(DEFAULT_ACCOUNT_PRIORITY_RULE)).toEqual(DEFAULT_ACCOUNT_PRIORITY_RULE);
  });

  it('accepts a rule that went through JSON', () => {
    const json = JSON.parse(JSON.stringify(DEFAULT_OPPORTUNITY_RULE));
    expect(parseScoringRule(json, subject)).toEqual(DEFAULT_OPPORTUNITY_RULE);
  });

  it('rejects an input the subject does not have, at the factor input path', () => {
    const rule = base();
    const error = rejection({
      ...rule,
      factors: [rule.factors[0], { ...rule.factors[1], input: 'mood' }],
    });
    expect(error.code).toBe('validation_failed');
    expect(paths(error)).toEqual(['factors.1.input']);
    expect(error.issues[0]!.message).toMatch(
      /unknown input mood for opportunity; known inputs: .*probability/,
    );
  });

  it('rejects a gate or flag on an unknown input', () => {
    const gate = { name: 'g', when: { input: 'nope', op: 'lt', value: 1 }, cap: 50 };
    const flag = { code: 'f', when: { input: 'nada', op: 'missing' }, message: 'm' };
    expect(paths(rejection({ ...base(), gates: [gate], flags: [flag] }))).toEqual([
      'gates.0.when.input',
      'flags.0.when.input',
    ]);
  });

  it('rejects a negative weight', () => {
    const rule = base();
    const error = rejection({
      ...rule,
      factors: [{ ...rule.factors[0]!, weight: -1 }, rule.factors[1]],
    });
    expect(paths(error)).toEqual(['factors.0.weight']);
  });

  it('rejects weights that are all zero', () => {
    const rule = base();
    const error = rejection({ ...rule, factors: rule.factors.map((f) => ({ ...f, weight: 0 })) });
    expect(paths(error)).toEqual(['factors']);
    expect(error.issues[0]!.message).toBe('the weights must not all be zero');
  });

  it('rejects reversed and equal bounds of linear and logarithmic normalisers', () => {
    const rule = base();
    const linear = { ...rule.factors[0]!, normaliser: { type: 'linear', min: 100, max: 0 } };
    expect(paths(rejection({ ...rule, factors: [linear, rule.factors[1]] }))).toEqual([
      'factors.0.normaliser.max',
    ]);
    const log = { ...rule.factors[0]!, normaliser: { type: 'logarithmic', min: 10, max: 10 } };
    expect(paths(rejection({ ...rule, factors: [log, rule.factors[1]] }))).toEqual([
      'factors.0.normaliser.max',
    ]);
    const zeroLog = { ...rule.factors[0]!, normaliser: { type: 'logarithmic', min: 0, max: 10 } };
    expect(paths(rejection({ ...rule, factors: [zeroLog, rule.factors[1]] }))).toEqual([
      'factors.0.normaliser.min',
    ]);
  });

  it('rejects NaN and Infinity anywhere a number goes', () => {
    const rule = base();
    const nanWeight = { ...rule.factors[0]!, weight: Number.NaN };
    expect(paths(rejection({ ...rule, factors: [nanWeight, rule.factors[1]] }))).toEqual([
      'factors.0.weight',
    ]);
    const infiniteBound = {
      ...rule.factors[0]!,
      normaliser: { type: 'linear', min: 0, max: Infinity },
    };
    expect(paths(rejection({ ...rule, factors: [infiniteBound, rule.factors[1]] }))).toEqual([
      'factors.0.normaliser.max',
    ]);
    const nanGate = {
      name: 'g',
      when: { input: 'probability', op: 'lt', value: Number.NaN },
      cap: 5,
    };
    expect(paths(rejection({ ...rule, gates: [nanGate] }))).toEqual(['gates.0.when.value']);
  });

  it('rejects step thresholds that do not increase and values against the direction', () => {
    const rule = base();
    const steps = (direction: string, values: number[], upTos: number[]) => ({
      ...rule.factors[0]!,
      direction,
      normaliser: {
        type: 'steps',
        steps: upTos.map((upTo, i) => ({ upTo, value: values[i] })),
        above: values[values.length - 1],
      },
    });
    expect(
      paths(
        rejection({
          ...rule,
          factors: [steps('higher_is_better', [0, 1, 1], [10, 10]), rule.factors[1]],
        }),
      ),
    ).toEqual(['factors.0.normaliser.steps.1.upTo']);
    expect(
      paths(
        rejection({
          ...rule,
          factors: [steps('higher_is_better', [0.5, 0.2, 1], [10, 20]), rule.factors[1]],
        }),
      ),
    ).toEqual(['factors.0.normaliser.steps.1.value']);
    expect(
      paths(
        rejection({
          ...rule,
          factors: [steps('lower_is_better', [1, 0.5, 0.7], [10, 20]), rule.factors[1]],
        }),
      ),
    ).toEqual(['factors.0.normaliser.above']);
  });

  it('rejects duplicate factor, gate and flag names', () => {
    const rule = base();
    const gate = { name: 'g', when: { input: 'probability', op: 'lt', value: 1 }, cap: 50 };
    const flag = { code: 'f', when: { input: 'probability', op: 'missing' }, message: 'm' };
    const error = rejection({
      ...rule,
      factors: [rule.factors[0], { ...rule.factors[1]!, name: 'likelihood' }],
      gates: [gate, gate],
      flags: [flag, flag],
    });
    expect(paths(error)).toEqual(['factors.1.name', 'gates.1.name', 'flags.1.code']);
  });

  it('rejects an input used both as a number and as a yes/no', () => {
    const rule = base();
    const gate = { name: 'g', when: { input: 'probability', op: 'is', value: true }, cap: 50 };
    expect(paths(rejection({ ...rule, gates: [gate] }, false))).toEqual(['gates.0.when.op']);
  });

  it('rejects a boolean normaliser on a numeric input of the subject', () => {
    const rule = base();
    const wrong = { ...rule.factors[1]!, input: 'probability' };
    expect(paths(rejection({ ...rule, factors: [wrong] }))).toEqual(['factors.0.input']);
  });

  it('rejects a cap that is not a whole number from 0 to 100', () => {
    const gate = { name: 'g', when: { input: 'probability', op: 'lt', value: 1 }, cap: 60.5 };
    expect(paths(rejection({ ...base(), gates: [gate] }))).toEqual(['gates.0.cap']);
    expect(paths(rejection({ ...base(), gates: [{ ...gate, cap: 101 }] }))).toEqual([
      'gates.0.cap',
    ]);
  });

  it('rejects a missing version, an empty factor list and a name with spaces', () => {
    const { version: _, ...noVersion } = base();
    expect(paths(rejection(noVersion))).toEqual(['version']);
    expect(paths(rejection({ ...base(), factors: [] }))).toEqual(['factors']);
    expect(paths(rejection({ ...base(), name: 'My Rule' }))).toEqual(['name']);
  });

  it('accepts external scores for opportunities but not for account health', () => {
    const external = {
      name: 'model',
      input: 'external.winModel',
      normaliser: { type: 'linear', min: 0, max: 1 },
      weight: 1,
      direction: 'higher_is_better',
      missing: 0,
    };
    const rule = { ...base(), factors: [...base().factors, external] };
    expect(parseScoringRule(rule, subject).factors[2]!.input).toBe('external.winModel');
    const healthRule = { ...rule, factors: [external] };
    expect(() => parseScoringRule(healthRule, accountHealthSubject)).toThrow(
      /unknown input external.winModel/,
    );
  });

  it('lists the inputs a rule reads with the type it reads them as', () => {
    expect([...ruleInputs(DEFAULT_OPPORTUNITY_RULE)]).toEqual([
      ['value', 'number'],
      ['probability', 'number'],
      ['accountTier', 'number'],
      ['sponsorRelationshipGap', 'number'],
      ['daysToClose', 'number'],
      ['expansionKind', 'number'],
      ['satisfaction', 'number'],
      ['hasExecutiveSponsor', 'boolean'],
    ]);
  });

  it('freezes the default rules so that no caller can change them', () => {
    expect(Object.isFrozen(DEFAULT_OPPORTUNITY_RULE)).toBe(true);
    expect(Object.isFrozen(DEFAULT_OPPORTUNITY_RULE.factors[0]!.normaliser)).toBe(true);
  });
});
