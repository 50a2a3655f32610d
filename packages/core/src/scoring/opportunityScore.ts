import { ValidationError } from '../errors.js';
import type { Money } from '../money/money.js';
import { calendarDay } from './calendarDay.js';
import {
  compileScorer,
  type RuleRef,
  type Score,
  type ScoreBatch,
  type Scorer,
} from './compileScorer.js';
import { rankOrder } from './rankScored.js';
import { minorUnitsOf, numberInRange } from './readFacts.js';
import { defineScoringRule, type ScoringRule } from './scoringRule.js';
import { defineScoringSubject, type ScoringSubject } from './scoringSubject.js';

/** How a contact sees us, weakest first (seed 002: rate the relationship today and what it should be). */
const RELATIONSHIP_LEVELS = [
  'none',
  'vendor',
  'credible_source',
  'problem_solver',
  'trusted_advisor',
] as const;

/** The stages of an open opportunity, in order; `stageIndex` is the position in this list. */
export const OPPORTUNITY_STAGES = [
  'identified',
  'qualified',
  'proposed',
  'negotiating',
  'committed',
] as const;

/**
 * The facts about one open opportunity that scoring reads: plain data that an account's state
 * maps onto (the domain's opportunity, its account's tier and latest satisfaction, the
 * executive sponsor's relationship). Every field is documented with its unit.
 */
export interface OpportunityFacts {
  /** The opportunity's id; the last tie-break of a ranking. */
  readonly id: string;
  /**
   * What kind of sale: `new_logo` (a new customer), `new_buyer` (a new buyer inside an existing
   * account), `cross_sell`, `up_sell`, `renewal`, `price_increase`.
   */
  readonly kind: 'new_logo' | 'new_buyer' | 'cross_sell' | 'up_sell' | 'renewal' | 'price_increase';
  /** The expected value, non-negative minor units. */
  readonly value: Money;
  /** The win probability in percent, 0 to 100. */
  readonly probability?: number | undefined;
  /** The stage, one of {@link OPPORTUNITY_STAGES}. */
  readonly stage?: (typeof OPPORTUNITY_STAGES)[number] | undefined;
  /** The account's priority tier; absent for a prospect or an untiered account. */
  readonly accountTier?: 'A' | 'B' | 'C' | undefined;
  /**
   * The customer's executive sponsor for this opportunity and our relationship with them today
   * and the level it should reach (seed 002); absent when no sponsor is identified.
   */
  readonly executiveSponsor?:
    | {
        readonly today: (typeof RELATIONSHIP_LEVELS)[number];
        readonly target: (typeof RELATIONSHIP_LEVELS)[number];
      }
    | undefined;
  /** The expected close date, `YYYY-MM-DD`. */
  readonly expectedClose?: string | undefined;
  /** The account's latest satisfaction, 0 (very unsatisfied) to 10; absent when never measured. */
  readonly satisfaction?: number | undefined;
  /** Scores the product computes itself, read by rules as `external.<key>`. */
  readonly externalScores?: Readonly<Record<string, number>> | undefined;
}

/** When and over what horizon opportunities are scored. */
export interface OpportunityScoringContext {
  /** The day of scoring, `YYYY-MM-DD`: `daysToClose` counts from it. Scoring never reads a clock. */
  readonly asOf: string;
  /** The review horizon in days, for `horizonShare`; default 90 (seed 001: the monthly review's 90 days). */
  readonly horizonDays?: number;
}

/** The default review horizon: seed 001, "typically 90 days or less". */
export const DEFAULT_HORIZON_DAYS = 90;

function tierRank(tier: string | undefined): number {
  switch (tier) {
    case undefined:
      return 0;
    case 'A':
      return 3;
    case 'B':
      return 2;
    case 'C':
      return 1;
    default: {
      const message = `expected A, B, C or absent, got ${JSON.stringify(tier)}`;
      throw new ValidationError(`Invalid accountTier: ${message}`, [
        { path: ['accountTier'], message, code: 'invalid_value' },
      ]);
    }
  }
}

