import { z } from 'zod';
import { ValidationError } from '../errors.js';
import type { ScoringSubject } from './scoringSubject.js';

/** A fraction from 0 to 1: a normalised value, or the merit a step of a table is worth. */
const UnitInterval = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1');

/**
 * The name of an input a factor or gate reads: a word (`probability`), or `external.<name>` for a
 * score a product computes itself (a machine-learning model, say) and feeds in.
 */
export const ScoringInputName = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)?$/,
    'expected an input name such as probability or external.winModel',
  );
/** The name of a scoring input. */
export type ScoringInputName = z.infer<typeof ScoringInputName>;

/**
 * Linear between bounds: `(x - min) / (max - min)`, clamped to [0, 1]. `min < max`.
 */
export const LinearNormaliser = z.object({
  type: z.literal('linear'),
  min: z.number(),
  max: z.number(),
});
/** Linear between bounds. */
export type LinearNormaliser = z.infer<typeof LinearNormaliser>;

/**
 * Logarithmic between bounds: `ln(x / min) / ln(max / min)`, clamped to [0, 1]; `0 < min < max`.
 * Suits money, where the step from 1,000 to 10,000 matters as much as from 100,000 to 1,000,000.
 */
export const LogarithmicNormaliser = z.object({
  type: z.literal('logarithmic'),
  min: z.number().positive('the lower bound of a logarithmic scale must be above 0'),
  max: z.number(),
});
/** Logarithmic between bounds. */
export type LogarithmicNormaliser = z.infer<typeof LogarithmicNormaliser>;

/** One row of a step table: inputs up to and including `upTo` are worth `value`. */
export const Step = z.object({ upTo: z.number(), value: UnitInterval });
/** One row of a step table. */
export type Step = z.infer<typeof Step>;

/**
 * A step table: the merit is the `value` of the first step whose `upTo` is at least the input,
 * and `above` when the input is above every step. Thresholds strictly increase; values must move
 * in the factor's direction (never down for `higher_is_better`, never up for `lower_is_better`),
 * so the table cannot contradict the direction it declares.
 */
export const StepsNormaliser = z.object({
  type: z.literal('steps'),
  steps: z.array(Step).min(1, 'a step table needs at least one step'),
  above: UnitInterval,
});
/** A step table. */
export type StepsNormaliser = z.infer<typeof StepsNormaliser>;

/** A yes/no input: true is 1, false is 0 (before the direction is applied). */
export const BooleanNormaliser = z.object({ type: z.literal('boolean') });
/** A yes/no input. */
export type BooleanNormaliser = z.infer<typeof BooleanNormaliser>;

/** How a factor turns its raw input into a merit between 0 and 1. */
export const Normaliser = z.discriminatedUnion('type', [
  LinearNormaliser,
  LogarithmicNormaliser,
  StepsNormaliser,
  BooleanNormaliser,
]);
/** How a factor turns its raw input into a merit between 0 and 1. */
export type Normaliser = z.infer<typeof Normaliser>;

/** Which way of an input is better. */
export const ScoringDirection = z.enum(['higher_is_better', 'lower_is_better']);
/** Which way of an input is better. */
export type ScoringDirection = z.infer<typeof ScoringDirection>;

/**
 * One weighted factor of a rule. Its share of the score is `weight / sum of weights`; its merit
 * comes from the normaliser (for linear, logarithmic and boolean normalisers, `lower_is_better`
 * turns merit `m` into `1 - m`). `missing` is the merit used when the input is absent.
 */
export const ScoringFactor = z.object({
  /** A unique name, shown in explanations. */
  name: z.string().min(1).max(80),
  /** The input it reads. */
  input: ScoringInputName,
  normaliser: Normaliser,
  /** A non-negative weight; weights are relative (they need not add up to 100). */
  weight: z.number().nonnegative('a weight must not be negative'),
  direction: ScoringDirection,
  /** The merit (0 to 1) used when the input is absent. */
  missing: UnitInterval,
  /** What the factor measures and why, for people. */
  description: z.string().max(500).optional(),
});
/** One weighted factor of a rule. */
export type ScoringFactor = z.infer<typeof ScoringFactor>;

/**
 * A test of one input: `lt`, `lte`, `gt`, `gte` compare a number; `is` matches a yes/no input;
 * `missing` holds when the input is absent. A comparison on an absent input does not hold.
 */
export const ScoringCondition = z.discriminatedUnion('op', [
  z.object({ input: ScoringInputName, op: z.literal('lt'), value: z.number() }),
  z.object({ input: ScoringInputName, op: z.literal('lte'), value: z.number() }),
  z.object({ input: ScoringInputName, op: z.literal('gt'), value: z.number() }),
  z.object({ input: ScoringInputName, op: z.literal('gte'), value: z.number() }),
  z.object({ input: ScoringInputName, op: z.literal('is'), value: z.boolean() }),
  z.object({ input: ScoringInputName, op: z.literal('missing') }),
]);
/** A test of one input. */
export type ScoringCondition = z.infer<typeof ScoringCondition>;

