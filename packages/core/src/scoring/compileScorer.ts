import { ValidationError } from '../errors.js';
import { roundMinor } from '../money/money.js';
import {
  parseScoringRule,
  ruleInputs,
  type ScoringCondition,
  type ScoringRule,
} from './scoringRule.js';
import {
  type ScoringInputs,
  type ScoringInputValue,
  type ScoringSubject,
  scoringInputsSubject,
} from './scoringSubject.js';

/** Which rule produced a score: its name and version. */
export interface RuleRef {
  readonly name: string;
  readonly version: number;
}

/** What one factor contributed to a score. */
export interface FactorContribution {
  /** The factor's name. */
  readonly factor: string;
  /** The input it read. */
  readonly input: string;
  /** The raw input value; `null` when the input was absent. */
  readonly value: number | boolean | null;
  /** The merit from 0 to 1, after the normaliser and the direction (the `missing` merit when absent). */
  readonly merit: number;
  /** The most this factor can contribute: 100 x its weight / the sum of weights (not rounded). */
  readonly maxPoints: number;
  /** The whole points it contributed (see {@link ScoreExplanation.points}). */
  readonly points: number;
}

/** A gate that applied to a score. */
export interface GateOutcome {
  readonly gate: string;
  readonly cap: number;
  /**
   * The points this gate removed: `uncapped - cap` for the binding gate (the lowest cap; the
   * first of equal caps), 0 for a gate whose cap was not below the score anyway or that another
   * gate's lower cap made redundant.
   */
  readonly pointsRemoved: number;
}

/** An early-warning flag a score raised. */
export interface RaisedFlag {
  readonly code: string;
  readonly message: string;
}

/**
 * Why a score is what it is, compactly: `points[i]` is what `factors[i]` (the rule's factors, in
 * order) contributed. Exactly: `sum(points) = uncapped` and
 * `uncapped - sum(gates.pointsRemoved) = score`. For each factor's input value and merit, ask
 * the scorer: {@link Scorer.explain}.
 */
export interface ScoreExplanation {
  /** The score before gates: `roundMinor(sum of merit x maxPoints)`, a whole number 0-100. */
  readonly uncapped: number;
  /** The rule's factor names, in order (one array shared by every score of a scorer). */
  readonly factors: readonly string[];
  /**
   * The whole points each factor contributed: `merit x maxPoints` apportioned by largest
   * remainder (ties to the earlier factor), so that they add up to `uncapped` exactly.
   */
  readonly points: readonly number[];
  /** The gates whose condition held, in the rule's order. */
  readonly gates: readonly GateOutcome[];
}

/** A score: a whole number from 0 to 100, the rule that made it, why, and the flags raised. */
export interface Score {
  readonly score: number;
  readonly rule: RuleRef;
  readonly explanation: ScoreExplanation;
  readonly flags: readonly RaisedFlag[];
}

/** A score with every factor's input value and merit: what {@link Scorer.explain} returns. */
export interface DetailedScore extends Score {
  /** Every factor, in the rule's order; `contributions[i].points === explanation.points[i]`. */
  readonly contributions: readonly FactorContribution[];
}

/** A rule compiled against a subject: scores items of type `T`. Pure and deterministic. */
export interface Scorer<T> {
  /** The validated rule. */
  readonly rule: ScoringRule;
  /** The rule's name and version, the same object on every score. */
  readonly ruleRef: RuleRef;
  /**
   * Scores one item.
   *
   * @throws {ValidationError} when an input is NaN or infinite, or has the wrong type (path
   * `['inputs', name]`).
   */
  score(item: T): Score;
  /**
   * Scores one item and details every factor (input value, merit, most and actual points): the
   * same score as {@link Scorer.score}, for showing one score to a person.
   *
   * @throws {ValidationError} as {@link Scorer.score} does.
   */
  explain(item: T): DetailedScore;
  /**
   * Scores many items into columns, without an object per item: the fast path for ranking
   * thousands. `batch.at(i)` gives item `i`'s {@link Score}, equal to `score(items[i])`.
   *
   * @throws {ValidationError} as {@link Scorer.score} does, the path starting with the index.
   */
  scoreAll(items: readonly T[]): ScoreBatch;
}

/**
 * Many scores in columns (typed arrays indexed by item): what {@link Scorer.scoreAll} returns.
 * Treat the arrays as read-only.
 */