const NO_SPONSOR_GAP = RELATIONSHIP_LEVELS.length - 1;

// A switch on the level, not a lookup: two of these run per opportunity of a ranking.
function levelOf(level: string, field: string): number {
  let index: number | undefined;
  switch (level) {
    case 'none':
      index = 0;
      break;
    case 'vendor':
      index = 1;
      break;
    case 'credible_source':
      index = 2;
      break;
    case 'problem_solver':
      index = 3;
      break;
    case 'trusted_advisor':
      index = 4;
      break;
  }
  if (index === undefined) {
    const message = `expected one of ${RELATIONSHIP_LEVELS.join(', ')}`;
    throw new ValidationError(`Invalid ${field}: ${message}`, [
      { path: ['executiveSponsor', field], message, code: 'invalid_value' },
    ]);
  }
  return index;
}

/**
 * The opportunity subject: the inputs a rule can read from {@link OpportunityFacts} on a given
 * day. Inputs: `value` (minor units), `probability` (percent), `stageIndex` (0 = identified ..
 * 4 = committed), `accountTier` (A = 3, B = 2, C = 1, none = 0), `hasExecutiveSponsor`,
 * `sponsorRelationship` (0 = none .. 4 = trusted advisor), `sponsorRelationshipGap` (target
 * minus today, at least 0; 4 without a sponsor), `daysToClose`, `horizonShare` (days to close as
 * a percent of the horizon), `expansionKind` (2 cross-sell or up-sell, 1 new buyer, 0 other),
 * `isExpansion` (cross-sell or up-sell), `isNewBuyer`, `isNewLogo`,
 * `isRenewal`, `isPriceIncrease`, `satisfaction` (0-10), and `external.<key>`.
 *
 * @throws {ValidationError} when `asOf` is not a date or `horizonDays` is not a positive number.
 */
