import type { Draft } from 'immer';
import type { Position } from '../eventStore/position.js';
import type { EventEnvelope, EventLike } from '../eventStore/types.js';
import { ACCOUNT_HIERARCHY_STREAM } from './events.js';

/** What the index knows of one account. */
export interface IndexedAccount {
  /** The parent the account's own stream says it has. */
  readonly parentAccountId: string | null;
  /** The account stream's version, to tell which pending claims can no longer land. */
  readonly version: number;
}

/**
 * A parent change that was claimed in the hierarchy ledger but has not (yet) landed on the
 * account's stream. It lands only if the account stream is still at `accountVersion` then.
 */
export interface PendingParentClaim {
  readonly claimId: string;
  readonly parentAccountId: string | null;
  readonly accountVersion: number;
}

/** What the index knows of one review. */
export interface IndexedReview {
  readonly repId: string;
  readonly status: 'scheduled' | 'in_progress' | 'concluded' | 'cancelled';
  /** The order in which the rep's reviews concluded (a log-order counter), or null. */
  readonly concludedOrder: number | null;
  /** The action items agreed in it (its minutes) and those opened naming it as their source. */
  readonly actionIds: readonly string[];
}

/** What the index knows of one action item. */
export interface IndexedActionItem {
  readonly status: 'open' | 'slipped' | 'done' | 'cancelled';
  readonly sourceReviewId: string | null;
}

/**
 * The small read model the application service checks cross-aggregate rules against: which
 * accounts, territories, plans, reviews and action items exist, the account hierarchy (with
 * the parent changes claimed but not yet landed), and each review's rep, status and actions.
 * Built by folding the store's log in order with {@link indexEvent}; plain data.
 */
export interface DomainIndex {
  readonly accounts: Readonly<Record<string, IndexedAccount>>;
  readonly pendingParentClaims: Readonly<Record<string, readonly PendingParentClaim[]>>;
  readonly territories: Readonly<Record<string, true>>;
  readonly plans: Readonly<Record<string, true>>;
  readonly reviews: Readonly<Record<string, IndexedReview>>;
  readonly actionItems: Readonly<Record<string, IndexedActionItem>>;
  /** How many reviews have concluded so far (the next `concludedOrder`). */
  readonly concludedCount: number;
  /**
   * The stream each idempotency key began (the key of a command whose events opened a stream),
   * so that a creating command retried with its key, its id again left to the service, lands on
   * the stream the first attempt made instead of a new one.
   */
  readonly streamsByIdempotencyKey: Readonly<Record<string, string>>;
  /** The position of the last event folded, or null before any. */
  readonly position: Position | null;
}

/** An index that has seen no event. */
export function emptyDomainIndex(): DomainIndex {
  return {
    accounts: {},
    pendingParentClaims: {},
    territories: {},
    plans: {},
    reviews: {},
    actionItems: {},
    concludedCount: 0,
    streamsByIdempotencyKey: {},
    position: null,
  };
}

/** The parts of a recorded event that {@link indexEvent} reads. */
export type IndexableEvent = EventLike &
  Pick<EventEnvelope, 'streamId' | 'streamVersion' | 'position'> & {
    readonly metadata: EventEnvelope['metadata'];
  };

/**
 * Folds one recorded event (from `readAll`, in log order) into the index, mutating it. Events
 * the index does not need are skipped. Pure: the same log gives the same index.
 */
export function indexEvent(index: Draft<DomainIndex>, event: IndexableEvent): void {
  index.position = event.position;
  const key = event.metadata.idempotencyKey;
  if (event.streamVersion === 1 && typeof key === 'string') {
    index.streamsByIdempotencyKey[key] = event.streamId;
  }
  // biome-ignore lint/suspicious/noExplicitAny: each case reads the fields its event type has.
  const data = event.data as any;
  if (event.streamId.startsWith('account-')) {
    indexAccountEvent(index, event, data);
    return;
  }
  switch (event.type) {
    case 'AccountParentClaimed': {
      if (event.streamId !== ACCOUNT_HIERARCHY_STREAM) return;
      // Made on a version the account's stream has already moved past: it can never land.
      if ((index.accounts[data.accountId]?.version ?? 0) > data.accountVersion) return;
      const claim = {
        claimId: data.claimId,
        parentAccountId: data.parentAccountId,
        accountVersion: data.accountVersion,
      };
      const claims = index.pendingParentClaims[data.accountId];
      if (claims) claims.push(claim);
      else index.pendingParentClaims[data.accountId] = [claim];
      return;
    }
    case 'TerritoryDefined':
      index.territories[data.territoryId] = true;
      return;
    case 'PlanDrafted':
      index.plans[data.planId] = true;
      return;
    case 'ReviewScheduled':
      index.reviews[data.reviewId] = {
        repId: data.repId,
        status: 'scheduled',
        concludedOrder: null,
        actionIds: [],
      };
      return;
    case 'ReviewStarted':
      setReviewStatus(index, data.reviewId, 'in_progress');
      return;
    case 'ActionItemAssigned':
      addReviewAction(index, data.reviewId, data.actionId);
      return;
    case 'ReviewConcluded': {
      const review = index.reviews[data.reviewId];
      if (!review) return;
      review.status = 'concluded';
      review.concludedOrder = index.concludedCount;
      index.concludedCount += 1;
      return;
    }
    case 'ReviewCancelled':
      setReviewStatus(index, data.reviewId, 'cancelled');
      return;
    case 'ActionItemOpened': {
      const sourceReviewId = data.source.kind === 'review' ? data.source.reviewId : null;
      index.actionItems[data.actionId] = { status: 'open', sourceReviewId };
      if (sourceReviewId !== null) addReviewAction(index, sourceReviewId, data.actionId);
      return;
    }
    case 'ActionItemSlipped':
      setActionStatus(index, data.actionId, 'slipped');
      return;
    case 'ActionItemCompleted':
      setActionStatus(index, data.actionId, 'done');
      return;
    case 'ActionItemCancelled':
      setActionStatus(index, data.actionId, 'cancelled');
      return;
  }
}

