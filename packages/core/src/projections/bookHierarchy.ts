import type { AccountStatus } from '../accounts/events.js';
import type { PeriodRange } from '../metrics/revenueRetention.js';
import type { AccountBookState, BookAccount } from './accountBook.js';
import { compareText } from './ordering.js';
import { revenueInRange } from './revenueInRange.js';

/** One account in the hierarchy, with its branches and its revenue rolled up the tree. */
export interface HierarchyNode {
  readonly accountId: string;
  readonly name: string;
  readonly status: AccountStatus;
  readonly ownerRepId: string;
  readonly currency: string;
  /** The account's own revenue over the range, minor units of `currency`. */
  readonly ownRevenueMinor: number;
  /**
   * Its own revenue plus every branch's below it, over the range, minor units of `currency`.
   * Branches kept in another currency are left out of it (see `otherCurrencyBranches`).
   */
  readonly totalRevenueMinor: number;
  /** How many accounts below it (at any depth) are kept in another currency. */
  readonly otherCurrencyBranches: number;
  /** Its branches, by name then id. */
  readonly children: readonly HierarchyNode[];
}

/** Options of {@link bookHierarchy}. */
export interface HierarchyOptions {
  readonly range: PeriodRange;
  /** Only the trees that hold one of these accounts (default: every tree). */
  readonly accountIds?: readonly string[];
}

/**
 * The account hierarchy (seed 003: multi-branch companies, each branch its own entity) as
 * trees, each account with its own revenue and the total rolled up from its branches. A root
 * is an account without a parent (or whose parent is unknown). The decider forbids cycles; an
 * account caught in one anyway is shown once, as a root of its own. Roots by name, then id.
 */
export function bookHierarchy(book: AccountBookState, options: HierarchyOptions): HierarchyNode[] {
  const children = new Map<string, BookAccount[]>();
  const roots: BookAccount[] = [];
  for (const account of Object.values(book.accounts)) {
    const parent = account.parentAccountId;
    if (parent !== null && book.accounts[parent] !== undefined && !inCycle(book, account)) {
      const list = children.get(parent) ?? [];
      list.push(account);
      children.set(parent, list);
    } else {
      roots.push(account);
    }
  }
  const build = (account: BookAccount): HierarchyNode => {
    const kids = (children.get(account.accountId!) ?? []).sort(byName).map(build);
    const own = revenueInRange(account, options.range);
    let total = own;
    let other = 0;
    for (const kid of kids) {
      if (kid.currency === account.currency) total += kid.totalRevenueMinor;
      else other += 1;
      other += kid.otherCurrencyBranches;
    }
    return {
      accountId: account.accountId!,
      name: account.name!,
      status: account.status!,
      ownerRepId: account.ownerRepId!,
      currency: account.currency!,
      ownRevenueMinor: own,
      totalRevenueMinor: total,
      otherCurrencyBranches: other,
      children: kids,
    };
  };
  const trees = roots.sort(byName).map(build);
  if (options.accountIds === undefined) return trees;
  const wanted = new Set(options.accountIds);
  const holds = (node: HierarchyNode): boolean =>
    wanted.has(node.accountId) || node.children.some(holds);
  return trees.filter(holds);
}

function byName(a: BookAccount, b: BookAccount): number {
  return compareText(a.name ?? '', b.name ?? '') || compareText(a.accountId!, b.accountId!);
}

function inCycle(book: AccountBookState, account: BookAccount): boolean {
  const seen = new Set<string>();
  let current: BookAccount | undefined = account;
  while (current?.parentAccountId) {
    if (current.parentAccountId === account.accountId) return true;
    if (seen.has(current.parentAccountId)) return false;
    seen.add(current.parentAccountId);
    current = book.accounts[current.parentAccountId];
  }
  return false;
}