export function opportunitySubject(
  context: OpportunityScoringContext,
): ScoringSubject<OpportunityFacts> {
  const asOfDay = calendarDay(context.asOf, 'asOf');
  const horizon = context.horizonDays ?? DEFAULT_HORIZON_DAYS;
  if (!(Number.isFinite(horizon) && horizon > 0)) {
    throw new ValidationError('Invalid horizonDays: expected a positive number of days', [
      { path: ['horizonDays'], message: 'expected a positive number', code: 'out_of_range' },
    ]);
  }
  const daysToClose = (o: OpportunityFacts) =>
    o.expectedClose === undefined
      ? undefined
      : calendarDay(o.expectedClose, 'expectedClose') - asOfDay;
  return defineScoringSubject<OpportunityFacts>({
    name: 'opportunity',
    inputs: {
      value: {
        type: 'number',
        description: 'the expected value in minor units',
        read: (o) => minorUnitsOf(o.value, 'value'),
      },
      probability: {
        type: 'number',
        description: 'the win probability in percent (0-100); absent when not given',
        read: (o) => numberInRange(o.probability, 0, 100, 'probability'),
      },
      stageIndex: {
        type: 'number',
        description:
          'the stage as a number: 0 identified, 1 qualified, 2 proposed, 3 negotiating, 4 committed',
        read: (o) => {
          if (o.stage === undefined) return undefined;
          const index = (OPPORTUNITY_STAGES as readonly string[]).indexOf(o.stage);
          if (index < 0) {
            const message = `expected one of ${OPPORTUNITY_STAGES.join(', ')}`;
            throw new ValidationError(`Invalid stage: ${message}`, [
              { path: ['stage'], message, code: 'invalid_value' },
            ]);
          }
          return index;
        },
      },
      accountTier: {
        type: 'number',
        description: "the account's tier: A = 3, B = 2, C = 1, none (a prospect) = 0",
        read: (o) => tierRank(o.accountTier),
      },
      hasExecutiveSponsor: {
        type: 'boolean',
        description: 'whether a customer executive sponsor is identified',
        read: (o) => o.executiveSponsor !== undefined,
      },
      sponsorRelationship: {
        type: 'number',
        description:
          'our relationship with the sponsor today: 0 none, 1 vendor, 2 credible source, 3 problem solver, 4 trusted advisor; 0 without a sponsor',
        read: (o) => (o.executiveSponsor ? levelOf(o.executiveSponsor.today, 'today') : 0),
      },
      sponsorRelationshipGap: {
        type: 'number',
        description:
          'how many levels the sponsor relationship is below its target (0-4, never negative); 4 without a sponsor',
        read: (o) => {
          const sponsor = o.executiveSponsor;
          if (!sponsor) return NO_SPONSOR_GAP;
          return Math.max(0, levelOf(sponsor.target, 'target') - levelOf(sponsor.today, 'today'));
        },
      },
      daysToClose: {
        type: 'number',
        description:
          'days from asOf to the expected close (negative when it has passed); absent without a date',
        read: daysToClose,
      },
      horizonShare: {
        type: 'number',
        description:
          'days to close as a percent of the review horizon (100 = closes at the horizon)',
        read: (o) => {
          const days = daysToClose(o);
          return days === undefined ? undefined : (days / horizon) * 100;
        },
      },
      expansionKind: {
        type: 'number',
        description:
          'how much the kind grows an existing account: 2 cross-sell or up-sell, 1 a new buyer inside the account, 0 any other kind',
        read: (o) => {
          const kind = o.kind;
          return kind === 'cross_sell' || kind === 'up_sell' ? 2 : kind === 'new_buyer' ? 1 : 0;
        },
      },
      isExpansion: {
        type: 'boolean',
        description: 'a cross-sell or up-sell into an existing account',
        read: (o) => o.kind === 'cross_sell' || o.kind === 'up_sell',
      },
      isNewBuyer: {
        type: 'boolean',
        description: 'a new buyer inside an existing account',
        read: (o) => o.kind === 'new_buyer',
      },
      isNewLogo: {
        type: 'boolean',
        description: 'a new customer',
        read: (o) => o.kind === 'new_logo',
      },
      isRenewal: {
        type: 'boolean',
        description: 'a renewal',
        read: (o) => o.kind === 'renewal',
      },
      isPriceIncrease: {
        type: 'boolean',
        description: 'a price increase',
        read: (o) => o.kind === 'price_increase',
      },
      satisfaction: {
        type: 'number',
        description: "the account's latest satisfaction, 0-10; absent when never measured",
        read: (o) => numberInRange(o.satisfaction, 0, 10, 'satisfaction'),
      },
    },
    external: (o, key) => o.externalScores?.[key],
  });
}

// A subject for validating rules only: its readers are never called with a real day.
const RULE_CHECK_SUBJECT = opportunitySubject({ asOf: '2000-01-01' });

/**
 * The default opportunity rule, `opportunity-default` version 1: a 0-100 score from value,
 * probability, account tier, the executive sponsor relationship, timing within the review
 * horizon, kind and satisfaction, capped at 60 without an executive sponsor and at 50 for an
 * unsatisfied account. Every parameter and the seed it comes from is in docs/scoring.md.
 */