/**
 * A gate: when its condition holds, the score is capped at `cap` (a whole number from 0 to 100).
 * A gate can only lower a score, never raise it.
 */
export const ScoringGate = z.object({
  name: z.string().min(1).max(80),
  when: ScoringCondition,
  cap: z.number().int('a cap is a whole number').min(0).max(100),
  description: z.string().max(500).optional(),
});
/** A gate that caps a score. */
export type ScoringGate = z.infer<typeof ScoringGate>;

/**
 * An early-warning flag: raised (with its message) when its condition holds. Flags do not change
 * the score; they tell a reader what to look at.
 */
export const ScoringFlag = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_.]*$/, 'expected a code such as satisfaction_low'),
  when: ScoringCondition,
  message: z.string().min(1).max(500),
});
/** An early-warning flag. */
export type ScoringFlag = z.infer<typeof ScoringFlag>;

/**
 * A scoring rule as data: a product stores it as JSON and changes it without a deploy. Scores
 * record the rule's `name` and `version`, so past ratings stay tied to the formula that made them.
 *
 * Structural checks (bounds in order, weights non-negative and not all zero, unique names, no
 * NaN or Infinity, step tables monotone in the factor's direction, one type per input) are part
 * of the schema; whether the inputs exist is checked against a subject by
 * {@link parseScoringRule}.
 */
export const ScoringRule = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case name such as opportunity-default'),
    /** A positive whole number; a changed formula is a new version. */
    version: z.number().int().positive(),
    description: z.string().max(2000).optional(),
    factors: z.array(ScoringFactor).min(1, 'a rule needs at least one factor'),
    gates: z.array(ScoringGate).max(32, 'a rule has at most 32 gates'),
    flags: z.array(ScoringFlag).max(32, 'a rule has at most 32 flags'),
  })
  .superRefine((rule, ctx) => {
    for (const issue of structuralIssues(rule)) ctx.addIssue({ code: 'custom', ...issue });
  });
/** A scoring rule as data. */
export type ScoringRule = z.infer<typeof ScoringRule>;

/** The type of value an input carries. */
export type ScoringInputType = 'number' | 'boolean';

interface RuleIssue {
  path: (string | number)[];
  message: string;
}

function structuralIssues(rule: ScoringRule): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const names = new Set<string>();
  let totalWeight = 0;
  rule.factors.forEach((factor, i) => {
    if (names.has(factor.name)) {
      issues.push({ path: ['factors', i, 'name'], message: `duplicate factor ${factor.name}` });
    }
    names.add(factor.name);
    totalWeight += factor.weight;
    issues.push(...normaliserIssues(factor, ['factors', i, 'normaliser']));
  });
  // A negative weight or an empty list is already reported at its own path.
  const weightsValid = rule.factors.length > 0 && rule.factors.every((f) => f.weight >= 0);
  if (weightsValid && !(totalWeight > 0)) {
    issues.push({ path: ['factors'], message: 'the weights must not all be zero' });
  } else if (weightsValid && !Number.isFinite(totalWeight)) {
    issues.push({ path: ['factors'], message: 'the weights add up to more than a number holds' });
  }
  const gateNames = new Set<string>();
  rule.gates.forEach((gate, i) => {
    if (gateNames.has(gate.name)) {
      issues.push({ path: ['gates', i, 'name'], message: `duplicate gate ${gate.name}` });
    }
    gateNames.add(gate.name);
  });
  const flagCodes = new Set<string>();
  rule.flags.forEach((flag, i) => {
    if (flagCodes.has(flag.code)) {
      issues.push({ path: ['flags', i, 'code'], message: `duplicate flag ${flag.code}` });
    }
    flagCodes.add(flag.code);
  });
  issues.push(...typedInputs(rule).issues);
  return issues;
}

function normaliserIssues(factor: ScoringFactor, path: (string | number)[]): RuleIssue[] {
  const n = factor.normaliser;
  if (n.type === 'linear' || n.type === 'logarithmic') {
    return n.min < n.max
      ? []
      : [{ path: [...path, 'max'], message: `the upper bound ${n.max} must be above ${n.min}` }];
  }
  if (n.type !== 'steps') return [];
  const issues: RuleIssue[] = [];
  const rising = factor.direction === 'higher_is_better';
  const values = [...n.steps.map((s) => s.value), n.above];
  for (let i = 1; i < n.steps.length; i++) {
    if (!(n.steps[i]!.upTo > n.steps[i - 1]!.upTo)) {
      issues.push({
        path: [...path, 'steps', i, 'upTo'],
        message: 'step thresholds must strictly increase',
      });
    }
  }
  for (let i = 1; i < values.length; i++) {
    const wrongWay = rising ? values[i]! < values[i - 1]! : values[i]! > values[i - 1]!;
    if (wrongWay) {
      issues.push({
        path: i < n.steps.length ? [...path, 'steps', i, 'value'] : [...path, 'above'],
        message: rising
          ? 'step values must not fall: the factor says higher is better'
          : 'step values must not rise: the factor says lower is better',
      });
    }
  }
  return issues;
}

