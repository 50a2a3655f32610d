import { NotFoundError, ValidationError } from '../errors.js';
import type { Position } from '../eventStore/position.js';
import type { EventStore, RecordedEvent } from '../eventStore/types.js';
import { streamIdFor } from '../ids/ids.js';
import type { ReviewKind } from '../reviews/events.js';
import type { AccountHealthFacts } from '../scoring/accountHealth.js';
import { accountHealthScorer } from '../scoring/accountHealth.js';
import type { Score, Scorer } from '../scoring/compileScorer.js';
import { type OpportunityFacts, opportunityScorer } from '../scoring/opportunityScore.js';
import type { ScoringRule } from '../scoring/scoringRule.js';
import {
  type AccountChange,
  type AccountChangeKind,
  type AccountChangeList,
  trackAccountChanges,
} from './accountChanges.js';
import { accountTiers } from './accountTiers.js';
import { readAsOf, type StateAt } from './asOf.js';
import type { ProjectedEvent } from './projection.js';
import { type ReadModels, readModelsProjection } from './readModels.js';
import type { ReviewCalendarState } from './reviewCalendar.js';
import { accountHealthFactsOf, opportunityFactsOf } from './scoringFacts.js';

/** A change that moved a score: which event, and what kind of change it made. */
export interface ChangeRef {
  readonly position: Position;
  readonly eventId: string | null;
  readonly eventType: string;
  readonly kind: AccountChangeKind;
}

/** How one factor's points moved. */
export interface FactorChange {
  readonly factor: string;
  /** The input the factor reads. */
  readonly input: string;
  /** Points before and after (null when there was no score then). */
  readonly before: number | null;
  readonly after: number | null;
  /** `after - before` (0 when either is missing). */
  readonly change: number;
  /**
   * The changes that fed the factor's input. Empty for a factor that moved with no event (time
   * passed: an action fell overdue, a close date came nearer, a revenue window moved on).
   */
  readonly movedBy: readonly ChangeRef[];
}

/** How a score moved between two moments, factor by factor, and what moved it. */
export interface ScoreChange {
  /** The score before (null: there was nothing to score, as an opportunity not yet open). */
  readonly before: number | null;
  readonly after: number | null;
  /** `after - before`; null unless both are known. */
  readonly change: number | null;
  /** Every factor of the rule, in its order. */
  readonly factors: readonly FactorChange[];
  /** Every change behind a factor whose points moved, in log order, once each. */
  readonly movedBy: readonly ChangeRef[];
}

/** One account's changes since the last review, with its scores' changes. */
export interface AccountReviewChanges extends AccountChangeList {
  /** Account health (seeds 003, 004) then and now. */
  readonly health: ScoreChange;
  /** Each opportunity open at either moment, by id: its score then and now. */
  readonly opportunityScores: Readonly<Record<string, ScoreChange>>;
}

/** What changed between two moments for some accounts. */
export interface ChangesSince {
  /** The earlier moment: the last review's position and day. */
  readonly from: { readonly position: Position | null; readonly date: string };
  /** The later moment. */
  readonly to: { readonly position: Position | null; readonly date: string };
  readonly accounts: Readonly<Record<string, AccountReviewChanges>>;
}

/** How changes are scored. */
export interface ChangeScoringOptions {
  readonly opportunityRule?: ScoringRule;
  readonly healthRule?: ScoringRule;
  /** The review horizon for the opportunity score's timing (default 90 days). */
  readonly horizonDays?: number;
  /** Tiers the product assigns, by account id (else suggested by account priority each day). */
  readonly assignedTiers?: Readonly<Record<string, 'A' | 'B' | 'C'>>;
  /** Head counts by account id, for account priority. */
  readonly employees?: Readonly<Record<string, number>>;
}

/** Options of {@link changesBetween}. */
export interface ChangesBetweenOptions {
  readonly accountIds: readonly string[];
  /** The day of the earlier moment (`YYYY-MM-DD`): scores then are as of it. */
  readonly fromDate: string;
  /** The day of the later moment: scores now are as of it. */
  readonly toDate: string;
  readonly scoring?: ChangeScoringOptions;
}

