import {
  compareRanked,
  compileScorer,
  parseScoringRule,
  type RuleRef,
  ruleInputs,
  type Score,
  type ScoringInputs,
  type ScoringRule,
  sortRanked,
} from '@account-planning/core';
import fc from 'fast-check';

/** The laws every scoring rule must obey. */
export const SCORING_LAWS = [
  'bounded',
  'deterministic',
  'recordsRule',
  'monotone',
  'explanationSums',
  'gatesOnlyLower',
  'rankingTotalOrder',
  'rankingIndependentOfInputOrder',
] as const;
/** The name of one scoring law. */
export type ScoringLawName = (typeof SCORING_LAWS)[number];

/** Options of {@link checkScoringLaws}. */
export interface ScoringLawsOptions {
  /** Runs per property; default 200. */
  readonly numRuns?: number;
  /** The seed, to replay a failure; default random (fast-check's). */
  readonly seed?: number;
  /** Only these laws; default all of {@link SCORING_LAWS}. */
  readonly laws?: readonly ScoringLawName[];
  /**
   * The range to draw each numeric input from, by input name. By default it spans the rule's own
   * bounds, steps and gate thresholds, widened by half on each side.
   */
  readonly inputRanges?: Readonly<Record<string, readonly [number, number]>>;
  /**
   * A product's own scoring function over flat inputs (a wrapper around a model, say) to check
   * instead of the library's compiled rule. The rule still declares the factors, directions and
   * gates it is checked against.
   */
  readonly score?: (inputs: ScoringInputs) => Score;
}

/** The outcome of one property. */
export interface ScoringLawResult {
  readonly law: ScoringLawName;
  /** The property's name: the law, and for `monotone` the factor. */
  readonly property: string;
  readonly passed: boolean;
  readonly numRuns: number;
  /** For a failure: what went wrong, on the shrunk counter-example, in words. */
  readonly failure?: string;
}

/** Every property checked, with its outcome. */
export interface ScoringLawsReport {
  readonly rule: RuleRef;
  readonly results: readonly ScoringLawResult[];
  /** Laws checked, and properties run (one per law, `monotone` one per weighted factor). */
  readonly laws: number;
  readonly properties: number;
}

/** Thrown by {@link checkScoringLaws} when a law is broken; its message reads as a report. */
export class ScoringLawViolation extends Error {
  readonly report: ScoringLawsReport;

  constructor(message: string, report: ScoringLawsReport) {
    super(message);
    this.name = 'ScoringLawViolation';
    this.report = report;
  }
}

// Thrown inside a property with the words that describe what broke.
class Broken extends Error {}

interface Entry {
  readonly id: string;
  readonly value: { readonly amountMinor: number; readonly currency: string };
  readonly inputs: ScoringInputs;
}

/**
 * Runs fast-check properties against a scoring rule (a built-in one or a product's own, as code
 * or JSON): scores are bounded in [0, 100]; deterministic; name their rule; monotone in every
 * factor in its declared direction with the other inputs fixed; explained by points that add up
 * to the score exactly; only ever lowered by gates; and ranked in a total order that does not
 * depend on input order. Returns the report when every law holds.
 *
 * @throws {ValidationError} when the rule itself is invalid.
 * @throws {ScoringLawViolation} when a law is broken: the message names each broken law and
 * describes its shrunk counter-example in words, with the seed and path to replay it.
 * @example
 * ```ts
 * it('our opportunity rule obeys the scoring laws', () => {
 *   checkScoringLaws(JSON.parse(readFileSync('rules/opportunity-v3.json', 'utf8')));
 * });
 * ```
 */
