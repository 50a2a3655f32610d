import {
  createDomainEventRegistry,
  readAsOf,
  readModelsProjection,
  readProjection,
} from '@account-planning/core';
import { createMemoryEventStore, type MemoryEventStore } from '@account-planning/store-memory';
import { buildSeedScenario, type SeedScenario } from '@account-planning/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildReviewPack,
  type ChecklistBlock,
  type KeyFiguresBlock,
  parseReportDocument,
  type ReportBlock,
  type ReportDocument,
  type ReportSection,
  readReviewPackInput,
  renderCsvFiles,
  renderMarkdown,
  type TableBlock,
} from '../../index.js';

// The seed scenario (packages/testing/src/scenarios/seedScenario.ts): Ana's book of five
// accounts, her February and March reviews. The pack is read as of 2026-04-15, a month after
// the March review, with no April review booked yet. Every number below is worked by hand from
// the scenario's events; amounts are euro cents (10,000 EUR is 1_000_000).

let store: MemoryEventStore;
let s: SeedScenario;
let pack: ReportDocument;
const names = { 'rep-ana': 'Ana Lima', 'mgr-sam': 'Sam Okafor' };

beforeAll(async () => {
  store = createMemoryEventStore({ registry: createDomainEventRegistry() });
  s = await buildSeedScenario(store);
  const input = await readReviewPackInput(store, {
    repId: s.rep,
    asOf: '2026-04-15',
    generatedAt: '2026-04-15T08:00:00Z',
    options: { names, assignedTiers: s.tiers },
  });
  pack = buildReviewPack(input);
});

const section = (doc: ReportDocument, id: string): ReportSection =>
  doc.sections.find((x) => x.id === id)!;
const blocksOf = <T extends ReportBlock['type']>(blocks: readonly ReportBlock[], type: T) =>
  blocks.filter((b): b is Extract<ReportBlock, { type: T }> => b.type === type);
const figures = (blocks: readonly ReportBlock[]) =>
  Object.fromEntries(
    (blocks.find((b) => b.type === 'keyFigures') as KeyFiguresBlock).figures.map((f) => [
      f.label,
      f,
    ]),
  );