export interface ScoreBatch {
  readonly rule: RuleRef;
  /** The rule's factor names, in order. */
  readonly factors: readonly string[];
  /** The number of items. */
  readonly length: number;
  /** `scores[i]` is item `i`'s score. */
  readonly scores: Uint8Array;
  /** `uncapped[i]` is item `i`'s score before gates. */
  readonly uncapped: Uint8Array;
  /** `points[i * factors.length + f]` is what factor `f` contributed to item `i`'s score. */
  readonly points: Uint8Array;
  /**
   * Item `i`'s score as an object, equal to what {@link Scorer.score} returns for it.
   *
   * @throws {RangeError} when `index` is not an item's index.
   */
  at(index: number): Score;
}

const NO_GATES: readonly GateOutcome[] = Object.freeze([]);
const NO_FLAGS: readonly RaisedFlag[] = Object.freeze([]);

const LINEAR = 0;
const LOGARITHMIC = 1;
const STEPS = 2;
const BOOLEAN = 3;

const LT = 0;
const LTE = 1;
const GT = 2;
const GTE = 3;
const IS = 4;
const MISSING = 5;

interface CompiledCondition {
  readonly input: number;
  readonly op: number;
  readonly value: number;
}

function compileCondition(c: ScoringCondition, inputIndex: Map<string, number>): CompiledCondition {
  const input = inputIndex.get(c.input)!;
  switch (c.op) {
    case 'lt':
      return { input, op: LT, value: c.value };
    case 'lte':
      return { input, op: LTE, value: c.value };
    case 'gt':
      return { input, op: GT, value: c.value };
    case 'gte':
      return { input, op: GTE, value: c.value };
    case 'is':
      return { input, op: IS, value: c.value ? 1 : 0 };
    default:
      return { input, op: MISSING, value: 0 };
  }
}

// `v` is an input as a number: booleans as 0/1, absent as NaN (which fails every comparison).
function holds(op: number, v: number, value: number): boolean {
  switch (op) {
    case LT:
      return v < value;
    case LTE:
      return v <= value;
    case GT:
      return v > value;
    case GTE:
      return v >= value;
    case IS:
      return v === value;
    default:
      return Number.isNaN(v);
  }
}

/**
 * Compiles a rule once into a fast scorer for a subject (by default, flat {@link ScoringInputs}
 * records). Compile once and score many: the rule is validated here, not per item.
 *
 * Formula (see docs/scoring.md): `uncapped = roundMinor(sum over factors of merit x 100 x
 * weight / total weight)`; `score = min(uncapped, caps of the gates whose condition holds)`.
 *
 * @throws {ValidationError} when the rule is invalid or reads an input the subject lacks.
 * @example
 * ```ts
 * const scorer = compileScorer(DEFAULT_OPPORTUNITY_RULE, opportunitySubject({ asOf: '2026-03-01' }));
 * const { score, explanation } = scorer.score(opportunity);
 * ```
 */
