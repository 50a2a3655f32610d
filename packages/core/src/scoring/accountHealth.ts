import { ValidationError } from '../errors.js';
import type { Money } from '../money/money.js';
import { compileScorer, type Score, type Scorer } from './compileScorer.js';
import { countOf, minorUnitsOf, numberInRange } from './readFacts.js';
import { defineScoringRule, type ScoringRule } from './scoringRule.js';
import { defineScoringSubject, type ScoringSubject } from './scoringSubject.js';

/**
 * The facts about one account that its health reads: the early warnings of loss that seeds
 * 002, 003 and 004 name. Counts are whole numbers from 0.
 */
export interface AccountHealthFacts {
  readonly id: string;
  /** The latest satisfaction, 0 (very unsatisfied) to 10; absent when never measured. */
  readonly satisfaction?: number | undefined;
  /** The satisfaction measured before the latest, 0-10; absent when there is none. */
  readonly previousSatisfaction?: number | undefined;
  /** Whether the account has an executive sponsor (seed 002). */
  readonly hasExecutiveSponsor: boolean;
  /** How many key contacts the account has (economic buyer, executive sponsor, champion, ...). */
  readonly keyContacts: number;
  /** How many of them we have reached the target relationship with (seed 002: today against target). */
  readonly keyContactsAtTarget: number;
  /** How many of the competition's champions are in the account (seed 002). */
  readonly competitorChampions: number;
  /** Our revenue from the account in the latest period (say, the last twelve months). */
  readonly revenueThisPeriod?: Money | undefined;
  /** Our revenue from it in the period before, of the same length. */
  readonly revenuePreviousPeriod?: Money | undefined;
  /** How many of its action items are past their due date and not done (seed 001). */
  readonly overdueActions: number;
  /** How many of its open opportunities have stalled (the caller decides what stalled means). */
  readonly stalledOpportunities: number;
}

/**
 * The account-health subject. Inputs: `satisfaction` (0-10), `satisfactionTrend` (latest minus
 * previous, absent unless both are known), `hasExecutiveSponsor`, `relationshipCoverage`
 * (percent of key contacts at their target relationship; 0 without key contacts),
 * `competitorChampions`, `revenueTrend` (percent change from the previous period; absent when
 * that period had no revenue), `overdueActions`, `stalledOpportunities`.
 */
export const accountHealthSubject: ScoringSubject<AccountHealthFacts> =
  defineScoringSubject<AccountHealthFacts>({
    name: 'account health',
    inputs: {
      satisfaction: {
        type: 'number',
        description: 'the latest satisfaction, 0-10; absent when never measured',
        read: (a) => numberInRange(a.satisfaction, 0, 10, 'satisfaction'),
      },
      satisfactionTrend: {
        type: 'number',
        description:
          'the latest satisfaction minus the one before (-10 to 10); absent unless both are known',
        read: (a) => {
          const latest = numberInRange(a.satisfaction, 0, 10, 'satisfaction');
          const before = numberInRange(a.previousSatisfaction, 0, 10, 'previousSatisfaction');
          return latest === undefined || before === undefined ? undefined : latest - before;
        },
      },
      hasExecutiveSponsor: {
        type: 'boolean',
        description: 'whether the account has an executive sponsor',
        read: (a) => a.hasExecutiveSponsor,
      },
      relationshipCoverage: {
        type: 'number',
        description:
          'the percent of key contacts at their target relationship (0-100); 0 without key contacts',
        read: (a) => {
          const all = countOf(a.keyContacts, 'keyContacts');
          const atTarget = countOf(a.keyContactsAtTarget, 'keyContactsAtTarget');
          if (atTarget > all) {
            const message = `${atTarget} contacts at target, but only ${all} key contacts`;
            throw new ValidationError(`Invalid keyContactsAtTarget: ${message}`, [
              { path: ['keyContactsAtTarget'], message, code: 'out_of_range' },
            ]);
          }
          return all === 0 ? 0 : (atTarget / all) * 100;
        },
      },
      competitorChampions: {
        type: 'number',
        description: "how many of the competition's champions are in the account",
        read: (a) => countOf(a.competitorChampions, 'competitorChampions'),
      },
      revenueTrend: {
        type: 'number',
        description:
          'the percent change of revenue from the previous period; absent when that period had none',
        read: (a) => {
          const now = minorUnitsOf(a.revenueThisPeriod, 'revenueThisPeriod');
          const before = minorUnitsOf(a.revenuePreviousPeriod, 'revenuePreviousPeriod');
          if (now === undefined || before === undefined || before === 0) return undefined;
          return ((now - before) / before) * 100;
        },
      },
      overdueActions: {
        type: 'number',
        description: 'how many action items are overdue',
        read: (a) => countOf(a.overdueActions, 'overdueActions'),
      },
      stalledOpportunities: {
        type: 'number',
        description: 'how many open opportunities have stalled',
        read: (a) => countOf(a.stalledOpportunities, 'stalledOpportunities'),
      },
    },
  });

/**
 * The default account-health rule, `account-health-default` version 1: a 0-100 score with
 * early-warning flags (seeds 001-004). Parameters and their reasons are in docs/scoring.md.
 */
