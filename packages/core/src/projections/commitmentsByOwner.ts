import type { ActionItemOwnerRole } from '../actions/events.js';
import { daysBetween } from '../periods/period.js';
import type { Commitment, CommitmentLedgerState } from './commitmentLedger.js';
import { compareText } from './ordering.js';

/** A commitment judged as of a day. */
export interface CommitmentLine extends Commitment {
  /** Open (or slipped) and due before the day. */
  readonly overdue: boolean;
  /** Days past the current due date for an overdue one, else 0. */
  readonly daysOverdue: number;
  /** Done on or before the due date first promised. */
  readonly keptOnTime: boolean;
  /** Days the due date moved by its slips (current due date minus the first one). */
  readonly slipDays: number;
  /** Not cancelled, and done or past the date first promised: it counts for the kept-on-time rate. */
  readonly cameDue: boolean;
}

/** The figures of a set of commitments as of a day. */
export interface CommitmentTotals {
  readonly total: number;
  /** Open or slipped, overdue or not. */
  readonly open: number;
  readonly overdue: number;
  readonly done: number;
  /** Done on or before the first promised date. */
  readonly keptOnTime: number;
  readonly cancelled: number;
  /** Commitments that slipped at least once. */
  readonly slipped: number;
  /** The sum of every commitment's `slipDays`. */
  readonly slipDays: number;
  /** How many times commitments were carried over from one review to the next. */
  readonly carryOvers: number;
  /** Commitments not cancelled whose first promised date has passed, or that are done. */
  readonly cameDue: number;
  /** `keptOnTime / cameDue`: the share of promises kept as first made; null when none came due. */
  readonly keptOnTimeRate: number | null;
}

/** One owner's commitments. */
export interface OwnerCommitments extends CommitmentTotals {
  readonly ownerId: string;
  readonly ownerRole: ActionItemOwnerRole;
  /** Their commitments: overdue first (most days first), then open by due date, then closed. */
  readonly items: readonly CommitmentLine[];
}

/** The commitment ledger as of a day. */
export interface CommitmentsByOwner {
  readonly asOf: string;
  /** Owners by role (rep, manager, team), then id. */
  readonly owners: readonly OwnerCommitments[];
  readonly total: CommitmentTotals;
}

/** Which commitments {@link commitmentsByOwner} reads. */
export interface CommitmentFilter {
  /** The day, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Only these owners. */
  readonly ownerIds?: readonly string[];
  /** Only commitments about these accounts. */
  readonly accountIds?: readonly string[];
  /** Only commitments agreed in this review. */
  readonly reviewId?: string;
}

/**
 * The commitment ledger per owner, rep and manager alike (seed 001: "action items for both you
 * and the salesperson need to be documented in writing"): open, overdue, done, kept on time,
 * cancelled, slipped, slip days and carry-overs, and the kept-on-time rate, as of `asOf`. Pure.
 */
export function commitmentsByOwner(
  ledger: CommitmentLedgerState,
  filter: CommitmentFilter,
): CommitmentsByOwner {
  const asOf = filter.asOf.slice(0, 10);
  const owners = filter.ownerIds ? new Set(filter.ownerIds) : null;
  const accounts = filter.accountIds ? new Set(filter.accountIds) : null;
  const lines: CommitmentLine[] = [];
  for (const c of Object.values(ledger.commitments)) {
    if (owners && !owners.has(c.ownerId)) continue;
    if (accounts && (c.accountId === null || !accounts.has(c.accountId))) continue;
    if (
      filter.reviewId !== undefined &&
      !(c.source.kind === 'review' && c.source.reviewId === filter.reviewId)
    ) {
      continue;
    }
    lines.push(commitmentLine(c, asOf));
  }
  const byOwner = new Map<string, CommitmentLine[]>();
  for (const line of lines) {
    const key = `${line.ownerRole}\u0000${line.ownerId}`;
    const list = byOwner.get(key) ?? [];
    list.push(line);
    byOwner.set(key, list);
  }
  const roleOrder = { rep: 0, manager: 1, team: 2 } as const;
  return {
    asOf,
    owners: [...byOwner.values()]
      .map((items) => ({
        ownerId: items[0]!.ownerId,
        ownerRole: items[0]!.ownerRole,
        ...totalsOf(items),
        items: items.sort(byUrgency),
      }))
      .sort(
        (a, b) =>
          roleOrder[a.ownerRole] - roleOrder[b.ownerRole] || compareText(a.ownerId, b.ownerId),
      ),
    total: totalsOf(lines),
  };
}

/** A commitment's figures as of `asOf` (`YYYY-MM-DD`). */
export function commitmentLine(commitment: Commitment, asOf: string): CommitmentLine {
  const open = commitment.status === 'open' || commitment.status === 'slipped';
  const overdue = open && commitment.dueOn < asOf;
  return {
    ...commitment,
    overdue,
    daysOverdue: overdue ? daysBetween(commitment.dueOn, asOf) : 0,
    keptOnTime:
      commitment.status === 'done' &&
      commitment.closedAt !== null &&
      commitment.closedAt.slice(0, 10) <= commitment.originalDueOn,
    slipDays: Math.max(0, daysBetween(commitment.originalDueOn, commitment.dueOn)),
    cameDue:
      commitment.status === 'done' ||
      (commitment.status !== 'cancelled' && commitment.originalDueOn < asOf),
  };
}

function totalsOf(lines: readonly CommitmentLine[]): CommitmentTotals {
  const totals = {
    total: lines.length,
    open: 0,
    overdue: 0,
    done: 0,
    keptOnTime: 0,
    cancelled: 0,
    slipped: 0,
    slipDays: 0,
    carryOvers: 0,
    cameDue: 0,
  };
  for (const line of lines) {
    if (line.status === 'open' || line.status === 'slipped') totals.open += 1;
    if (line.overdue) totals.overdue += 1;
    if (line.status === 'done') totals.done += 1;
    if (line.keptOnTime) totals.keptOnTime += 1;
    if (line.status === 'cancelled') totals.cancelled += 1;
    if (line.slips.length > 0) totals.slipped += 1;
    totals.slipDays += line.slipDays;
    totals.carryOvers += line.carriedOver;
    if (line.cameDue) totals.cameDue += 1;
  }
  return {
    ...totals,
    keptOnTimeRate: totals.cameDue === 0 ? null : totals.keptOnTime / totals.cameDue,
  };
}

function byUrgency(a: CommitmentLine, b: CommitmentLine): number {
  const rank = (l: CommitmentLine) =>
    l.overdue ? 0 : l.status === 'open' || l.status === 'slipped' ? 1 : 2;
  return (
    rank(a) - rank(b) ||
    b.daysOverdue - a.daysOverdue ||
    compareText(a.dueOn, b.dueOn) ||
    compareText(a.actionId, b.actionId)
  );
}