function indexAccountEvent(
  index: Draft<DomainIndex>,
  event: IndexableEvent,
  data: { accountId: string; parentAccountId?: string | null },
): void {
  const accountId = data.accountId;
  const known = index.accounts[accountId];
  let parentAccountId = known?.parentAccountId ?? null;
  if (event.type === 'AccountOpened' || event.type === 'AccountParentChanged') {
    parentAccountId = data.parentAccountId ?? null;
  }
  index.accounts[accountId] = { parentAccountId, version: event.streamVersion };
  // A claim lands only on the version it was made at: any later event on the account's stream
  // either is the claimed change (it is now the actual parent) or means the claim can never land.
  const claims = index.pendingParentClaims[accountId];
  if (claims) {
    const live = claims.filter((claim) => claim.accountVersion >= event.streamVersion);
    if (live.length > 0) index.pendingParentClaims[accountId] = live;
    else delete index.pendingParentClaims[accountId];
  }
}

function setReviewStatus(
  index: Draft<DomainIndex>,
  reviewId: string,
  status: IndexedReview['status'],
): void {
  const review = index.reviews[reviewId];
  if (review) review.status = status;
}

function addReviewAction(index: Draft<DomainIndex>, reviewId: string, actionId: string): void {
  const review = index.reviews[reviewId];
  if (review && !review.actionIds.includes(actionId)) review.actionIds.push(actionId);
}

function setActionStatus(
  index: Draft<DomainIndex>,
  actionId: string,
  status: IndexedActionItem['status'],
): void {
  const action = index.actionItems[actionId];
  if (action) action.status = status;
}

/**
 * True when making `accountId` a branch of `parentAccountId` would close a cycle: when the
 * account is the parent itself or one of its ancestors. Follows both the parents the accounts'
 * streams say and every pending claim, so that a change still in flight counts as made.
 */
export function wouldCloseHierarchyCycle(
  index: DomainIndex,
  accountId: string,
  parentAccountId: string,
): boolean {
  const seen = new Set<string>();
  const toVisit = [parentAccountId];
  while (toVisit.length > 0) {
    const current = toVisit.pop() as string;
    if (current === accountId) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    const parent = index.accounts[current]?.parentAccountId;
    if (parent) toVisit.push(parent);
    for (const claim of index.pendingParentClaims[current] ?? []) {
      if (claim.parentAccountId) toVisit.push(claim.parentAccountId);
    }
  }
  return false;
}

/**
 * The rep's previous review as seen from `reviewId`: the rep's review that concluded last
 * (other than `reviewId`), and the action items still open from the rep's concluded reviews
 * (those agreed at the previous review and those carried over from earlier ones). An action
 * written in a review's minutes whose own stream was not opened yet counts as open. Null when
 * the rep has no concluded review.
 */
export function previousReviewOf(
  index: DomainIndex,
  repId: string,
  reviewId: string,
): { readonly reviewId: string; readonly openActionIds: string[] } | null {
  const concluded = Object.entries(index.reviews)
    .filter(([id, review]) => id !== reviewId && review.repId === repId)
    .filter(([, review]) => review.concludedOrder !== null)
    .sort(([, a], [, b]) => (a.concludedOrder ?? 0) - (b.concludedOrder ?? 0));
  const last = concluded.at(-1);
  if (!last) return null;
  const openActionIds = concluded.flatMap(([, review]) =>
    review.actionIds.filter((id) => {
      const status = index.actionItems[id]?.status;
      return status === undefined || status === 'open' || status === 'slipped';
    }),
  );
  return { reviewId: last[0], openActionIds };
}

/** True when the action item came from one of the rep's concluded reviews other than `reviewId`. */
export function isActionFromRepReviews(
  index: DomainIndex,
  repId: string,
  reviewId: string,
  actionId: string,
): boolean {
  return Object.entries(index.reviews).some(
    ([id, review]) =>
      id !== reviewId &&
      review.repId === repId &&
      review.concludedOrder !== null &&
      review.actionIds.includes(actionId),
  );
}
