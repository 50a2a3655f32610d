// Renders the picture of docs/history.md: what changed since the seed scenario's March review,
// the ledger as it stood then, and a what-if, as a report document drawn by the HTML renderer
// and photographed by headless Chromium. `pnpm docs:history-picture`; needs /usr/bin/chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AccountChange,
  createDomainEventRegistry,
  hypotheticalAccountLoss,
  readAsOf,
  readChangesSinceReview,
  readModelsProjection,
  readProjection,
  whatIf,
} from '@account-planning/core';
import { type ReportDocument, renderHtml } from '@account-planning/reporting';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { buildSeedScenario } from '@account-planning/testing';

const asOf = '2026-04-15';
const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
const s = await buildSeedScenario(store);
const { state: models } = await readProjection(store, readModelsProjection);
const since = await readChangesSinceReview(store, { reviewId: s.reviews.march, asOf });
const concluded = models.calendar.positions[s.reviews.march]!.concluded!;
const atMarch = (await readAsOf(store, readModelsProjection, { position: concluded })).state;
const names = Object.fromEntries(
  Object.values(models.book.accounts).map((a) => [a.accountId!, a.name!]),
);
const opportunityNames = Object.fromEntries(
  Object.values(models.book.accounts).flatMap((a) =>
    Object.values(a.opportunities).map((o) => [o.opportunityId, o.name]),
  ),
);
const actionTitles = Object.fromEntries(
  Object.values(models.ledger.commitments).map((c) => [c.actionId, c.title]),
);

function describe(change: AccountChange): string {
  switch (change.kind) {
    case 'opportunity_created':
      return `${change.opportunity.name} identified (${change.opportunity.kind.replace('_', '-')})`;
    case 'opportunity_moved':
      return `${opportunityNames[change.opportunityId]}: ${change.from} to ${change.to}`;
    case 'revenue_recorded':
      return `Revenue recorded for ${change.period}, ${change.productLine}`;
    case 'satisfaction_recorded':
      return `Satisfaction ${change.from ?? 'unmeasured'} to ${change.to}`;
    case 'action_done':
      return `${actionTitles[change.actionId]}: done${change.onTime ? '' : ' late'}`;
    default:
      return change.kind.replaceAll('_', ' ');
  }
}

const eur = { type: 'money', currency: 'EUR' } as const;
const accountSections = [s.accounts.acmeGroup, s.accounts.globex].map((accountId) => {
  const a = since.accounts[accountId]!;
  return {
    id: `changes-${accountId.toLowerCase()}`,
    title: names[accountId]!,
    blocks: [
      {
        type: 'keyFigures' as const,
        figures: [
          {
            label: 'Revenue recorded since',
            value: a.summary.revenue.changeMinor,
            format: eur,
          },
          {
            label: 'Health score',
            value: a.health.after ?? 0,
            format: { type: 'number' as const },
            ...(a.health.change === null || a.health.change === 0
              ? {}
              : {
                  trend: {
                    direction: a.health.change > 0 ? ('up' as const) : ('down' as const),
                    sentiment: a.health.change > 0 ? ('positive' as const) : ('negative' as const),
                    text: `${a.health.change > 0 ? '+' : ''}${a.health.change} since the review`,
                  },
                }),
          },
        ],
      },
      {
        type: 'table' as const,
        caption: 'What changed, in the order it happened',
        columns: [
          { key: 'date', label: 'Date', type: 'date' as const },
          { key: 'change', label: 'Change', type: 'text' as const },
          { key: 'amount', label: 'Amount', ...eur },
        ],
        rows: a.changes.map((c) => ({
          date: c.source.at?.slice(0, 10) ?? null,
          change: describe(c),
          amount:
            c.kind === 'revenue_recorded'
              ? c.amountMinor
              : c.kind === 'opportunity_created'
                ? c.opportunity.valueMinor
                : null,
        })),
      },
      {
        type: 'table' as const,
        caption: 'Account health, factor by factor',
        columns: [
          { key: 'factor', label: 'Factor', type: 'text' as const },
          { key: 'before', label: 'At the review', type: 'number' as const },
          { key: 'after', label: 'Now', type: 'number' as const },
          { key: 'movedBy', label: 'Moved by', type: 'text' as const },
        ],
        rows: a.health.factors
          .filter((f) => f.change !== 0)
          .map((f) => ({
            factor: f.factor,
            before: f.before,
            after: f.after,
            movedBy:
              f.movedBy.length === 0
                ? 'time passing'
                : [...new Set(f.movedBy.map((r) => r.eventType))].join(', '),
          })),
      },
    ],
  };
});

