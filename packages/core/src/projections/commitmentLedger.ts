import type { Draft } from 'immer';
import type { ActionItemOwnerRole, ActionItemSource } from '../actions/events.js';
import { defineProjection, type Projection } from './projection.js';

/** One slip of a commitment: its due date moved later. */
export interface CommitmentSlip {
  readonly previousDueOn: string;
  readonly newDueOn: string;
  /** When it was slipped (business time). */
  readonly at: string;
}

/**
 * One written commitment (an action item, seed 001): who owns it, when it is due, and what
 * became of it. `status` is the action item's: `slipped` is still open with a later due date.
 */
export interface Commitment {
  readonly actionId: string;
  readonly status: 'open' | 'slipped' | 'done' | 'cancelled';
  readonly ownerRole: ActionItemOwnerRole;
  readonly ownerId: string;
  readonly title: string;
  /** The account it is about, or null. */
  readonly accountId: string | null;
  /** Where it was agreed: a review or a plan's next steps. */
  readonly source: ActionItemSource;
  /** The current due date, `YYYY-MM-DD`. */
  readonly dueOn: string;
  /** The due date first promised. */
  readonly originalDueOn: string;
  /** Every slip, oldest first. */
  readonly slips: readonly CommitmentSlip[];
  /** When it was written down (business time). */
  readonly openedAt: string;
  /** When it was done or cancelled, or null while open. */
  readonly closedAt: string | null;
  /**
   * How many reviews started with it still open: each time a review reported it as still open
   * or slipped, it was carried over to the next period (seed 001).
   */
  readonly carriedOver: number;
  /**
   * False while it is only in a review's minutes (`ActionItemAssigned`) and its own stream is
   * not opened yet; it counts as open meanwhile, as the application service counts it.
   */
  readonly streamOpened: boolean;
}

/**
 * The commitment ledger: every action item agreed in a review or listed in a plan's next
 * steps, with its slips and carry-overs. `commitmentsByOwner` reads it as of a date.
 */
export interface CommitmentLedgerState {
  /** Commitments by action id, in the order they were first written down. */
  readonly commitments: Readonly<Record<string, Commitment>>;
  /** The action ids of the commitments about each account, by account id, in that order. */
  readonly byAccount: Readonly<Record<string, readonly string[]>>;
}

type Ledger = Draft<CommitmentLedgerState>;

function indexByAccount(ledger: Ledger, accountId: string | null, actionId: string): void {
  if (accountId === null) return;
  ledger.byAccount[accountId] ??= [];
  const ids = ledger.byAccount[accountId];
  if (!ids.includes(actionId)) ids.push(actionId);
}

/** Writes a commitment down as open, keeping when it was first written and its carry-overs. */
function writeDown(
  ledger: Ledger,
  d: {
    readonly actionId: string;
    readonly ownerRole: ActionItemOwnerRole;
    readonly ownerId: string;
    readonly title: string;
    readonly accountId: string | null;
    readonly source: ActionItemSource;
    readonly dueOn: string;
    readonly at: string;
  },
  streamOpened: boolean,
): void {
  const known = ledger.commitments[d.actionId];
  if (known?.accountId !== d.accountId) indexByAccount(ledger, d.accountId, d.actionId);
  ledger.commitments[d.actionId] = {
    actionId: d.actionId,
    status: 'open',
    ownerRole: d.ownerRole,
    ownerId: d.ownerId,
    title: d.title,
    accountId: d.accountId,
    source: { ...d.source },
    dueOn: d.dueOn,
    originalDueOn: d.dueOn,
    slips: [],
    openedAt: known?.openedAt ?? d.at,
    closedAt: null,
    carriedOver: known?.carriedOver ?? 0,
    streamOpened,
  };
}

/** A ledger with no commitment. */
export function emptyCommitmentLedger(): CommitmentLedgerState {
  return { commitments: {}, byAccount: {} };
}

/**
 * The commitment-ledger read model: folds the action items' events, the actions agreed in
 * reviews and the previous actions reported at each review's start. See
 * {@link CommitmentLedgerState}.
 */
export const commitmentLedgerProjection: Projection<CommitmentLedgerState> = defineProjection({
  name: 'commitment-ledger',
  version: '1',
  initial: emptyCommitmentLedger,
  handlers: {
    ActionItemAssigned(ledger: Ledger, d) {
      // The minutes of a review name an action the ledger may know already (its stream opened).
      if (ledger.commitments[d.actionId]) return;
      writeDown(ledger, { ...d, source: { kind: 'review', reviewId: d.reviewId } }, false);
    },
    ActionItemOpened(ledger: Ledger, d) {
      writeDown(ledger, d, true);
    },
    ActionItemSlipped(ledger: Ledger, d) {
      const item = ledger.commitments[d.actionId];
      if (!item) return;
      item.status = 'slipped';
      item.dueOn = d.newDueOn;
      item.slips.push({ previousDueOn: d.previousDueOn, newDueOn: d.newDueOn, at: d.at });
    },
    ActionItemCompleted(ledger: Ledger, d) {
      const item = ledger.commitments[d.actionId];
      if (!item) return;
      item.status = 'done';
      item.closedAt = d.at;
    },
    ActionItemCancelled(ledger: Ledger, d) {
      const item = ledger.commitments[d.actionId];
      if (!item) return;
      item.status = 'cancelled';
      item.closedAt = d.at;
    },
    PreviousActionReviewed(ledger: Ledger, d) {
      const item = ledger.commitments[d.actionId];
      if (item && (d.outcome.status === 'open' || d.outcome.status === 'slipped')) {
        item.carriedOver += 1;
      }
    },
  },
});
