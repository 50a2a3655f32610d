import type { Draft } from 'immer';
import type { AccountState } from '../accounts/accountState.js';
import { initialAccountState } from '../accounts/accountState.js';
import {
  type AccountEvent,
  accountEvents,
  type RevenueCorrected,
  type RevenueRecorded,
} from '../accounts/events.js';
import { evolveAccount } from '../accounts/evolve.js';
import { type TerritoryEvent, territoryEvents } from '../territories/events.js';
import { evolveTerritory } from '../territories/evolve.js';
import type { TerritoryState } from '../territories/territoryState.js';
import { initialTerritoryState } from '../territories/territoryState.js';
import { freshState, instanceState } from './instanceState.js';
import {
  defineProjection,
  type ProjectedEvent,
  type Projection,
  type ProjectionHandlers,
} from './projection.js';

/**
 * One revenue entry of an account: the data of the `RevenueRecorded` event that recorded it
 * (a period and product line, an amount), or, once corrected, a copy of that data with the
 * latest correction's amount.
 *
 * The book keeps the event's own data object rather than a copy of it: revenue is most of a
 * log (four events in five), and a copy per entry was a fifth of the time a fold of a million
 * events took, nearly all of it the collector moving the copies. So an entry is shared with
 * the event it came from: never mutate one (stores freeze the events they return; the book
 * never writes to an entry, a correction replaces it).
 */
export type BookRevenueEntry = Readonly<RevenueRecorded['data']>;

/**
 * An account in the book: the Account aggregate's state (status and its history, owner,
 * territory, parent, contacts, competitors, satisfaction, opportunities, whitespace), except
 * that revenue is a list of entries at their corrected amounts, in the order recorded (the
 * corrections themselves stay in the events).
 */
export interface BookAccount extends Omit<AccountState, 'revenue'> {
  /** Every revenue entry, in the order recorded, each at its amount after corrections. */
  readonly revenue: readonly BookRevenueEntry[];
}

/** Who owned an account and in which territory it was, from a moment on. */
export interface AccountAssignment {
  /** When the assignment took effect (business time, the event's `at`). */
  readonly at: string;
  readonly ownerRepId: string;
  readonly territoryId: string | null;
}

/**
 * The book of business: every account as the Account aggregate folds it (status, revenue
 * entries, contacts, competitors, satisfaction, opportunities, whitespace), the history of who
 * owned each account and in which territory (so that a cohort can be fixed at a date), every
 * territory as the Territory aggregate folds it (tier, reps, benchmarks, market conditions),
 * and the manager of each rep. Queries (`bookOfBusiness`, `bookHierarchy`, `pipelineBy`,
 * `whitespaceGrid`, `retentionByGroup`, `accountTiers`) read it; it holds no derived figure
 * that could go stale.
 */
export interface AccountBookState {
  /** Accounts by id, in the order opened. */
  readonly accounts: Readonly<Record<string, BookAccount>>;
  /** Each account's owner and territory over time, oldest first (the opening one included). */
  readonly assignments: Readonly<Record<string, readonly AccountAssignment[]>>;
  /** Territories by id, each the Territory aggregate's state. */
  readonly territories: Readonly<Record<string, TerritoryState>>;
  /**
   * The manager of each rep: the manager of the rep's latest scheduled review (seed 001: the
   * review is the rep's meeting with their manager). A manager's team is the reps mapped to them.
   */
  readonly managers: Readonly<Record<string, string>>;
}

type Book = Draft<AccountBookState>;

function applyAccountEvent(
  book: Book,
  data: { accountId: string; at: string },
  event: ProjectedEvent,
): void {
  const id = data.accountId;
  const account = instanceState(
    book.accounts,
    id,
    event,
    'AccountOpened',
    () => ({ ...freshState(initialAccountState), revenue: [] }) as unknown as Draft<BookAccount>,
  );
  if (account === undefined) return;
  // Every event but revenue's changes the account exactly as it changes the aggregate's state,
  // which never touches revenue outside those two.
  evolveAccount(account as unknown as Draft<AccountState>, event as AccountEvent);
  if (
    event.type === 'AccountOpened' ||
    event.type === 'AccountOwnerAssigned' ||
    event.type === 'AccountTerritoryAssigned'
  ) {
    book.assignments[id] ??= [];
    book.assignments[id].push({
      at: data.at,
      ownerRepId: account.ownerRepId as string,
      territoryId: account.territoryId,
    });
  }
}

function applyTerritoryEvent(
  book: Book,
  data: { territoryId: string },
  event: ProjectedEvent,
): void {
  const id = data.territoryId;
  const territory = instanceState(
    book.territories,
    id,
    event,
    'TerritoryDefined',
    () => freshState(initialTerritoryState) as Draft<TerritoryState>,
  );
  if (territory !== undefined) evolveTerritory(territory, event as TerritoryEvent);
}

// Revenue is the bulk of a log (four events in five): its own handlers, the event's data
// appended to a list as it is (no copy, no keyed insert), the rare correction finding its entry
// by a scan of the account's own and replacing it.
function recordRevenue(book: Book, d: RevenueRecorded['data']): void {
  book.accounts[d.accountId]?.revenue.push(d as Draft<BookRevenueEntry>);
}

function correctRevenue(book: Book, d: RevenueCorrected['data']): void {
  const revenue = book.accounts[d.accountId]?.revenue ?? [];
  const index = revenue.findIndex((e) => e.revenueId === d.revenueId);
  if (index >= 0) revenue[index] = { ...revenue[index]!, amount: d.amount };
}

const handlers: Record<string, unknown> = {
  RevenueRecorded: recordRevenue,
  RevenueCorrected: correctRevenue,
  ReviewScheduled: (book: Book, data: { repId: string; managerId: string }) => {
    book.managers[data.repId] = data.managerId;
  },
};
for (const { type } of accountEvents) handlers[type] ??= applyAccountEvent;
for (const { type } of territoryEvents) handlers[type] = applyTerritoryEvent;

/** A book with no account, territory or manager. */
export function emptyAccountBook(): AccountBookState {
  return { accounts: {}, assignments: {}, territories: {}, managers: {} };
}

/**
 * The book-of-business read model: folds every Account and Territory event, and the rep and
 * manager of each scheduled review. See {@link AccountBookState}.
 */
export const accountBookProjection: Projection<AccountBookState> = defineProjection({
  name: 'account-book',
  // 2: revenue entries are the recorded events' data (`amount` a Money), no longer copies with
  // `amountMinor`; a snapshot of version 1 has the old entries and must be rebuilt.
  version: '2',
  initial: emptyAccountBook,
  handlers: handlers as ProjectionHandlers<AccountBookState>,
});