export function compileScorer(rule: ScoringRule): Scorer<ScoringInputs>;
export function compileScorer<T>(rule: ScoringRule, subject: ScoringSubject<T>): Scorer<T>;
export function compileScorer<T>(
  rule: ScoringRule,
  subject: ScoringSubject<T> = scoringInputsSubject as unknown as ScoringSubject<T>,
): Scorer<T> {
  const parsed = parseScoringRule(rule, subject as ScoringSubject<never>);
  const program = compileProgram(parsed, subject as ScoringSubject<unknown>);
  const { factorCount } = program;
  const factors = parsed.factors;
  const gateNames = parsed.gates.map((g) => g.name);
  const raisedFlags: readonly RaisedFlag[] = parsed.flags.map((f) =>
    Object.freeze({ code: f.code, message: f.message }),
  );
  const ruleRef: RuleRef = Object.freeze({ name: parsed.name, version: parsed.version });
  const factorNames: readonly string[] = Object.freeze(factors.map((f) => f.name));
  const points = new Uint8Array(factorCount);

  const toScore = (
    scoreValue: number,
    uncapped: number,
    factorPoints: readonly number[],
    gateMask: number,
    flagMask: number,
  ): Score => {
    let outcomes = NO_GATES;
    if (gateMask !== 0) {
      // The binding gate is the lowest cap below the uncapped score; the first of equal caps.
      let binding = -1;
      let cap = uncapped;
      for (let g = 0; g < program.gateCount; g++) {
        if ((gateMask >>> g) & 1 && program.gCap[g]! < cap) {
          cap = program.gCap[g]!;
          binding = g;
        }
      }
      const applied: GateOutcome[] = [];
      for (let g = 0; g < program.gateCount; g++) {
        if (!((gateMask >>> g) & 1)) continue;
        applied.push({
          gate: gateNames[g]!,
          cap: program.gCap[g]!,
          pointsRemoved: g === binding ? uncapped - cap : 0,
        });
      }
      outcomes = applied;
    }
    let raised = NO_FLAGS;
    if (flagMask !== 0) raised = raisedFlags.filter((_, f) => (flagMask >>> f) & 1);
    return {
      score: scoreValue,
      rule: ruleRef,
      explanation: { uncapped, factors: factorNames, points: factorPoints, gates: outcomes },
      flags: raised,
    };
  };

  const score = (item: T): Score => {
    run(program, item, points, 0);
    return toScore(
      program.lastScore,
      program.lastUncapped,
      Array.from(points),
      program.lastGateMask,
      program.lastFlagMask,
    );
  };

  const explain = (item: T): DetailedScore => {
    const result = score(item);
    const contributions = factors.map((f, i) => {
      const value = program.readers[program.fInput[i]!]!(item);
      return {
        factor: f.name,
        input: f.input,
        value: value === undefined ? null : value,
        merit: program.merits[i]!,
        maxPoints: program.fMax[i]!,
        points: points[i]!,
      };
    });
    return { ...result, contributions };
  };

  const scoreAll = (items: readonly T[]): ScoreBatch => {
    const n = items.length;
    const scores = new Uint8Array(n);
    const uncappedColumn = new Uint8Array(n);
    const pointsColumn = new Uint8Array(n * factorCount);
    const gateMasks = new Uint32Array(program.gateCount > 0 ? n : 0);
    const flagMasks = new Uint32Array(program.flagCount > 0 ? n : 0);
    runAll(program, items, scores, uncappedColumn, pointsColumn, gateMasks, flagMasks);
    return {
      rule: ruleRef,
      factors: factorNames,
      length: n,
      scores,
      uncapped: uncappedColumn,
      points: pointsColumn,
      at: (index) => {
        if (!(Number.isInteger(index) && index >= 0 && index < n)) {
          throw new RangeError(`No item ${index} in a batch of ${n}`);
        }
        const start = index * factorCount;
        return toScore(
          scores[index]!,
          uncappedColumn[index]!,
          Array.from(pointsColumn.subarray(start, start + factorCount)),
          program.gateCount > 0 ? gateMasks[index]! : 0,
          program.flagCount > 0 ? flagMasks[index]! : 0,
        );
      },
    };
  };

  return { rule: parsed, ruleRef, score, explain, scoreAll };
}

/**
 * A rule compiled into flat arrays, with the scratch space of one run. Every program has the
 * same shape, and the functions that run it are module-level, so the engine optimises them
 * once for every scorer, including scorers compiled a moment ago.
 */
interface Program {
  readonly inputCount: number;
  readonly inputNames: readonly string[];
  readonly readers: readonly ((item: unknown) => ScoringInputValue)[];
  readonly isBoolean: Uint8Array;
  readonly factorCount: number;
  readonly fInput: Int32Array;
  readonly fKind: Uint8Array;
  readonly fA: Float64Array;
  readonly fB: Float64Array;
  readonly fFlip: Uint8Array;
  readonly fMissing: Float64Array;
  readonly fMax: Float64Array;
  readonly fStepsUpTo: readonly Float64Array[];
  readonly fStepsValue: readonly Float64Array[];
  readonly gateCount: number;
  readonly gInput: Int32Array;
  readonly gOp: Uint8Array;
  readonly gValue: Float64Array;
  readonly gCap: Float64Array;
  readonly flagCount: number;
  readonly flInput: Int32Array;
  readonly flOp: Uint8Array;
  readonly flValue: Float64Array;
  // Scratch: the inputs as numbers (booleans 0/1, absent NaN), each factor's merit and exact
  // points, and what the last run found. Overwritten by every run.
  readonly x: Float64Array;
  readonly merits: Float64Array;
  readonly exact: Float64Array;
  lastUncapped: number;
  lastScore: number;
  lastGateMask: number;
  lastFlagMask: number;
}