/**
 * The inputs a rule reads, each with the type the rule uses it as: `boolean` for a boolean
 * normaliser or an `is` condition, `number` for every other use (an input only tested for being
 * `missing` counts as a number). Use it to generate or document a rule's inputs.
 */
export function ruleInputs(
  rule: Pick<ScoringRule, 'factors' | 'gates' | 'flags'>,
): ReadonlyMap<string, ScoringInputType> {
  return typedInputs(rule).types;
}

function typedInputs(rule: Pick<ScoringRule, 'factors' | 'gates' | 'flags'>): {
  types: Map<string, ScoringInputType>;
  issues: RuleIssue[];
} {
  const types = new Map<string, ScoringInputType>();
  const untyped: string[] = [];
  const issues: RuleIssue[] = [];
  const use = (input: string, type: ScoringInputType | undefined, path: (string | number)[]) => {
    if (type === undefined) {
      untyped.push(input);
      return;
    }
    const seen = types.get(input);
    if (seen !== undefined && seen !== type) {
      issues.push({ path, message: `input ${input} is used both as a ${seen} and as a ${type}` });
    } else {
      types.set(input, type);
    }
  };
  rule.factors.forEach((f, i) => {
    use(f.input, f.normaliser.type === 'boolean' ? 'boolean' : 'number', ['factors', i, 'input']);
  });
  rule.gates.forEach((g, i) => {
    use(g.when.input, conditionType(g.when), ['gates', i, 'when', 'op']);
  });
  rule.flags.forEach((f, i) => {
    use(f.when.input, conditionType(f.when), ['flags', i, 'when', 'op']);
  });
  for (const input of untyped) if (!types.has(input)) types.set(input, 'number');
  return { types, issues };
}

function conditionType(condition: ScoringCondition): ScoringInputType | undefined {
  if (condition.op === 'is') return 'boolean';
  return condition.op === 'missing' ? undefined : 'number';
}

/**
 * Parses untrusted JSON into a {@link ScoringRule}. With a subject, also checks that every input
 * the rule reads exists for that subject and has the type the rule uses it as.
 *
 * @throws {ValidationError} with the zod path of every problem (`factors.2.normaliser.max`):
 * unknown inputs, negative or all-zero weights, reversed bounds, NaN or Infinity, duplicate names.
 * @example
 * ```ts
 * const rule = parseScoringRule(JSON.parse(stored), opportunitySubject({ asOf: '2026-03-02' }));
 * ```
 */
export function parseScoringRule(input: unknown, subject?: ScoringSubject<never>): ScoringRule {
  const parsed = ScoringRule.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'scoring rule');
  const rule = parsed.data;
  if (subject) {
    const issues = subjectIssues(rule, subject);
    if (issues.length > 0) {
      const first = issues[0]!;
      throw new ValidationError(
        `Invalid scoring rule at ${first.path.join('.')}: ${first.message}`,
        issues.map((issue) => ({ ...issue, code: 'unknown_input' })),
      );
    }
  }
  return rule;
}

function subjectIssues(rule: ScoringRule, subject: ScoringSubject<never>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const check = (input: string, path: (string | number)[], usedAs?: ScoringInputType) => {
    const declared = subject.inputType(input);
    if (subject.reader(input) === undefined) {
      issues.push({
        path,
        message: `unknown input ${input} for ${subject.name}; known inputs: ${subject.inputNames().join(', ')}`,
      });
    } else if (usedAs !== undefined && declared !== undefined && declared !== usedAs) {
      issues.push({ path, message: `input ${input} is a ${declared}, used as a ${usedAs}` });
    }
  };
  rule.factors.forEach((f, i) => {
    check(f.input, ['factors', i, 'input'], f.normaliser.type === 'boolean' ? 'boolean' : 'number');
  });
  rule.gates.forEach((g, i) => {
    check(g.when.input, ['gates', i, 'when', 'input'], conditionType(g.when));
  });
  rule.flags.forEach((f, i) => {
    check(f.when.input, ['flags', i, 'when', 'input'], conditionType(f.when));
  });
  return issues;
}

/**
 * Validates a rule written in code and freezes it deeply, so a shared default cannot be changed
 * by accident. Use {@link parseScoringRule} for rules that arrive as JSON.
 *
 * @throws {ValidationError} as {@link parseScoringRule} does.
 */
export function defineScoringRule(rule: ScoringRule, subject?: ScoringSubject<never>): ScoringRule {
  return deepFreeze(parseScoringRule(rule, subject));
}

function deepFreeze<V>(value: V): V {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
