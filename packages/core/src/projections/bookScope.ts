import type { AccountBookState, BookAccount } from './accountBook.js';

/**
 * Whose book: one rep's accounts, one territory's, one manager's team (the reps whose latest
 * review was with that manager), some accounts by id (one account, a company and its branches),
 * or every account.
 */
export type BookScope =
  | { readonly rep: string }
  | { readonly territory: string }
  | { readonly team: string }
  | { readonly accounts: readonly string[] }
  | { readonly all: true };

/** The accounts of a scope, in the order they were opened (lost ones included). */
export function accountsInScope(book: AccountBookState, scope: BookScope): BookAccount[] {
  const accounts = Object.values(book.accounts);
  if ('all' in scope) return accounts;
  if ('rep' in scope) return accounts.filter((a) => a.ownerRepId === scope.rep);
  if ('territory' in scope) return accounts.filter((a) => a.territoryId === scope.territory);
  if ('accounts' in scope) {
    const ids = new Set(scope.accounts);
    return accounts.filter((a) => ids.has(a.accountId!));
  }
  const reps = new Set(
    Object.entries(book.managers)
      .filter(([, managerId]) => managerId === scope.team)
      .map(([repId]) => repId),
  );
  return accounts.filter((a) => a.ownerRepId !== null && reps.has(a.ownerRepId));
}

/** The reps of a manager's team, sorted: those whose latest scheduled review was with them. */
export function teamOf(book: AccountBookState, managerId: string): string[] {
  return Object.entries(book.managers)
    .filter(([, manager]) => manager === managerId)
    .map(([repId]) => repId)
    .sort();
}

/**
 * The currency most of `accounts` keep their books in (ties: the first in code order), or null
 * for none: the currency a scope's totals are in when the caller does not choose one.
 */
export function mainCurrency(accounts: readonly BookAccount[]): string | null {
  const counts = new Map<string, number>();
  for (const account of accounts) {
    if (account.currency) counts.set(account.currency, (counts.get(account.currency) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [currency, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (best === null || count > (counts.get(best) ?? 0)) best = currency;
  }
  return best;
}
