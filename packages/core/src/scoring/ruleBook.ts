import { NotFoundError, ValidationError } from '../errors.js';
import type { Score, Scorer } from './compileScorer.js';
import { parseScoringRule, type ScoringRule } from './scoringRule.js';

/**
 * The versions of a product's scoring rules. A score names the rule and version that made it
 * (`score.rule`); the book finds that version again, so a past rating can be reproduced and set
 * beside what a newer version says (changing a formula must not silently rewrite history).
 */
export interface RuleBook {
  /**
   * The rule `name` at `version`.
   *
   * @throws {NotFoundError} when the book has no such version.
   */
  get(name: string, version: number): ScoringRule;
  /**
   * The highest version of `name`.
   *
   * @throws {NotFoundError} when the book has no rule of that name.
   */
  latest(name: string): ScoringRule;
  /** The versions of `name`, ascending (empty when none). */
  versions(name: string): readonly number[];
  /** Every rule, by name then version. */
  rules(): readonly ScoringRule[];
}

/**
 * Creates a rule book from rules (JSON or code), validating each.
 *
 * @throws {ValidationError} when a rule is invalid (path starting with its index), or when two
 * different rules claim the same name and version (a changed formula needs a new version).
 */
export function createRuleBook(rules: readonly unknown[]): RuleBook {
  const byKey = new Map<string, ScoringRule>();
  const canonical = new Map<string, string>();
  rules.forEach((input, index) => {
    let rule: ScoringRule;
    try {
      rule = parseScoringRule(input);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new ValidationError(
        `Rule ${index}: ${error.message}`,
        error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })),
        { cause: error },
      );
    }
    const key = `${rule.name}@${rule.version}`;
    const json = JSON.stringify(rule);
    const seen = canonical.get(key);
    if (seen !== undefined && seen !== json) {
      const message = `${key} is defined twice with different contents: give the changed formula a new version`;
      throw new ValidationError(`Invalid rule book: ${message}`, [
        { path: [index, 'version'], message, code: 'duplicate_version' },
      ]);
    }
    canonical.set(key, json);
    byKey.set(key, rule);
  });
  const sorted = [...byKey.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.version - b.version,
  );
  const versions = (name: string) => sorted.filter((r) => r.name === name).map((r) => r.version);
  return {
    get(name, version) {
      const rule = byKey.get(`${name}@${version}`);
      if (!rule) throw new NotFoundError('scoring rule', `${name}@${version}`);
      return rule;
    },
    latest(name) {
      const all = versions(name);
      if (all.length === 0) throw new NotFoundError('scoring rule', name);
      return byKey.get(`${name}@${all[all.length - 1]}`)!;
    },
    versions,
    rules: () => sorted,
  };
}

/** One item scored under several rule versions. */
export interface ScoreComparison {
  /** One score per scorer, in the scorers' order; each names its rule and version. */
  readonly scores: readonly Score[];
  /** The last score minus the first: how much the newer formula moves this item. */
  readonly change: number;
}

/**
 * Scores the same items under several rules (typically versions of one rule) side by side, to
 * show what a new formula changes before anyone adopts it, or to re-score history under the
 * version that rated it and the current one.
 *
 * @throws {ValidationError} as the scorers do (the path starting with the item's index); or
 * when no scorer is given.
 * @example
 * ```ts
 * const rows = scoreSideBySide(pastFacts, [v1, v2].map((rule) => opportunityScorer(ctx, rule)));
 * rows.filter((row) => Math.abs(row.change) >= 10);
 * ```
 */
export function scoreSideBySide<T>(
  items: readonly T[],
  scorers: readonly Scorer<T>[],
): ScoreComparison[] {
  if (scorers.length === 0) {
    throw new ValidationError('scoreSideBySide needs at least one scorer', [
      { path: ['scorers'], message: 'expected at least one scorer', code: 'too_small' },
    ]);
  }
  const batches = scorers.map((scorer) => scorer.scoreAll(items));
  return items.map((_, i) => {
    const scores = batches.map((batch) => batch.at(i));
    return { scores, change: scores[scores.length - 1]!.score - scores[0]!.score };
  });
}
