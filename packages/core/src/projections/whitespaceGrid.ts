import type { BuyingUnit, WhitespaceState } from '../accounts/events.js';
import type { PeriodRange } from '../metrics/revenueRetention.js';
import type { Money } from '../money/money.js';
import type { AccountBookState } from './accountBook.js';
import { compareText } from './ordering.js';
import { revenueByProductLine } from './revenueInRange.js';

/** A row of the grid: a buying unit, with a key and a label to show. */
export interface WhitespaceRow {
  /** `account`, `branch:<accountId>` or `division:<name>`. */
  readonly key: string;
  readonly buyingUnit: BuyingUnit;
  /** The account's name, the branch account's name, or the division's. */
  readonly label: string;
}

/** One cell: what was assessed (if anything) and what the buying unit already buys. */
export interface WhitespaceGridCell {
  readonly row: string;
  readonly offering: string;
  /** The assessment, or null when the cell was never assessed. */
  readonly assessed: WhitespaceState | null;
  readonly estimatedPotential: Money | null;
  /** When it was assessed, or null. */
  readonly assessedAt: string | null;
  /**
   * Revenue from the buying unit for this offering over the range, minor units of the
   * account's currency: the account's own revenue for the `account` row, the branch account's
   * for a `branch` row (in the branch's currency), 0 for a division (revenue is not kept per
   * division).
   */
  readonly revenueMinor: number;
}

/** The whitespace grid of an account: buying units by offerings (seed 002: the whole portfolio). */
export interface WhitespaceGrid {
  readonly accountId: string;
  readonly range: PeriodRange;
  /** The account first, then its branches (by name), then the divisions (by name). */
  readonly rows: readonly WhitespaceRow[];
  /** Every offering assessed or bought by a row, by name. */
  readonly offerings: readonly string[];
  /** One cell per row and offering, row by row in `rows` order, offerings in order. */
  readonly cells: readonly WhitespaceGridCell[];
}

/**
 * The whitespace grid of an account: its buying units (the account, its branches in the book
 * and every division assessed) against every offering assessed or already bought, each cell with
 * its assessment and the revenue it brings over the range. Undefined for an unknown account.
 */
export function whitespaceGrid(
  book: AccountBookState,
  accountId: string,
  range: PeriodRange,
): WhitespaceGrid | undefined {
  const account = book.accounts[accountId];
  if (account === undefined) return undefined;
  const rows = new Map<string, WhitespaceRow>();
  rows.set('account', { key: 'account', buyingUnit: { kind: 'account' }, label: account.name! });
  const branches = Object.values(book.accounts)
    .filter((a) => a.parentAccountId === accountId)
    .map((a) => a.accountId!);
  const divisions: string[] = [];
  for (const cell of account.whitespace) {
    if (cell.buyingUnit.kind === 'branch') branches.push(cell.buyingUnit.branchAccountId);
    if (cell.buyingUnit.kind === 'division') divisions.push(cell.buyingUnit.division);
  }
  const branchLabel = (id: string) => book.accounts[id]?.name ?? id;
  for (const id of [...new Set(branches)].sort(
    (a, b) => compareText(branchLabel(a), branchLabel(b)) || compareText(a, b),
  )) {
    rows.set(`branch:${id}`, {
      key: `branch:${id}`,
      buyingUnit: { kind: 'branch', branchAccountId: id },
      label: branchLabel(id),
    });
  }
  for (const division of [...new Set(divisions)].sort(compareText)) {
    rows.set(`division:${division}`, {
      key: `division:${division}`,
      buyingUnit: { kind: 'division', division },
      label: division,
    });
  }
  const revenueOf = new Map<string, Record<string, number>>();
  revenueOf.set('account', revenueByProductLine(account, range));
  for (const row of rows.values()) {
    if (row.buyingUnit.kind !== 'branch') continue;
    const branch = book.accounts[row.buyingUnit.branchAccountId];
    revenueOf.set(row.key, branch ? revenueByProductLine(branch, range) : {});
  }
  const offerings = new Set<string>();
  for (const cell of account.whitespace) offerings.add(cell.offering);
  for (const [key, byLine] of revenueOf) {
    for (const [line, amount] of Object.entries(byLine))
      if (amount > 0 && rows.has(key)) offerings.add(line);
  }
  const sortedOfferings = [...offerings].sort(compareText);
  const assessedByKey = new Map(
    account.whitespace.map((cell) => [`${rowKey(cell.buyingUnit)}\u0000${cell.offering}`, cell]),
  );
  const cells: WhitespaceGridCell[] = [];
  for (const row of rows.values()) {
    for (const offering of sortedOfferings) {
      const assessed = assessedByKey.get(`${row.key}\u0000${offering}`);
      cells.push({
        row: row.key,
        offering,
        assessed: assessed?.state ?? null,
        estimatedPotential: assessed?.estimatedPotential
          ? { ...assessed.estimatedPotential }
          : null,
        assessedAt: assessed?.assessedAt ?? null,
        revenueMinor: revenueOf.get(row.key)?.[offering] ?? 0,
      });
    }
  }
  return { accountId, range, rows: [...rows.values()], offerings: sortedOfferings, cells };
}

function rowKey(unit: BuyingUnit): string {
  if (unit.kind === 'account') return 'account';
  return unit.kind === 'branch' ? `branch:${unit.branchAccountId}` : `division:${unit.division}`;
}