export function checkScoringLaws(
  rule: ScoringRule | unknown,
  options: ScoringLawsOptions = {},
): ScoringLawsReport {
  const parsed = parseScoringRule(rule);
  const compiled = compileScorer(parsed);
  const score = options.score ?? compiled.score;
  const custom = options.score !== undefined;
  const gateless = compileScorer({ ...parsed, gates: [] });
  const ref: RuleRef = { name: parsed.name, version: parsed.version };
  const types = ruleInputs(parsed);
  const arbitraries = new Map<string, fc.Arbitrary<number | boolean>>();
  for (const [input, type] of types) {
    arbitraries.set(
      input,
      type === 'boolean'
        ? fc.boolean()
        : numberArbitrary(parsed, input, options.inputRanges?.[input]),
    );
  }
  const inputsArbitrary = fc.record(
    Object.fromEntries(
      [...arbitraries].map(([input, arbitrary]) => [
        input,
        fc.option(arbitrary, { nil: undefined, freq: 8 }),
      ]),
    ),
  ) as fc.Arbitrary<ScoringInputs>;
  const entriesArbitrary = fc.uniqueArray(
    fc.record({
      id: fc.string({ unit: fc.constantFrom(...'abcdef'), minLength: 1, maxLength: 3 }),
      value: fc
        .oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1_000_000 }))
        .map((amountMinor) => ({ amountMinor, currency: 'EUR' })),
      inputs: inputsArbitrary,
    }),
    { selector: (e) => e.id, maxLength: 25 },
  ) as fc.Arbitrary<Entry[]>;

  const wanted = new Set(options.laws ?? SCORING_LAWS);
  const results: ScoringLawResult[] = [];
  const parameters: fc.Parameters<unknown> = {
    numRuns: options.numRuns ?? 200,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };

  const run = <Ts extends [unknown, ...unknown[]]>(
    law: ScoringLawName,
    property: string,
    arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
    predicate: (...args: Ts) => void,
  ) => {
    if (!wanted.has(law)) return;
    const details = fc.check(
      fc.property(...arbitraries, predicate),
      parameters as fc.Parameters<Ts>,
    );
    results.push({
      law,
      property,
      passed: !details.failed,
      numRuns: details.numRuns,
      ...(details.failed ? { failure: describeFailure(details) } : {}),
    });
  };

  run('bounded', 'bounded', [inputsArbitrary], (inputs) => {
    const s = score(inputs);
    const problems: string[] = [];
    if (!isWhole(s.score, 0, 100)) problems.push(`the score is ${s.score}`);
    if (!isWhole(s.explanation.uncapped, 0, 100)) {
      problems.push(`the uncapped score is ${s.explanation.uncapped}`);
    }
    s.explanation.points.forEach((p, i) => {
      if (!isWhole(p, 0, 100)) problems.push(`factor ${s.explanation.factors[i]} has ${p} points`);
    });
    if (problems.length > 0) {
      throw new Broken(
        `${problems.join('; ')}, where a whole number from 0 to 100 was expected.\n  Inputs: ${describeInputs(inputs)}`,
      );
    }
  });

  run('deterministic', 'deterministic', [inputsArbitrary, inputsArbitrary], (inputs, other) => {
    const first = JSON.stringify(score(inputs));
    score(other);
    const again = JSON.stringify(score(structuredClone(inputs)));
    if (first !== again) {
      throw new Broken(
        `the same inputs scored differently: first ${first}, then (after scoring other inputs) ${again}.\n  Inputs: ${describeInputs(inputs)}\n  Other inputs: ${describeInputs(other)}`,
      );
    }
    if (!custom) {
      const batch = JSON.stringify(compiled.scoreAll([other, inputs]).at(1));
      if (batch !== first) {
        throw new Broken(
          `scoring in a batch gave ${batch}, one at a time ${first}.\n  Inputs: ${describeInputs(inputs)}`,
        );
      }
    }
  });

  run('recordsRule', 'recordsRule', [inputsArbitrary], (inputs) => {
    const s = score(inputs);
    if (s.rule.name !== ref.name || s.rule.version !== ref.version) {
      throw new Broken(
        `the score names rule ${s.rule.name}@${s.rule.version}, not ${ref.name}@${ref.version}.\n  Inputs: ${describeInputs(inputs)}`,
      );
    }
  });

  for (const factor of parsed.factors) {
    if (factor.weight === 0) continue;
    const input = factor.input;
    const higher = factor.direction === 'higher_is_better';
    const pair: fc.Arbitrary<[number | boolean, number | boolean]> =
      types.get(input) === 'boolean'
        ? fc.constant([false, true])
        : fc
            .tuple(
              arbitraries.get(input) as fc.Arbitrary<number>,
              arbitraries.get(input) as fc.Arbitrary<number>,
            )
            .map(([a, b]) => (a <= b ? [a, b] : [b, a]));
    run('monotone', `monotone:${factor.name}`, [inputsArbitrary, pair], (inputs, [low, high]) => {
      const atLow = score({ ...inputs, [input]: low });
      const atHigh = score({ ...inputs, [input]: high });
      const worse = higher ? atHigh.score < atLow.score : atLow.score < atHigh.score;
      if (!worse) return;
      const [from, to, before, after] = higher
        ? [low, high, atLow, atHigh]
        : [high, low, atHigh, atLow];
      throw new Broken(
        `factor ${factor.name} says ${higher ? 'higher' : 'lower'} ${input} is better, but ${higher ? 'raising' : 'lowering'} ${input} from ${show(from)} to ${show(to)} lowered the score from ${describeScore(before)} to ${describeScore(after)}.\n  Other inputs: ${describeInputs(inputs, input)}`,
      );
    });
  }

  run('explanationSums', 'explanationSums', [inputsArbitrary], (inputs) => {
    const s = score(inputs);
    const { points, factors, uncapped, gates } = s.explanation;
    const sum = points.reduce((a, b) => a + b, 0);
    const removed = gates.reduce((a, g) => a + g.pointsRemoved, 0);
    let problem: string | undefined;
    if (points.length !== parsed.factors.length || factors.length !== parsed.factors.length) {
      problem = `the explanation lists ${points.length} points for ${parsed.factors.length} factors`;
    } else if (sum !== uncapped) {
      problem = `the factors' points (${points.join(' + ')} = ${sum}) do not add up to the uncapped score ${uncapped}`;
    } else if (uncapped - removed !== s.score) {
      problem = `the uncapped score ${uncapped} less the points gates removed (${removed}) is not the score ${s.score}`;
    } else if (gates.some((g) => g.pointsRemoved < 0)) {
      problem = 'a gate removed a negative number of points';
    }
    if (problem) throw new Broken(`${problem}.\n  Inputs: ${describeInputs(inputs)}`);
  });

  run('gatesOnlyLower', 'gatesOnlyLower', [inputsArbitrary], (inputs) => {
    const s = score(inputs);
    let problem: string | undefined;
    if (s.score > s.explanation.uncapped) {
      problem = `the score ${s.score} is above the uncapped score ${s.explanation.uncapped}`;
    }
    for (const gate of s.explanation.gates) {
      if (s.score > gate.cap)
        problem = `gate ${gate.gate} applied, but the score ${s.score} is above its cap ${gate.cap}`;
    }
    if (!custom) {
      const without = gateless.score(inputs);
      if (s.score > without.score) {
        problem = `the score with gates (${s.score}) is above the score without them (${without.score})`;
      }
    }
    if (problem) throw new Broken(`${problem}.\n  Inputs: ${describeInputs(inputs)}`);
  });

  const rank = (entries: readonly Entry[]) =>
    sortRanked(entries.map((e) => ({ id: e.id, value: e.value, score: score(e.inputs).score })));

  run('rankingTotalOrder', 'rankingTotalOrder', [entriesArbitrary], (entries) => {
    const ranked = rank(entries);
    for (let i = 0; i + 1 < ranked.length; i++) {
      const [a, b] = [ranked[i]!, ranked[i + 1]!];
      if (!(compareRanked(a, b) < 0 && compareRanked(b, a) > 0)) {
        throw new Broken(
          `the ranking puts ${describeEntry(a)} before ${describeEntry(b)}, but the order does not strictly separate them.\n  Entries: ${entries.map((e) => `${e.id}: ${describeInputs(e.inputs)}`).join('; ')}`,
        );
      }
    }
    for (const a of ranked) {
      if (compareRanked(a, a) !== 0) throw new Broken(`${describeEntry(a)} does not equal itself`);
    }
  });

  run(
    'rankingIndependentOfInputOrder',
    'rankingIndependentOfInputOrder',
    [
      entriesArbitrary.chain((entries) =>
        fc.tuple(
          fc.constant(entries),
          fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
        ),
      ),
    ],
    ([entries, shuffled]) => {
      const one = rank(entries).map((e) => e.id);
      const two = rank(shuffled).map((e) => e.id);
      if (one.join() !== two.join()) {
        throw new Broken(
          `ranking [${entries.map((e) => e.id).join(', ')}] gives [${one.join(', ')}], but the same entries as [${shuffled.map((e) => e.id).join(', ')}] give [${two.join(', ')}]`,
        );
      }
    },
  );

  const report: ScoringLawsReport = {
    rule: ref,
    results,
    laws: new Set(results.map((r) => r.law)).size,
    properties: results.length,
  };
  const failed = results.filter((r) => !r.passed);
  if (failed.length > 0) {
    const lines = [
      `Scoring rule ${ref.name}@${ref.version} breaks ${failed.length} of ${results.length} scoring law properties:`,
      ...failed.map((r) => `\n✗ ${r.property}: ${r.failure}`),
    ];
    throw new ScoringLawViolation(lines.join('\n'), report);
  }
  return report;
}