const lose = whatIf(
  models,
  [hypotheticalAccountLoss(s.accounts.globex, { at: `${asOf}T09:00:00.000Z` })],
  { asOf, currency: 'EUR', churnRate: 0.1 },
);
const planLines = (label: string, plan: typeof lose.base.revenuePlan) => [
  { branch: label, line: 'Existing revenue', value: plan.existingRevenue.amountMinor },
  { branch: label, line: 'Planned revenue', value: plan.plannedRevenue.amountMinor },
];

const doc: ReportDocument = {
  schemaVersion: 1,
  title: 'Acme and Globex since the March review',
  subtitle: 'History read from the record: as of, what changed, what if',
  generatedAt: `${asOf}T09:00:00.000Z`,
  locale: 'en-GB',
  metadata: [
    { label: 'Rep', value: 'Ana (rep-ana)' },
    { label: 'Last review', value: '16 March 2026, monthly' },
  ],
  sections: [
    {
      id: 'what-changed',
      title: 'What has changed since our last review?',
      blocks: [],
      subsections: accountSections,
    },
    {
      id: 'as-of',
      title: 'Commitments as they stood at the review, and now',
      blocks: [
        {
          type: 'table',
          caption: 'Commitments from the February review',
          columns: [
            { key: 'title', label: 'Commitment', type: 'text' },
            { key: 'atReview', label: 'At the March review', type: 'text' },
            { key: 'now', label: 'Now', type: 'text' },
          ],
          rows: [s.actions.qbrDeck, s.actions.globexDiscount].map((id) => ({
            title: actionTitles[id]!,
            atReview: atMarch.ledger.commitments[id]!.status,
            now: models.ledger.commitments[id]!.status,
          })),
        },
      ],
    },
    {
      id: 'what-if',
      title: 'What if Globex is lost?',
      blocks: [
        {
          type: 'keyFigures',
          figures: [
            {
              label: 'Planned revenue, next twelve months',
              value: lose.branch.revenuePlan.plannedRevenue.amountMinor,
              format: eur,
              trend: {
                direction: 'down',
                sentiment: 'negative',
                text: `was ${(lose.base.revenuePlan.plannedRevenue.amountMinor / 100).toLocaleString('en-GB')} EUR`,
              },
            },
            {
              label: 'Net revenue retention',
              value: lose.branch.retention.netRevenueRetention,
              format: { type: 'percent', fractionDigits: 1 },
            },
            {
              label: 'Largest product line',
              value: lose.branch.concentration.largest?.share ?? 0,
              format: { type: 'percent', fractionDigits: 1 },
              note: `${lose.branch.concentration.largest?.productLine}: too reliant`,
            },
          ],
        },
        {
          type: 'chart',
          kind: 'bar',
          caption: 'Revenue plan, as it is and without Globex',
          alt: 'Losing Globex lowers planned revenue from 77,300 to 55,200 EUR.',
          x: { field: 'line', label: 'Plan line' },
          y: { field: 'value', label: 'EUR', format: eur },
          series: { field: 'branch', label: 'Branch' },
          data: [
            ...planLines('As it is', lose.base.revenuePlan),
            ...planLines('Without Globex', lose.branch.revenuePlan),
          ],
        },
      ],
    },
  ],
};

const dir = mkdtempSync(join(tmpdir(), 'history-picture-'));
const html = join(dir, 'history.html');
writeFileSync(html, await renderHtml(doc));
const picture = join(
  import.meta.dirname,
  '..',
  'docs',
  'images',
  'history-changes-since-review.png',
);
execFileSync('/usr/bin/chromium', [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--hide-scrollbars',
  '--window-size=960,2180',
  `--screenshot=${picture}`,
  `file://${html}`,
]);
console.log(`wrote ${picture}`);