/**
 * "What has changed since our last review?" (seed 002), answered from the record: given the
 * read models at the earlier moment and the events after it (in log order), each account's
 * changes (opportunities created, moved, slipped, won, lost; revenue; contacts added,
 * forgotten, stance moved; satisfaction; actions done or slipped; status, owner, territory)
 * and each score's change (account health, every opportunity's) with the events that moved
 * it. `models` is advanced to the later moment (fold a copy to keep it). Pure.
 *
 * @throws {ValidationError} when a date is not a date, or a scoring rule is invalid.
 */
export function changesBetween(
  models: ReadModels,
  events: Iterable<ProjectedEvent>,
  options: ChangesBetweenOptions,
): ChangesSince {
  const from = { position: models.position, date: options.fromDate.slice(0, 10) };
  const scoring = options.scoring ?? {};
  const before = scoresAt(models, options.accountIds, from.date, scoring);
  const tracker = trackAccountChanges(models, options.accountIds);
  for (const event of events) {
    tracker.observe(event);
    readModelsProjection.evolve(models, event);
  }
  const to = { position: models.position, date: options.toDate.slice(0, 10) };
  const after = scoresAt(models, options.accountIds, to.date, scoring);
  const lists = tracker.result();
  const accounts: Record<string, AccountReviewChanges> = {};
  for (const [accountId, list] of Object.entries(lists)) {
    const b = before.get(accountId)!;
    const a = after.get(accountId)!;
    const opportunityScores: Record<string, ScoreChange> = {};
    const ids = [...new Set([...b.opportunities.keys(), ...a.opportunities.keys()])].sort();
    for (const id of ids) {
      const sponsors = new Set(
        [b.opportunities.get(id), a.opportunities.get(id)]
          .map((o) => o?.sponsorContactId)
          .filter((s): s is string => typeof s === 'string'),
      );
      opportunityScores[id] = scoreChange(
        b.opportunities.get(id)?.score ?? null,
        a.opportunities.get(id)?.score ?? null,
        a.opportunityScorer,
        list.changes,
        (input, change) => feedsOpportunity(input, change, id, sponsors),
      );
    }
    accounts[accountId] = {
      ...list,
      health: scoreChange(b.health, a.health, a.healthScorer, list.changes, feedsHealth),
      opportunityScores,
    };
  }
  return { from, to, accounts };
}

interface ScoresOfAccount {
  readonly health: Score | null;
  readonly opportunities: Map<string, { score: Score; sponsorContactId: string | null }>;
}

function scoresAt(
  models: ReadModels,
  accountIds: readonly string[],
  date: string,
  scoring: ChangeScoringOptions,
): Map<
  string,
  ScoresOfAccount & {
    healthScorer: Scorer<AccountHealthFacts>;
    opportunityScorer: Scorer<OpportunityFacts>;
  }
> {
  const healthScorer = accountHealthScorer(scoring.healthRule);
  const oppScorer = opportunityScorer(
    {
      asOf: date,
      ...(scoring.horizonDays === undefined ? {} : { horizonDays: scoring.horizonDays }),
    },
    scoring.opportunityRule,
  );
  const tiers = accountTiers(models.book, {
    asOf: date,
    accountIds,
    ...(scoring.assignedTiers ? { assigned: scoring.assignedTiers } : {}),
    ...(scoring.employees ? { employees: scoring.employees } : {}),
  });
  const out = new Map<
    string,
    ScoresOfAccount & {
      healthScorer: Scorer<AccountHealthFacts>;
      opportunityScorer: Scorer<OpportunityFacts>;
    }
  >();
  for (const accountId of accountIds) {
    const account = models.book.accounts[accountId];
    const facts = accountHealthFactsOf(models, accountId, date);
    const opportunities = new Map<string, { score: Score; sponsorContactId: string | null }>();
    if (account) {
      for (const o of Object.values(account.opportunities)) {
        if (o.status !== 'open') continue;
        const oppFacts = opportunityFactsOf(
          account,
          o.opportunityId,
          tiers[accountId]?.tier ?? null,
        )!;
        opportunities.set(o.opportunityId, {
          score: oppScorer.score(oppFacts),
          sponsorContactId: o.executiveSponsorContactId,
        });
      }
    }
    out.set(accountId, {
      health: facts ? healthScorer.score(facts) : null,
      opportunities,
      healthScorer,
      opportunityScorer: oppScorer,
    });
  }
  return out;
}

