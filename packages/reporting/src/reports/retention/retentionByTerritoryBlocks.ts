import {
  type AccountBookState,
  type BookAccount,
  monthsOf,
  type PeriodRange,
  quarterOf,
  type Retention,
  type RetentionByGroup,
  retentionByGroup,
  retentionWindowOf,
} from '@account-planning/core';
import type { ReportBlock } from '../../document/reportDocument.js';
import type { TableRow } from '../../document/tableBlock.js';
import { formatDate, formatMoney } from '../../formatting/formatValue.js';
import { retentionByTerritoryChart } from '../charts/retentionByTerritoryChart.js';
import { humanLabel } from '../labels/humanLabel.js';

/**
 * Retention by territory of some accounts only (a manager's team), for a period against the
 * one before it: `retentionByGroup` over a book holding just those accounts.
 */
export function retentionOfAccounts(
  book: AccountBookState,
  accounts: readonly BookAccount[],
  period: string,
  currency: string,
): RetentionByGroup {
  return retentionByGroup(
    { ...book, accounts: Object.fromEntries(accounts.map((a) => [a.accountId!, a])) },
    { by: 'territory', window: retentionWindowOf(period), currency },
  );
}

/** A range in words: `2025` for a whole year, `2025-Q4` for a whole quarter, else `2025-04 to 2026-03`. */
export function periodText(range: PeriodRange): string {
  if (range.from.endsWith('-01') && range.to === `${range.from.slice(0, 4)}-12`) {
    return range.from.slice(0, 4);
  }
  const quarter = quarterOf(range.from);
  if (monthsOf(quarter)[0] === range.from && monthsOf(quarter)[2] === range.to) return quarter;
  return range.from === range.to ? range.from : `${range.from} to ${range.to}`;
}

/**
 * The blocks that show retention by territory (seed 004), for the team view and the annual
 * pack alike: what the figures mean, the chart, the table with the team's total as its footer
 * (no rate where there was no base revenue), and the losses by reason.
 */
export function retentionByTerritoryBlocks(
  book: AccountBookState,
  retention: RetentionByGroup,
  tableId: string,
  currency: string,
  locale: string,
): ReportBlock[] {
  const base = periodText(retention.window.base);
  const current = periodText(retention.window.current);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const territoryName = (id: string) =>
    book.territories[id]?.name ?? (id === '(unassigned)' ? 'No territory' : id);
  const rate = (r: Retention, value: number) => (r.emptyBase ? null : value);
  const row = (group: string, r: Retention): TableRow => ({
    territory:
      group === 'all'
        ? 'Team'
        : `${territoryName(group)}${book.territories[group]?.tier ? ` (${book.territories[group]!.tier})` : ''}`,
    accounts: r.accountsAtStart,
    base: r.baseRevenue.amountMinor,
    current: r.currentRevenue.amountMinor,
    lost: r.lostRevenue.amountMinor,
    logo: rate(r, r.logoRetention),
    gross: rate(r, r.grossRevenueRetention),
    net: rate(r, r.netRevenueRetention),
  });
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: `Revenue of ${current} against ${base} (seed 004), counting each account in the territory it was in on ${formatDate(retention.cohortFixedAt, locale)}. Logo retention is the share of accounts with revenue then that still have some; gross keeps what was kept, at most 100%; net counts growth too. New accounts are not in the cohort.`,
    },
  ];
  const chart = retentionByTerritoryChart(
    `Retention by territory, ${current}`,
    retention.groups.map((g) => ({ name: territoryName(g.group), retention: g.retention })),
    locale,
  );
  if (chart) blocks.push(chart);
  blocks.push({
    type: 'table',
    id: tableId,
    caption: `Retention by territory (tier), ${current} against ${base}: accounts and revenue at the start, revenue now, revenue lost`,
    columns: [
      { key: 'territory', label: 'Territory', type: 'text' },
      { key: 'accounts', label: 'Accounts', type: 'number' },
      { key: 'base', label: base, type: 'money', currency },
      { key: 'current', label: current, type: 'money', currency },
      { key: 'lost', label: 'Lost', type: 'money', currency },
      { key: 'logo', label: 'Logo', type: 'percent' },
      { key: 'gross', label: 'Gross', type: 'percent' },
      { key: 'net', label: 'Net', type: 'percent' },
    ],
    rows: retention.groups.map((g) => row(g.group, g.retention)),
    footer: [row('all', retention.total.retention)],
    emptyText: 'No revenue in either period.',
  });
  const losses = retention.groups.flatMap((g) =>
    g.losses.byCause.map(
      (cause) =>
        `${territoryName(g.group)}: ${cause.accounts} ${cause.accounts === 1 ? 'account' : 'accounts'} lost to ${humanLabel(cause.cause, true)} (${cause.category}), ${money(cause.revenue.amountMinor)} of revenue.`,
    ),
  );
  if (losses.length > 0) {
    blocks.push({ type: 'heading', text: 'Losses by reason' }, { type: 'list', items: losses });
  }
  const empty = retention.groups.filter((g) => g.retention.emptyBase);
  if (empty.length > 0) {
    blocks.push({
      type: 'paragraph',
      text: `No revenue in ${base} to retain in ${empty.map((g) => territoryName(g.group)).join(', ')}: no rate is shown there.`,
    });
  }
  return blocks;
}
