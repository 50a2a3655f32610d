import { ValidationError } from '../errors.js';
import type { Money } from '../money/money.js';
import { calendarDay } from './calendarDay.js';
import { compileScorer, type Score, type Scorer } from './compileScorer.js';
import { minorUnitsOf, numberInRange } from './readFacts.js';
import { defineScoringRule, type ScoringRule } from './scoringRule.js';
import { defineScoringSubject, type ScoringSubject } from './scoringSubject.js';

/**
 * The facts about one account that its priority reads (seed 003: "size, revenue, length of time
 * that account has been an account for your company, and potential for the future").
 */
export interface AccountPriorityFacts {
  readonly id: string;
  /** The customer's size as a head count; absent when unknown. */
  readonly employees?: number | undefined;
  /** Our revenue from the account over the last twelve months, non-negative minor units. */
  readonly revenue: Money;
  /** The day it became a customer, `YYYY-MM-DD`; absent for a prospect. */
  readonly customerSince?: string | undefined;
  /** The estimated further revenue it could bring (its whitespace), non-negative minor units. */
  readonly potential?: Money | undefined;
}

/** When account priority is scored: tenure counts up to `asOf`. */
export interface AccountPriorityContext {
  /** The day of scoring, `YYYY-MM-DD`. */
  readonly asOf: string;
}

/**
 * The account-priority subject. Inputs: `employees` (head count), `revenue` (minor units, last
 * twelve months), `tenureYears` (years since `customerSince`, 0 for a prospect, never negative),
 * `potential` (minor units).
 *
 * @throws {ValidationError} when `asOf` is not a date.
 */
export function accountPrioritySubject(
  context: AccountPriorityContext,
): ScoringSubject<AccountPriorityFacts> {
  const asOfDay = calendarDay(context.asOf, 'asOf');
  return defineScoringSubject<AccountPriorityFacts>({
    name: 'account priority',
    inputs: {
      employees: {
        type: 'number',
        description: "the customer's head count; absent when unknown",
        read: (a) => numberInRange(a.employees, 0, Number.MAX_SAFE_INTEGER, 'employees'),
      },
      revenue: {
        type: 'number',
        description: 'our revenue from the account over the last twelve months, minor units',
        read: (a) => minorUnitsOf(a.revenue, 'revenue'),
      },
      tenureYears: {
        type: 'number',
        description:
          'years since the account became a customer (365.25 days a year); 0 for a prospect',
        read: (a) =>
          a.customerSince === undefined
            ? 0
            : Math.max(0, (asOfDay - calendarDay(a.customerSince, 'customerSince')) / 365.25),
      },
      potential: {
        type: 'number',
        description:
          'the estimated further revenue the account could bring, minor units; absent when not estimated',
        read: (a) => minorUnitsOf(a.potential, 'potential'),
      },
    },
  });
}

/**
 * The default account-priority rule, `account-priority-default` version 1 (seed 003): size 20,
 * revenue 35, tenure 15, potential 30. Parameters and their reasons are in docs/scoring.md.
 */
export const DEFAULT_ACCOUNT_PRIORITY_RULE: ScoringRule = defineScoringRule(
  {
    name: 'account-priority-default',
    version: 1,
    description:
      'How important an account is, from size, revenue, tenure and potential (seed 003); suggests its tier.',
    factors: [
      {
        name: 'size',
        input: 'employees',
        normaliser: { type: 'logarithmic', min: 10, max: 10_000 },
        weight: 20,
        direction: 'higher_is_better',
        missing: 0,
        description: 'seed 003: size; 10 people earn nothing, 10,000 and more earn everything',
      },
      {
        name: 'revenue',
        input: 'revenue',
        normaliser: { type: 'logarithmic', min: 100_000, max: 100_000_000 },
        weight: 35,
        direction: 'higher_is_better',
        missing: 0,
        description: 'seed 003: revenue; from 1,000.00 to 1,000,000.00 a year',
      },
      {
        name: 'tenure',
        input: 'tenureYears',
        normaliser: { type: 'linear', min: 0, max: 5 },
        weight: 15,
        direction: 'higher_is_better',
        missing: 0,
        description: 'seed 003: how long it has been an account; full marks after five years',
      },
      {
        name: 'potential',
        input: 'potential',
        normaliser: { type: 'logarithmic', min: 100_000, max: 100_000_000 },
        weight: 30,
        direction: 'higher_is_better',
        missing: 0,
        description:
          'seed 003: potential for the future; does that account truly have growth potential?',
      },
    ],
    gates: [],
    flags: [],
  },
  accountPrioritySubject({ asOf: '2000-01-01' }),
);

/** The score from which an account is suggested a tier: A at `a` and above, B at `b`, else C. */
export interface TierThresholds {
  readonly a: number;
  readonly b: number;
}

/** Default tier thresholds: A from 70, B from 40 (our parameter; seed 004 plans the top tier). */
export const DEFAULT_TIER_THRESHOLDS: TierThresholds = Object.freeze({ a: 70, b: 40 });

/**
 * The tier a priority score suggests: `A` at `thresholds.a` and above, `B` at `thresholds.b`,
 * else `C`. Monotone: a higher score never suggests a lower tier.
 *
 * @throws {ValidationError} when the thresholds are not `0 <= b <= a <= 100`.
 */
export function suggestTier(
  score: number,
  thresholds: TierThresholds = DEFAULT_TIER_THRESHOLDS,
): 'A' | 'B' | 'C' {
  const { a, b } = thresholds;
  if (!(b >= 0 && a >= b && a <= 100)) {
    throw new ValidationError('Invalid tier thresholds: expected 0 <= b <= a <= 100', [
      { path: ['thresholds'], message: 'expected 0 <= b <= a <= 100', code: 'out_of_range' },
    ]);
  }
  return score >= a ? 'A' : score >= b ? 'B' : 'C';
}

/** An account's priority: its score with the tier it suggests. */
export interface AccountPriority extends Score {
  readonly accountId: string;
  readonly suggestedTier: 'A' | 'B' | 'C';
}

/** Compiles an account-priority rule (default {@link DEFAULT_ACCOUNT_PRIORITY_RULE}) for a day. */
export function accountPriorityScorer(
  context: AccountPriorityContext,
  rule: ScoringRule = DEFAULT_ACCOUNT_PRIORITY_RULE,
): Scorer<AccountPriorityFacts> {
  return compileScorer(rule, accountPrioritySubject(context));
}

/**
 * Scores an account's priority and suggests its tier (seed 003; seed 004: top-tier accounts
 * warrant a written plan).
 *
 * @throws {ValidationError} when a fact is invalid (negative money, a bad date).
 */
export function scoreAccountPriority(
  account: AccountPriorityFacts,
  scorer: Scorer<AccountPriorityFacts>,
  thresholds: TierThresholds = DEFAULT_TIER_THRESHOLDS,
): AccountPriority {
  const s = scorer.score(account);
  return { accountId: account.id, suggestedTier: suggestTier(s.score, thresholds), ...s };
}