export const DEFAULT_ACCOUNT_HEALTH_RULE: ScoringRule = defineScoringRule(
  {
    name: 'account-health-default',
    version: 1,
    description:
      'An early warning of loss: satisfaction, relationships, competition, revenue, follow-through.',
    factors: [
      {
        name: 'satisfaction',
        input: 'satisfaction',
        normaliser: { type: 'linear', min: 0, max: 10 },
        weight: 25,
        direction: 'higher_is_better',
        missing: 0.5,
        description:
          'seed 003: an unsatisfied account will not grow; never measured counts as neutral',
      },
      {
        name: 'satisfactionTrend',
        input: 'satisfactionTrend',
        normaliser: { type: 'linear', min: -3, max: 3 },
        weight: 10,
        direction: 'higher_is_better',
        missing: 0.5,
        description:
          'seed 003: a fall of three points or more earns nothing, a rise of three everything',
      },
      {
        name: 'relationshipCoverage',
        input: 'relationshipCoverage',
        normaliser: { type: 'linear', min: 0, max: 100 },
        weight: 15,
        direction: 'higher_is_better',
        missing: 0,
        description: 'seed 002: key relationships at their target level',
      },
      {
        name: 'executiveSponsor',
        input: 'hasExecutiveSponsor',
        normaliser: { type: 'boolean' },
        weight: 10,
        direction: 'higher_is_better',
        missing: 0,
        description: 'seed 002: who are our main executive sponsors?',
      },
      {
        name: 'competitorChampions',
        input: 'competitorChampions',
        normaliser: {
          type: 'steps',
          steps: [
            { upTo: 0, value: 1 },
            { upTo: 1, value: 0.5 },
          ],
          above: 0,
        },
        weight: 10,
        direction: 'lower_is_better',
        missing: 0,
        description: "seed 002: the competition's champions in the account",
      },
      {
        name: 'revenueTrend',
        input: 'revenueTrend',
        normaliser: { type: 'linear', min: -30, max: 30 },
        weight: 15,
        direction: 'higher_is_better',
        missing: 0.5,
        description:
          'seeds 003 and 004: revenue falling 30% or more earns nothing, growing 30% everything',
      },
      {
        name: 'overdueActions',
        input: 'overdueActions',
        normaliser: {
          type: 'steps',
          steps: [
            { upTo: 0, value: 1 },
            { upTo: 2, value: 0.6 },
            { upTo: 5, value: 0.3 },
          ],
          above: 0,
        },
        weight: 8,
        direction: 'lower_is_better',
        missing: 0,
        description: 'seed 001: written commitments not kept',
      },
      {
        name: 'stalledOpportunities',
        input: 'stalledOpportunities',
        normaliser: {
          type: 'steps',
          steps: [
            { upTo: 0, value: 1 },
            { upTo: 2, value: 0.5 },
          ],
          above: 0,
        },
        weight: 7,
        direction: 'lower_is_better',
        missing: 0,
        description: 'seed 002: opportunities that stopped moving',
      },
    ],
    gates: [
      {
        name: 'unsatisfied_account',
        when: { input: 'satisfaction', op: 'lt', value: 4 },
        cap: 40,
        description: 'seed 003: an unsatisfied account is not healthy, whatever else is true',
      },
      {
        name: 'revenue_halved',
        when: { input: 'revenueTrend', op: 'lte', value: -50 },
        cap: 40,
        description: 'seed 004: know what business you are losing',
      },
    ],
    flags: [
      {
        code: 'satisfaction_low',
        when: { input: 'satisfaction', op: 'lt', value: 6 },
        message: 'Satisfaction is below 6 of 10: an unsatisfied account will not grow.',
      },
      {
        code: 'satisfaction_falling',
        when: { input: 'satisfactionTrend', op: 'lte', value: -2 },
        message: 'Satisfaction fell by 2 points or more since the last measurement.',
      },
      {
        code: 'no_executive_sponsor',
        when: { input: 'hasExecutiveSponsor', op: 'is', value: false },
        message: 'No executive sponsor.',
      },
      {
        code: 'relationship_gaps',
        when: { input: 'relationshipCoverage', op: 'lt', value: 50 },
        message: 'Fewer than half of the key contacts are at their target relationship.',
      },
      {
        code: 'competitor_champions',
        when: { input: 'competitorChampions', op: 'gte', value: 1 },
        message: 'The competition has champions in the account: convert or neutralise them.',
      },
      {
        code: 'revenue_falling',
        when: { input: 'revenueTrend', op: 'lte', value: -10 },
        message: 'Revenue fell by 10% or more from the previous period.',
      },
      {
        code: 'overdue_actions',
        when: { input: 'overdueActions', op: 'gte', value: 1 },
        message: 'Action items are overdue.',
      },
      {
        code: 'stalled_opportunities',
        when: { input: 'stalledOpportunities', op: 'gte', value: 1 },
        message: 'Opportunities have stalled.',
      },
    ],
  },
  accountHealthSubject,
);

/** An account's health: its score, explanation and early-warning flags. */
export interface AccountHealth extends Score {
  readonly accountId: string;
}

/** Compiles an account-health rule (default {@link DEFAULT_ACCOUNT_HEALTH_RULE}). */
export function accountHealthScorer(
  rule: ScoringRule = DEFAULT_ACCOUNT_HEALTH_RULE,
): Scorer<AccountHealthFacts> {
  return compileScorer(rule, accountHealthSubject);
}

/**
 * Scores an account's health, 0-100, and raises its early-warning flags.
 *
 * @throws {ValidationError} when a fact is invalid (a negative count, more contacts at target
 * than key contacts, negative money, satisfaction outside 0-10).
 */
export function scoreAccountHealth(
  account: AccountHealthFacts,
  scorer?: Scorer<AccountHealthFacts>,
): AccountHealth {
  defaultScorer ??= accountHealthScorer();
  return { accountId: account.id, ...(scorer ?? defaultScorer).score(account) };
}

// Compiled on first use: compiling validates the rule, which need not happen at import.
let defaultScorer: Scorer<AccountHealthFacts> | undefined;