describe('the monthly review pack of the seed scenario', () => {
  it('is a valid report document, in the order of a monthly review', () => {
    expect(parseReportDocument(JSON.parse(JSON.stringify(pack)))).toEqual(pack);
    expect(pack.title).toBe('Monthly account review: Ana Lima');
    expect(pack.sections.map((x) => x.title)).toEqual([
      'At a glance',
      'Agenda',
      "Last review's actions",
      'Accounts',
      'Prospects and expansion opportunities',
      'The five questions',
      'New actions',
    ]);
    expect(pack.metadata).toContainEqual({ label: 'Last review', value: '16 Mar 2026' });
  });

  it('sums the twelve months to March 2026 and the open pipeline at a glance', () => {
    const glance = figures(section(pack, 'at-a-glance').blocks);
    // Acme Group 30,000 + 15,000; Globex 15,000 + 4,000; Acme Berlin 8,000; Initech (lost in
    // February, but its revenue was earned) 9,000. The twelve months before: 2025-Q1 only,
    // Acme Group 10,000 + Globex 5,000 + Initech 3,000 = 18,000: +350%.
    expect(glance['Revenue, last 12 months']).toMatchObject({
      value: 8_100_000,
      trend: { direction: 'up', text: '+350% on the 12 months before' },
    });
    // Open: Analytics 30,000 x 25% + up-sell 10,000 x 50% + renewal 20,000 x 60% = 24,500.
    expect(glance['Open pipeline']).toMatchObject({
      value: 6_000_000,
      note: '3 opportunities, €24,500.00 weighted',
    });
    expect(glance['Accounts at risk']).toMatchObject({ value: 1, note: 'Acme Berlin' });
    expect(glance['Actions overdue']).toMatchObject({ value: 1, note: 'of 1 open' });
    // Licences 42,000 + 8,000 + 9,000 = 59,000 of 81,000: 72.8%, an HHI of about 6,040.
    expect(blocksOf(section(pack, 'at-a-glance').blocks, 'paragraph')[0]?.text).toBe(
      "Licences is 73% of the last twelve months' revenue: too reliant on one product. Seed 001: coach selling the whole portfolio.",
    );
  });

  it("starts with the March review's action and the February one closed since", () => {
    const [checklist] = blocksOf(section(pack, 'last-review-actions').blocks, 'checklist');
    expect(checklist!.items).toEqual([
      // Due 2026-03-31, open on 2026-04-15: 15 days overdue.
      {
        text: 'Map the Acme Berlin buying centre (Acme Berlin)',
        done: false,
        detail: 'Ana Lima · due 31 Mar 2026 · 15 days overdue',
      },
      // Due 02-20, slipped to 03-06, reported open at the March review, done on 03-18.
      {
        text: 'Approve the Globex discount (Globex)',
        done: true,
        detail:
          'Sam Okafor · due 6 Mar 2026 · done 18 Mar 2026, late · slipped 14 days · carried over 1×',
      },
    ]);
  });

  it('summarises each account, largest first and the prospect last, leaving out Initech', () => {
    const accounts = section(pack, 'accounts').subsections!;
    expect(accounts.map((a) => a.title)).toEqual([
      'Acme Group',
      'Globex',
      'Acme Berlin',
      'Umbrella',
    ]);
    // Health as of 2026-04-15 (default rule, points out of 100):
    // Acme Group: satisfaction 6/10 x 25 = 15, its fall from 8 (-2 on -3..3) 1.67, key
    // contacts at target 0, executive sponsor 10, no competitor's champion 10, revenue +350%
    // (capped at +30%) 15, no overdue action 8, nothing stalled 7: 66.67, so 67. At the March
    // review: satisfaction 8 gave 20, its trend (one measurement) 5, revenue (no revenue
    // wholly in the twelve months before) 7.5: 67.5, so 68. Health 68 -> 67.
    const acme = figures(accounts[0]!.blocks);
    expect(acme.Status).toMatchObject({ value: 'Active', note: 'tier A · North' });
    expect(acme['Revenue, last 12 months']).toMatchObject({ value: 4_500_000 });
    expect(acme.Health).toMatchObject({ value: 67, trend: { text: '−1 since last review' } });
    expect(acme['Open pipeline']).toMatchObject({ value: 5_000_000, note: '2 opportunities' });
    // Globex: satisfaction never measured 12.5 and 5, no sponsor 0, revenue +280% 15, the
    // up-sell's close passed (one stalled) 3.5: 54. Acme Berlin: revenue with none before 7.5,
    // one overdue action 4.8: 46.8, so 47.
    expect(figures(accounts[1]!.blocks).Health).toMatchObject({ value: 54 });
    expect(figures(accounts[2]!.blocks).Health).toMatchObject({ value: 47 });
    expect(figures(accounts[2]!.blocks).Status).toMatchObject({
      note: 'tier B · North · branch of Acme Group',
    });
    // A prospect has no health score.
    expect(figures(accounts[3]!.blocks).Health).toBeUndefined();
  });

  it('tells what changed at Acme Group since the March review, and why its health moved', () => {
    const acme = section(pack, 'accounts').subsections![0]!;
    const [flags, changed] = blocksOf(acme.blocks, 'list');
    expect(flags!.items).toEqual([
      'Satisfaction fell by 2 points or more since the last measurement.',
      'Fewer than half of the key contacts are at their target relationship.',
    ]);
    expect(changed!.items).toEqual([
      'Support renewal moved from proposed to negotiating (50% → 60%).',
      'New opportunity: Analytics cross-sell (cross-sell, €30,000.00, qualified, 25%, closing 30 Sept 2026).',
      'Revenue recorded for 2026-Q1: €15,000.00 (Licences €12,000.00, Services €3,000.00).',
      'Satisfaction 8 → 6 of 10 (8 Apr 2026).',
      'Health 68 → 67 (−1): revenue trend +7, satisfaction −5, satisfaction trend −3.',
    ]);
    const [trend] = blocksOf(acme.blocks, 'chart');
    expect(trend).toMatchObject({ kind: 'line', size: 'compact', x: { format: 'quarter' } });
    expect(trend!.data).toEqual([
      { period: '2025-Q1', revenue: 1_000_000 },
      { period: '2025-Q2', revenue: 1_000_000 },
      { period: '2025-Q3', revenue: 1_000_000 },
      { period: '2025-Q4', revenue: 1_000_000 },
      { period: '2026-Q1', revenue: 1_500_000 },
    ]);
  });

  it('ranks every open opportunity by score, with why', () => {
    // Default opportunity rule as of 2026-04-15:
    // Globex up-sell: value 10,000 (log scale) 6.67, probability 50% 12.5, tier A 15, no
    //   sponsor 0, close passed 10, up-sell 12, satisfaction unknown 4: 60.17, so 60.
    // Acme renewal: value 20,000 8.67, 60% 15, tier 15, sponsor one level below target 7.5,
    //   45 days to close 8, renewal 0, satisfaction 6 4.8: 58.97, so 59 (56 at the March
    //   review: 50% 12.5, 75 days 6, satisfaction 8 6.4; +3).
    // Acme analytics: value 30,000 9.85, 25% 6.25, tier 15, no sponsor 0, 168 days 3,
    //   cross-sell 12, satisfaction 4.8: 50.9, so 51.
    const [expansion, renewals] = blocksOf(
      section(pack, 'prospects-and-expansion').blocks,
      'table',
    ).slice(1);
    const rows = (table: TableBlock) => table.rows.map((r) => [r.rank, r.name, r.score, r.why]);
    expect(rows(expansion!)).toEqual([
      [
        1,
        'Globex: Services up-sell',
        60,
        'Strong: account tier 15 of 15, kind 12 of 12, timing 10 of 10. Weak: sponsor relationship 0 of 10. Close date passed.',
      ],
      [
        3,
        'Acme Group: Analytics cross-sell',
        51,
        'Strong: account tier 15 of 15, kind 12 of 12. Weak: probability 6 of 25, sponsor relationship 0 of 10.',
      ],
    ]);
    expect(rows(renewals!)).toEqual([
      [
        2,
        'Acme Group: Support renewal',
        59,
        'Strong: account tier 15 of 15, timing 8 of 10. Weak: kind 0 of 12. +3 since the last review.',
      ],
    ]);
    const [prospects] = blocksOf(section(pack, 'prospects-and-expansion').blocks, 'table');
    expect(prospects!.rows).toEqual([]);
    const [breakdown] = blocksOf(section(pack, 'prospects-and-expansion').blocks, 'chart');
    expect(breakdown).toMatchObject({ kind: 'stackedHorizontalBar' });
    // Seven factors for each of the three opportunities, points adding up to each score.
    expect(breakdown!.data).toHaveLength(21);
  });

  it('leaves room to answer the five questions and to write new actions for both', () => {
    const questions = section(pack, 'five-questions').blocks;
    expect(blocksOf(questions, 'heading').map((h) => h.text)).toEqual([
      'Key accomplishments?',
      'Disappointments, concerns, problems?',
      'What will be accomplished next month?',
      'Suggestions to improve the effectiveness of the team or the business as a whole?',
      'What do you need from me?',
    ]);
    expect(blocksOf(questions, 'checklist').every((c) => c.blankStyle === 'lines')).toBe(true);
    const actions = section(pack, 'new-actions').blocks;
    expect(blocksOf(actions, 'heading').map((h) => h.text)).toEqual([
      'Ana Lima (rep)',
      'Sam Okafor (manager)',
    ]);
    expect(blocksOf(actions, 'checklist').map((c) => c.blankItems)).toEqual([4, 4]);
  });

  it('renders to Markdown and to a CSV file per ranked table', () => {
    expect(renderMarkdown(pack)).toContain("## Last review's actions");
    expect(renderCsvFiles(pack).map((f) => f.fileName)).toContain('ranked-expansion.csv');
  });
});