function compileProgram(parsed: ScoringRule, subject: ScoringSubject<unknown>): Program {
  const types = ruleInputs(parsed);
  const inputNames = [...types.keys()];
  const inputIndex = new Map(inputNames.map((name, i) => [name, i]));
  const factors = parsed.factors;
  const factorCount = factors.length;
  const totalWeight = factors.reduce((sum, f) => sum + f.weight, 0);
  const fInput = new Int32Array(factorCount);
  const fKind = new Uint8Array(factorCount);
  const fA = new Float64Array(factorCount);
  const fB = new Float64Array(factorCount);
  const fFlip = new Uint8Array(factorCount);
  const fMissing = new Float64Array(factorCount);
  const fMax = new Float64Array(factorCount);
  const fStepsUpTo: Float64Array[] = [];
  const fStepsValue: Float64Array[] = [];
  factors.forEach((f, i) => {
    fInput[i] = inputIndex.get(f.input)!;
    fMissing[i] = f.missing;
    fMax[i] = (100 * f.weight) / totalWeight;
    const n = f.normaliser;
    fFlip[i] = f.direction === 'lower_is_better' && n.type !== 'steps' ? 1 : 0;
    fStepsUpTo[i] = new Float64Array(0);
    fStepsValue[i] = new Float64Array(0);
    if (n.type === 'linear') {
      fKind[i] = LINEAR;
      fA[i] = n.min;
      fB[i] = n.max - n.min;
    } else if (n.type === 'logarithmic') {
      fKind[i] = LOGARITHMIC;
      fA[i] = n.min;
      fB[i] = Math.log(n.max / n.min);
    } else if (n.type === 'steps') {
      fKind[i] = STEPS;
      fA[i] = n.above;
      fStepsUpTo[i] = Float64Array.from(n.steps, (step) => step.upTo);
      fStepsValue[i] = Float64Array.from(n.steps, (step) => step.value);
    } else {
      fKind[i] = BOOLEAN;
    }
  });
  const gates = parsed.gates.map((g) => compileCondition(g.when, inputIndex));
  const flags = parsed.flags.map((f) => compileCondition(f.when, inputIndex));
  return {
    inputCount: inputNames.length,
    inputNames,
    readers: inputNames.map((name) => subject.reader(name)!),
    isBoolean: Uint8Array.from(inputNames, (name) => (types.get(name) === 'boolean' ? 1 : 0)),
    factorCount,
    fInput,
    fKind,
    fA,
    fB,
    fFlip,
    fMissing,
    fMax,
    fStepsUpTo,
    fStepsValue,
    gateCount: gates.length,
    gInput: Int32Array.from(gates, (c) => c.input),
    gOp: Uint8Array.from(gates, (c) => c.op),
    gValue: Float64Array.from(gates, (c) => c.value),
    gCap: Float64Array.from(parsed.gates, (g) => g.cap),
    flagCount: flags.length,
    flInput: Int32Array.from(flags, (c) => c.input),
    flOp: Uint8Array.from(flags, (c) => c.op),
    flValue: Float64Array.from(flags, (c) => c.value),
    x: new Float64Array(inputNames.length),
    merits: new Float64Array(factorCount),
    exact: new Float64Array(factorCount),
    lastUncapped: 0,
    lastScore: 0,
    lastGateMask: 0,
    lastFlagMask: 0,
  };
}

function runAll(
  p: Program,
  items: readonly unknown[],
  scores: Uint8Array,
  uncapped: Uint8Array,
  points: Uint8Array,
  gateMasks: Uint32Array,
  flagMasks: Uint32Array,
): void {
  const n = items.length;
  const width = p.factorCount;
  for (let i = 0; i < n; i++) {
    try {
      run(p, items[i], points, i * width);
    } catch (error) {
      throw error instanceof ValidationError ? atIndex(error, i) : error;
    }
    scores[i] = p.lastScore;
    uncapped[i] = p.lastUncapped;
    if (p.gateCount > 0) gateMasks[i] = p.lastGateMask;
    if (p.flagCount > 0) flagMasks[i] = p.lastFlagMask;
  }
}