function scoreChange(
  before: Score | null,
  after: Score | null,
  scorer: Scorer<unknown>,
  changes: readonly AccountChange[],
  feeds: (input: string, change: AccountChange) => boolean,
): ScoreChange {
  const factors = scorer.rule.factors.map((factor, i): FactorChange => {
    const b = before?.explanation.points[i] ?? null;
    const a = after?.explanation.points[i] ?? null;
    const change = a === null || b === null ? 0 : a - b;
    const moved = change !== 0 || (a === null) !== (b === null);
    return {
      factor: factor.name,
      input: factor.input,
      before: b,
      after: a,
      change,
      movedBy: moved ? changes.filter((c) => feeds(factor.input, c)).map(refOf) : [],
    };
  });
  const movedBy = new Map<Position, ChangeRef>();
  for (const factor of factors)
    for (const ref of factor.movedBy) movedBy.set(`${ref.position}\u0000${ref.kind}`, ref);
  return {
    before: before?.score ?? null,
    after: after?.score ?? null,
    change: before === null || after === null ? null : after.score - before.score,
    factors,
    movedBy: [...movedBy.values()].sort((x, y) =>
      x.position < y.position ? -1 : x.position > y.position ? 1 : 0,
    ),
  };
}

function refOf(change: AccountChange): ChangeRef {
  return {
    position: change.source.position,
    eventId: change.source.eventId,
    eventType: change.source.eventType,
    kind: change.kind,
  };
}

const CONTACT_KINDS = new Set<AccountChangeKind>([
  'contact_added',
  'contact_role_changed',
  'contact_stance_moved',
  'contact_relationship_moved',
  'contact_forgotten',
]);
const OPPORTUNITY_KINDS = new Set<AccountChangeKind>([
  'opportunity_created',
  'opportunity_moved',
  'opportunity_revised',
  'opportunity_sponsor_changed',
  'opportunity_won',
  'opportunity_lost',
]);
const REVENUE_KINDS = new Set<AccountChangeKind>(['revenue_recorded', 'revenue_corrected']);
const ACTION_KINDS = new Set<AccountChangeKind>([
  'action_opened',
  'action_slipped',
  'action_done',
  'action_cancelled',
]);

/** Which changes feed each account-health input (see `accountHealthFactsOf`). */
function feedsHealth(input: string, change: AccountChange): boolean {
  switch (input) {
    case 'satisfaction':
    case 'satisfactionTrend':
      return change.kind === 'satisfaction_recorded';
    case 'hasExecutiveSponsor':
    case 'relationshipCoverage':
    case 'competitorChampions':
      return CONTACT_KINDS.has(change.kind);
    case 'revenueTrend':
      return REVENUE_KINDS.has(change.kind);
    case 'overdueActions':
      return ACTION_KINDS.has(change.kind);
    case 'stalledOpportunities':
      return OPPORTUNITY_KINDS.has(change.kind);
    default:
      return false;
  }
}

/** Which changes feed each opportunity-score input (see `opportunityFactsOf`). */
function feedsOpportunity(
  input: string,
  change: AccountChange,
  opportunityId: string,
  sponsors: ReadonlySet<string>,
): boolean {
  const own = 'opportunityId' in change && change.opportunityId === opportunityId;
  switch (input) {
    case 'value':
    case 'probability':
    case 'stageIndex':
    case 'daysToClose':
    case 'horizonShare':
      return own && change.kind !== 'opportunity_sponsor_changed';
    case 'hasExecutiveSponsor':
    case 'sponsorRelationship':
    case 'sponsorRelationshipGap':
      return (
        (own && change.kind === 'opportunity_sponsor_changed') ||
        ('contactId' in change && CONTACT_KINDS.has(change.kind) && sponsors.has(change.contactId))
      );
    case 'satisfaction':
      return change.kind === 'satisfaction_recorded';
    case 'accountTier':
      return REVENUE_KINDS.has(change.kind) || change.kind === 'status_changed';
    default:
      return false;
  }
}

/**
 * The review an account was last discussed in: the latest concluded review (of `kinds`, default
 * any) whose scope holds the account, concluded at or before `before` (default: any time).
 * Null when there is none.
 */