describe('the review pack of the March review, read as it stood when it concluded', () => {
  it("holds the meeting's answer and new action, and counts changes from February's review", async () => {
    const all = (await readProjection(store, readModelsProjection)).state;
    const concluded = all.calendar.positions[s.reviews.march]!.concluded!;
    const { state: models } = await readAsOf(store, readModelsProjection, {
      position: concluded,
    });
    const input = await readReviewPackInput(store, {
      repId: s.rep,
      asOf: '2026-03-16',
      generatedAt: '2026-03-16T10:05:00Z',
      reviewId: s.reviews.march,
      models,
      options: { names, assignedTiers: s.tiers },
    });
    const minutes = buildReviewPack(input);
    expect(minutes.subtitle).toBe('Monthly review on 16 Mar 2026, 09:00 UTC with Sam Okafor');
    expect(blocksOf(section(minutes, 'agenda').blocks, 'list')[0]!.items).toEqual([
      "Last review's actions",
      'Accounts',
      'The five questions',
      'New actions',
    ]);
    // February's actions: the QBR deck done on time (02-25, due 02-27); the discount slipped.
    const [previous] = blocksOf(section(minutes, 'last-review-actions').blocks, 'checklist');
    expect(previous!.items.map((i) => [i.text, i.done, i.detail])).toEqual([
      [
        'Approve the Globex discount (Globex)',
        false,
        'Sam Okafor · due 6 Mar 2026 · 10 days overdue · slipped 14 days · carried over 1×',
      ],
      ['Send Acme the QBR deck (Acme Group)', true, 'Ana Lima · due 27 Feb 2026 · done on time'],
    ]);
    const answers = blocksOf(section(minutes, 'five-questions').blocks, 'paragraph');
    expect(answers.map((p) => p.text)).toEqual(['A pricing decision for Globex.']);
    const agreed = blocksOf(
      section(minutes, 'new-actions').blocks,
      'checklist',
    ) as ChecklistBlock[];
    expect(agreed[0]!.items).toEqual([
      {
        text: 'Map the Acme Berlin buying centre (Acme Berlin)',
        done: false,
        detail: 'due 31 Mar 2026',
      },
    ]);
    // Initech was lost on 02-12, before February's review concluded (02-16): not news in March.
    expect(section(minutes, 'accounts').blocks.some((b) => b.type === 'table')).toBe(false);
  });
});