export const DEFAULT_OPPORTUNITY_RULE: ScoringRule = defineScoringRule(
  {
    name: 'opportunity-default',
    version: 1,
    description:
      'Ranks the opportunities of a rep for an account review (seed 000), from the KPIs the seeds name.',
    factors: [
      {
        name: 'value',
        input: 'value',
        // Minor units: 1,000.00 earns nothing, 1,000,000.00 and above earns everything.
        normaliser: { type: 'logarithmic', min: 100_000, max: 100_000_000 },
        weight: 20,
        direction: 'higher_is_better',
        missing: 0,
        description:
          'seed 002: the size of the opportunity; logarithmic, so small deals still count',
      },
      {
        name: 'probability',
        input: 'probability',
        normaliser: { type: 'linear', min: 0, max: 100 },
        weight: 25,
        direction: 'higher_is_better',
        missing: 0,
        description: 'seed 000: the most likely prospects first',
      },
      {
        name: 'accountTier',
        input: 'accountTier',
        normaliser: { type: 'linear', min: 0, max: 3 },
        weight: 15,
        direction: 'higher_is_better',
        missing: 0,
        description: "seeds 003 and 004: the account's priority tier",
      },
      {
        name: 'sponsorRelationship',
        input: 'sponsorRelationshipGap',
        normaliser: { type: 'linear', min: 0, max: 4 },
        weight: 10,
        direction: 'lower_is_better',
        missing: 0,
        description:
          'seed 002: our relationship with the executive sponsor today against what it should be',
      },
      {
        name: 'timing',
        input: 'daysToClose',
        normaliser: {
          type: 'steps',
          steps: [
            { upTo: 30, value: 1 },
            { upTo: 60, value: 0.8 },
            { upTo: 90, value: 0.6 },
            { upTo: 180, value: 0.3 },
          ],
          above: 0.1,
        },
        weight: 10,
        direction: 'lower_is_better',
        missing: 0,
        description: "seed 001: closing within the monthly review's 90-day horizon",
      },
      {
        name: 'kind',
        input: 'expansionKind',
        // 12 points for a cross-sell or up-sell, 4 for a new buyer, none for the rest.
        normaliser: {
          type: 'steps',
          steps: [
            { upTo: 0, value: 0 },
            { upTo: 1, value: 1 / 3 },
          ],
          above: 1,
        },
        weight: 12,
        direction: 'higher_is_better',
        missing: 0,
        description:
          'seeds 001 and 003: cross-selling and up-selling into existing accounts first, then new buyers within them',
      },
      {
        name: 'satisfaction',
        input: 'satisfaction',
        normaliser: { type: 'linear', min: 0, max: 10 },
        weight: 8,
        direction: 'higher_is_better',
        missing: 0.5,
        description:
          'seed 003: an unsatisfied account will not grow; never measured counts as neutral',
      },
    ],
    gates: [
      {
        name: 'no_executive_sponsor',
        when: { input: 'hasExecutiveSponsor', op: 'is', value: false },
        cap: 60,
        description: 'seed 002: who is the customer executive sponsor? Without one, at most 60',
      },
      {
        name: 'unsatisfied_account',
        when: { input: 'satisfaction', op: 'lt', value: 5 },
        cap: 50,
        description: 'seed 003: you cannot grow an account that is not satisfied',
      },
    ],
    flags: [
      {
        code: 'close_date_passed',
        when: { input: 'daysToClose', op: 'lt', value: 0 },
        message: 'The expected close date has passed: update it, or close the opportunity.',
      },
    ],
  },
  RULE_CHECK_SUBJECT,
);

/** A scored opportunity: its id and value with the {@link Score}. */
export interface ScoredOpportunity extends Score {
  readonly id: string;
  readonly value: Money;
}

/** A scored opportunity with its place in a ranking (1 = first). */
export interface RankedOpportunity extends ScoredOpportunity {
  readonly rank: number;
}

/**
 * Opportunities scored, explained and ranked, held in columns so that ranking a hundred
 * thousand costs no object per opportunity; entries are made on request.
 */