export function lastReviewOf(
  calendar: ReviewCalendarState,
  accountId: string,
  options: { readonly before?: Position; readonly kinds?: readonly ReviewKind[] } = {},
): { readonly reviewId: string; readonly concludedAt: string; readonly position: Position } | null {
  let best: { reviewId: string; concludedAt: string; position: Position } | null = null;
  for (const review of Object.values(calendar.reviews)) {
    const position = calendar.positions[review.reviewId!]?.concluded;
    if (review.status !== 'concluded' || !position) continue;
    if (!review.accountIds.includes(accountId)) continue;
    if (options.kinds && !options.kinds.includes(review.kind!)) continue;
    if (options.before !== undefined && position > options.before) continue;
    if (best === null || position > best.position) {
      best = { reviewId: review.reviewId!, concludedAt: review.concludedAt!, position };
    }
  }
  return best;
}

/** Options of {@link readChangesSinceReview}. */
export interface ReadChangesOptions {
  /** The review whose conclusion the changes count from ("our last review"). */
  readonly reviewId: string;
  /** The day the changes are read for (scores now are as of it), `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Count changes up to this position (default: the end of the log): say, the next review's start. */
  readonly upTo?: Position;
  /** The accounts (default: the review's scope). */
  readonly accountIds?: readonly string[];
  readonly scoring?: ChangeScoringOptions;
  /**
   * Read models saved at a position at or before the review's conclusion (a runner's snapshot):
   * the log is read from there instead of from the start. The object is advanced, not copied.
   */
  readonly from?: StateAt<ReadModels>;
}

/**
 * Reads from a store what changed for each account of a review's scope since that review
 * concluded (seed 002: "what has changed since our last review?"): the read models as of the
 * review's conclusion, then the events after it up to `upTo`, through {@link changesBetween}.
 * Reads only; works on any store through the port.
 *
 * @throws {NotFoundError} when the review does not exist.
 * @throws {ValidationError} when the review has not concluded, or as {@link changesBetween} does.
 * @example
 * ```ts
 * const since = await readChangesSinceReview(store, { reviewId: february, asOf: '2026-03-16',
 *   upTo: calendar.positions[march].started ?? undefined });
 * since.accounts[acme].summary.opportunities.won; // won since February's review
 * ```
 */
export async function readChangesSinceReview(
  store: Pick<EventStore, 'readAll' | 'readStream'>,
  options: ReadChangesOptions,
): Promise<ChangesSince> {
  const stream = await store.readStream(streamIdFor('review', options.reviewId));
  if (stream.version === 0) throw new NotFoundError('review', options.reviewId);
  const scheduled = stream.events.find((e) => e.type === 'ReviewScheduled') as
    | RecordedEvent<{ type: 'ReviewScheduled'; data: { accountIds: string[] } }>
    | undefined;
  const concluded = stream.events.find((e) => e.type === 'ReviewConcluded') as
    | RecordedEvent<{ type: 'ReviewConcluded'; data: { at: string } }>
    | undefined;
  if (concluded === undefined) {
    const message = 'the review has not concluded: there is no "since" yet';
    throw new ValidationError(`Cannot read changes since review ${options.reviewId}: ${message}`, [
      { path: ['reviewId'], message, code: 'invalid_value' },
    ]);
  }
  const { state: models } = await readAsOf(
    store,
    readModelsProjection,
    { position: concluded.position },
    options.from ? { from: options.from } : {},
  );
  const events: ProjectedEvent[] = [];
  let after: Position = concluded.position;
  for (;;) {
    const page = await store.readAll({
      after,
      limit: 1000,
      types: readModelsProjection.eventTypes,
    });
    for (const event of page.events) {
      if (options.upTo !== undefined && event.position > options.upTo) break;
      events.push(event);
    }
    const last = page.events.at(-1);
    if (page.endOfLog || last === undefined) break;
    if (options.upTo !== undefined && last.position >= options.upTo) break;
    after = page.next;
  }
  return changesBetween(models, events, {
    accountIds: options.accountIds ?? scheduled?.data.accountIds ?? [],
    fromDate: concluded.data.at,
    toDate: options.asOf,
    ...(options.scoring ? { scoring: options.scoring } : {}),
  });
}
