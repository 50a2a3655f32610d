import { readFile } from 'node:fs/promises';
import {
  opportunitySubject,
  parseScoringRule,
  type ScoringRule,
  ValidationError,
} from '@account-planning/core';

// Only the inputs' names and types are checked against it, never a day's facts: any day will do.
const OPPORTUNITY_INPUTS = opportunitySubject({ asOf: '2026-01-01' });

/**
 * Validates an opportunity-scoring rule that arrived as JSON: its structure, then that every
 * input it reads is one an opportunity has (`external.<key>` for the product's own scores).
 *
 * @throws {ValidationError} naming `source`, with the path of every problem in the rule.
 */
export function parseOpportunityRule(json: unknown, source: string): ScoringRule {
  try {
    return parseScoringRule(json, OPPORTUNITY_INPUTS);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(`${source}: ${error.message}`, error.issues, { cause: error });
  }
}

/**
 * Reads an opportunity-scoring rule from a JSON file and validates it (see
 * {@link parseOpportunityRule}).
 *
 * @throws {ValidationError} when the file is not JSON or the rule is invalid.
 */
export async function loadOpportunityRule(file: URL): Promise<ScoringRule> {
  const source = file.pathname.split('/').slice(-2).join('/');
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new ValidationError(`${source} is not JSON: ${message}`, [
      { path: [], message, code: 'invalid_json' },
    ]);
  }
  return parseOpportunityRule(json, source);
}
