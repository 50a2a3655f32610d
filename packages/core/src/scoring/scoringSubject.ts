import type { ScoringInputType } from './scoringRule.js';

/** A raw input value: a number, a yes/no, or absent (`undefined`). */
export type ScoringInputValue = number | boolean | undefined;

/** Flat named inputs, the plainest thing a rule can score: `{ probability: 40, hasExecutiveSponsor: true }`. */
export type ScoringInputs = Readonly<Record<string, ScoringInputValue>>;

/** One input a subject offers to rules: its type, what it means, and how it is read from an item. */
export interface ScoringInputSpec<T> {
  readonly type: ScoringInputType;
  /** What the input means, its unit and scale, and what absent means. */
  readonly description: string;
  /** Reads the input from an item; `undefined` when the item does not have it. Pure. */
  readonly read: (item: T) => ScoringInputValue;
}

/**
 * What a rule can score: a named set of inputs read from items of type `T` (an opportunity's
 * facts, an account's). Rules are checked against it by name and type, and the compiled scorer
 * reads items through it directly, without building an input record per item.
 */
export interface ScoringSubject<T> {
  /** The subject's name, used in messages (`opportunity`). */
  readonly name: string;
  /** The type of an input, or `undefined` when the subject has no such input. */
  inputType(input: string): ScoringInputType | undefined;
  /** The names of the declared inputs (without the open-ended `external.*`), sorted. */
  inputNames(): readonly string[];
  /** The description of an input, for docs and messages. */
  describe(input: string): string | undefined;
  /** A reader for an input the subject has; `undefined` for an unknown input. */
  reader(input: string): ((item: T) => ScoringInputValue) | undefined;
}

/** Declares a {@link ScoringSubject}. */
export interface ScoringSubjectDefinition<T> {
  readonly name: string;
  readonly inputs: Readonly<Record<string, ScoringInputSpec<T>>>;
  /**
   * Reads an external score (`external.<key>`), a number a product computes itself (a machine
   * learning model's win probability, say); `undefined` when the item has none. Without it, the
   * subject has no external inputs.
   */
  readonly external?: (item: T, key: string) => number | undefined;
}

const EXTERNAL = 'external.';

/**
 * Creates a subject from its input catalogue.
 *
 * @example
 * ```ts
 * const dealSubject = defineScoringSubject<Deal>({
 *   name: 'deal',
 *   inputs: { size: { type: 'number', description: 'seats', read: (d) => d.seats } },
 * });
 * ```
 */
export function defineScoringSubject<T>(
  definition: ScoringSubjectDefinition<T>,
): ScoringSubject<T> {
  const names = Object.keys(definition.inputs).sort();
  const external = definition.external;
  const own = (input: string): ScoringInputSpec<T> | undefined =>
    Object.hasOwn(definition.inputs, input) ? definition.inputs[input] : undefined;
  const externalKey = (input: string): string | undefined =>
    external && input.startsWith(EXTERNAL) && input.length > EXTERNAL.length
      ? input.slice(EXTERNAL.length)
      : undefined;
  return {
    name: definition.name,
    inputType: (input) => own(input)?.type ?? (externalKey(input) ? 'number' : undefined),
    inputNames: () => names,
    describe: (input) =>
      own(input)?.description ??
      (externalKey(input) ? `an external score supplied by the product (${input})` : undefined),
    reader: (input) => {
      const spec = own(input);
      if (spec) return spec.read;
      const key = externalKey(input);
      if (key === undefined || !external) return undefined;
      return (item) => external(item, key);
    },
  };
}

/**
 * The subject of flat {@link ScoringInputs} records: every input name exists and is read as
 * `record[name]`. It is what `checkScoringLaws` scores, and what a product uses when it maps
 * its own data to named inputs itself.
 */
export const scoringInputsSubject: ScoringSubject<ScoringInputs> = {
  name: 'inputs',
  inputType: () => undefined,
  inputNames: () => [],
  describe: () => undefined,
  reader: (input) => (record) => (Object.hasOwn(record, input) ? record[input] : undefined),
};