function describeFailure<Ts>(details: fc.RunDetails<Ts>): string {
  const error = details.errorInstance;
  const what =
    error instanceof Broken
      ? error.message
      : `scoring threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} on ${JSON.stringify(details.counterexample)}`;
  return `${what}\n  Found after ${details.numRuns} run${details.numRuns === 1 ? '' : 's'} and shrunk ${details.numShrinks} time${details.numShrinks === 1 ? '' : 's'}; replay with { seed: ${details.seed}, path: "${details.counterexamplePath}" }.`;
}

function isWhole(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function show(value: unknown): string {
  return value === undefined ? 'absent' : typeof value === 'number' ? String(value) : String(value);
}

function describeInputs(inputs: ScoringInputs, except?: string): string {
  const parts = Object.keys(inputs)
    .filter((k) => k !== except)
    .sort()
    .map((k) => `${k} = ${show(inputs[k])}`);
  return parts.length === 0 ? '(none)' : parts.join(', ');
}

function describeScore(s: Score): string {
  const gates = s.explanation.gates.filter((g) => g.pointsRemoved > 0);
  return gates.length === 0
    ? String(s.score)
    : `${s.score} (${s.explanation.uncapped} capped at ${gates[0]!.cap} by gate ${gates[0]!.gate})`;
}

function describeEntry(e: { id: string; score: number; value: { amountMinor: number } }): string {
  return `${e.id} (score ${e.score}, value ${e.value.amountMinor})`;
}

// Numbers drawn around everything the rule says about the input: its bounds, step thresholds
// and condition values (exactly, and anywhere in a range half as wide again on each side).
function numberArbitrary(
  rule: ScoringRule,
  input: string,
  range?: readonly [number, number],
): fc.Arbitrary<number> {
  const anchors: number[] = [];
  for (const f of rule.factors) {
    if (f.input !== input) continue;
    const n = f.normaliser;
    if (n.type === 'linear' || n.type === 'logarithmic') anchors.push(n.min, n.max);
    if (n.type === 'steps') for (const s of n.steps) anchors.push(s.upTo);
  }
  for (const c of [...rule.gates.map((g) => g.when), ...rule.flags.map((f) => f.when)]) {
    if (c.input === input && c.op !== 'is' && c.op !== 'missing') anchors.push(c.value);
  }
  let lo: number;
  let hi: number;
  if (range) {
    [lo, hi] = range;
  } else {
    if (anchors.length === 0) anchors.push(0);
    lo = Math.min(...anchors);
    hi = Math.max(...anchors);
    const span = hi - lo || Math.max(1, Math.abs(lo));
    lo -= span / 2;
    hi += span / 2;
  }
  const inRange = anchors.filter((a) => a >= lo && a <= hi);
  const choices: fc.WeightedArbitrary<number>[] = [
    { weight: 3, arbitrary: fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }) },
  ];
  if (inRange.length > 0) choices.push({ weight: 2, arbitrary: fc.constantFrom(...inRange) });
  const intLo = Math.max(Math.ceil(lo), Number.MIN_SAFE_INTEGER);
  const intHi = Math.min(Math.floor(hi), Number.MAX_SAFE_INTEGER);
  if (intLo <= intHi)
    choices.push({ weight: 3, arbitrary: fc.integer({ min: intLo, max: intHi }) });
  return fc.oneof(...choices);
}