export interface OpportunityRanking {
  readonly rule: RuleRef;
  /** The rule's factor names, in order: `explanation.points[i]` belongs to `factors[i]`. */
  readonly factors: readonly string[];
  /** The number of opportunities ranked. */
  readonly length: number;
  /** `order[r]` is the input index of the opportunity ranked `r + 1`. Treat as read-only. */
  readonly order: Uint32Array;
  /** Every opportunity's score and explanation, by input index. */
  readonly batch: ScoreBatch;
  /**
   * The entry at a rank (1 = first).
   *
   * @throws {RangeError} when no opportunity has that rank.
   */
  entry(rank: number): RankedOpportunity;
  /** The first `count` entries (all of them when there are fewer). */
  top(count: number): RankedOpportunity[];
  /** Every entry, in rank order. */
  entries(): RankedOpportunity[];
}

/**
 * Compiles an opportunity rule (by default {@link DEFAULT_OPPORTUNITY_RULE}) for a day and
 * horizon. Compile once per ranking, not per opportunity.
 *
 * @throws {ValidationError} when the rule is invalid or reads an input opportunities lack.
 */
export function opportunityScorer(
  context: OpportunityScoringContext,
  rule: ScoringRule = DEFAULT_OPPORTUNITY_RULE,
): Scorer<OpportunityFacts> {
  return compileScorer(rule, opportunitySubject(context));
}

/**
 * Scores one opportunity.
 *
 * @throws {ValidationError} when a fact is invalid (negative money, NaN, a date that is not one).
 */
export function scoreOpportunity(
  opportunity: OpportunityFacts,
  scorer: Scorer<OpportunityFacts>,
): ScoredOpportunity {
  const s = scorer.score(opportunity);
  return { id: opportunity.id, value: opportunity.value, ...s };
}

/**
 * Scores, explains and ranks opportunities: higher score first, then higher value, then id
 * (code-unit order). The order is total and does not depend on the order of the input.
 *
 * @throws {ValidationError} when an opportunity's facts are invalid (the path starts with its
 * index), two have the same id, score and value, or their values are in different currencies.
 * @example
 * ```ts
 * const ranking = rankOpportunities(opportunities, opportunityScorer({ asOf: '2026-03-02' }));
 * for (const { rank, id, score, explanation } of ranking.top(10)) console.log(rank, id, score);
 * ```
 */
export function rankOpportunities(
  opportunities: readonly OpportunityFacts[],
  scorer: Scorer<OpportunityFacts>,
): OpportunityRanking {
  const n = opportunities.length;
  const currency = opportunities[0]?.value.currency;
  const values = new Float64Array(n);
  const ids: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const opportunity = opportunities[i]!;
    const value = opportunity.value;
    if (value.currency !== currency) {
      const message = `expected ${currency} like the first opportunity, got ${value.currency}`;
      throw new ValidationError(`Mixed currencies in a ranking: ${message}`, [
        { path: [i, 'value', 'currency'], message, code: 'currency_mismatch' },
      ]);
    }
    const amount = value.amountMinor;
    if (!(Number.isSafeInteger(amount) && amount >= 0)) {
      const message = `expected non-negative whole minor units, got ${String(amount)}`;
      throw new ValidationError(`Opportunity ${i}: invalid value: ${message}`, [
        { path: [i, 'value', 'amountMinor'], message, code: 'invalid_money' },
      ]);
    }
    values[i] = amount;
    ids[i] = opportunity.id;
  }
  const batch = scorer.scoreAll(opportunities);
  const order = rankOrder(batch.scores, values, ids);
  const entry = (rank: number): RankedOpportunity => {
    if (!(Number.isInteger(rank) && rank >= 1 && rank <= n)) {
      throw new RangeError(`No opportunity ranked ${rank} of ${n}`);
    }
    const index = order[rank - 1]!;
    const opportunity = opportunities[index]!;
    return { rank, id: opportunity.id, value: opportunity.value, ...batch.at(index) };
  };
  const top = (count: number): RankedOpportunity[] =>
    Array.from({ length: Math.max(0, Math.min(count, n)) }, (_, r) => entry(r + 1));
  return {
    rule: batch.rule,
    factors: batch.factors,
    length: n,
    order,
    batch,
    entry,
    top,
    entries: () => top(n),
  };
}