// Scores one item into the program's scratch state, its points into out[offset..]. The state
// is overwritten on every run, so scoring stays a pure function of the item.
function run(p: Program, item: unknown, out: Uint8Array, offset: number): void {
  const x = p.x;
  const readers = p.readers;
  for (let j = 0; j < p.inputCount; j++) {
    const v = readers[j]!(item);
    if (v === undefined) {
      x[j] = Number.NaN;
    } else if (p.isBoolean[j] === 1) {
      if (v === true) x[j] = 1;
      else if (v === false) x[j] = 0;
      else throw badInput(p.inputNames[j]!, v, 'a boolean');
    } else if (typeof v === 'number' && v - v === 0) {
      // v - v is 0 exactly for finite numbers, NaN for NaN and the infinities.
      x[j] = v;
    } else {
      throw badInput(p.inputNames[j]!, v, 'a finite number');
    }
  }
  const { fInput, fKind, fA, fB, fFlip, fMissing, fMax, merits, exact } = p;
  let total = 0;
  for (let i = 0; i < p.factorCount; i++) {
    const v = x[fInput[i]!]!;
    let m: number;
    if (Number.isNaN(v)) {
      m = fMissing[i]!;
    } else {
      const kind = fKind[i];
      if (kind === LINEAR) {
        m = (v - fA[i]!) / fB[i]!;
      } else if (kind === LOGARITHMIC) {
        m = v <= fA[i]! ? 0 : Math.log(v / fA[i]!) / fB[i]!;
      } else if (kind === STEPS) {
        const upTo = p.fStepsUpTo[i]!;
        m = fA[i]!;
        for (let s = 0; s < upTo.length; s++) {
          if (v <= upTo[s]!) {
            m = p.fStepsValue[i]![s]!;
            break;
          }
        }
      } else {
        m = v;
      }
      if (m < 0) m = 0;
      else if (m > 1) m = 1;
      if (fFlip[i] === 1) m = 1 - m;
    }
    merits[i] = m;
    const c = m * fMax[i]!;
    exact[i] = c;
    total += c;
  }
  // Floating-point noise can put a perfect score a hair above 100; rounding brings it back.
  const uncapped = Math.min(100, Math.max(0, roundMinor(total)));
  apportion(exact, uncapped, p.factorCount, out, offset);
  let capped = uncapped;
  let gateMask = 0;
  for (let g = 0; g < p.gateCount; g++) {
    if (holds(p.gOp[g]!, x[p.gInput[g]!]!, p.gValue[g]!)) {
      gateMask |= 1 << g;
      if (p.gCap[g]! < capped) capped = p.gCap[g]!;
    }
  }
  let flagMask = 0;
  for (let f = 0; f < p.flagCount; f++) {
    if (holds(p.flOp[f]!, x[p.flInput[f]!]!, p.flValue[f]!)) flagMask |= 1 << f;
  }
  p.lastUncapped = uncapped;
  p.lastScore = capped;
  p.lastGateMask = gateMask;
  p.lastFlagMask = flagMask;
}

/**
 * Largest-remainder apportionment: whole points per factor that add up to `target` exactly,
 * each the floor of its exact share or one more; ties go to the earlier factor.
 */
function apportion(
  exact: Float64Array,
  target: number,
  count: number,
  out: Uint8Array,
  offset: number,
): void {
  let assigned = 0;
  for (let i = 0; i < count; i++) {
    const p = Math.floor(exact[i]!);
    out[offset + i] = p;
    assigned += p;
  }
  let deficit = target - assigned;
  while (deficit > 0) {
    let best = -1;
    let bestRemainder = -1;
    for (let i = 0; i < count; i++) {
      const remainder = exact[i]! - out[offset + i]!;
      // A factor gets at most one extra point: after it, its remainder is negative.
      if (remainder >= 0 && remainder > bestRemainder) {
        best = i;
        bestRemainder = remainder;
      }
    }
    if (best < 0) break;
    out[offset + best]! += 1;
    deficit--;
  }
  // Only reachable through floating-point noise: take back from the smallest remainders.
  while (deficit < 0) {
    let worst = -1;
    let worstRemainder = 2;
    for (let i = 0; i < count; i++) {
      const remainder = exact[i]! - out[offset + i]!;
      if (out[offset + i]! > 0 && remainder < worstRemainder) {
        worst = i;
        worstRemainder = remainder;
      }
    }
    if (worst < 0) break;
    out[offset + worst]! -= 1;
    deficit++;
  }
}

function badInput(input: string, value: unknown, expected: string): ValidationError {
  const shown = typeof value === 'number' ? String(value) : JSON.stringify(value);
  const message = `input ${input} is ${shown}, expected ${expected} or absent`;
  return new ValidationError(`Invalid scoring input at inputs.${input}: ${message}`, [
    { path: ['inputs', input], message, code: 'invalid_input' },
  ]);
}

function atIndex(error: ValidationError, index: number): ValidationError {
  return new ValidationError(
    `Item ${index}: ${error.message}`,
    error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })),
    { cause: error },
  );
}
