import {
  type AccountBookState,
  type BookAccount,
  mainCurrency,
  NotFoundError,
  teamOf,
} from '@account-planning/core';

/** A manager's team as the team reports read it: the reps, their accounts, the currency. */
export interface ManagerTeam {
  readonly reps: readonly string[];
  readonly accounts: readonly BookAccount[];
  /** `currency` when given, else the one most of the team's accounts use. */
  readonly currency: string;
}

/**
 * The reps whose reviews `managerId` holds, and their accounts.
 *
 * @throws {NotFoundError} when no rep has a review booked with the manager (kind `manager`).
 */
export function managerTeam(
  book: AccountBookState,
  managerId: string,
  currency: string | undefined,
): ManagerTeam {
  const reps = teamOf(book, managerId);
  if (reps.length === 0) {
    throw new NotFoundError(
      'manager',
      managerId,
      `No rep has a review booked with manager ${JSON.stringify(managerId)}: no team to show`,
    );
  }
  const inTeam = new Set(reps);
  const accounts = Object.values(book.accounts).filter(
    (a) => a.ownerRepId !== null && inTeam.has(a.ownerRepId),
  );
  return { reps, accounts, currency: currency ?? mainCurrency(accounts) ?? 'XXX' };
}
