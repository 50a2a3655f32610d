import {
  createDomainEventRegistry,
  NotFoundError,
  readModelsProjection,
  readProjection,
  ValidationError,
} from '@account-planning/core';
import { createMemoryEventStore, type MemoryEventStore } from '@account-planning/store-memory';
import {
  buildSeedScenario,
  extendSeedScenarioWithPlan,
  type SeedPlanScenario,
  type SeedScenario,
} from '@account-planning/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildPlanDocument,
  type KeyFiguresBlock,
  type OrgChartBlock,
  type PlanDocumentInput,
  parseReportDocument,
  type ReportBlock,
  type ReportDocument,
  type ReportSection,
  readPlanDocumentInput,
  renderCsvFiles,
  renderHtml,
  renderMarkdown,
  type TableBlock,
} from '../../index.js';

// The seed scenario (packages/testing/src/scenarios/seedScenario.ts) with Acme Group's plan
// written in full on top (seedPlanScenario.ts): version 2 approved and reviewed on 2026-04-13,
// version 3 (a new revenue plan) submitted on 2026-04-14; four more contacts, one forgotten on
// 2026-04-14; Initrode; the whitespace grid; a Training cross-sell. The document is read as of
// 2026-04-15. Every number below is worked by hand; amounts are euro cents (€10,000 is 1_000_000).

let store: MemoryEventStore;
let s: SeedScenario;
let p: SeedPlanScenario;
let input: PlanDocumentInput;
let doc: ReportDocument;
const names = { 'rep-ana': 'Ana Lima', 'mgr-sam': 'Sam Okafor' };

beforeAll(async () => {
  store = createMemoryEventStore({ registry: createDomainEventRegistry() });
  s = await buildSeedScenario(store);
  p = await extendSeedScenarioWithPlan(store, s);
  // #region plan-document
  input = await readPlanDocumentInput(store, {
    accountId: s.accounts.acmeGroup, // the plan that counts for the account, unless planId names one
    asOf: '2026-04-15',
    generatedAt: '2026-04-15T08:00:00Z',
    options: { names, assignedTiers: s.tiers },
  });
  doc = buildPlanDocument(input);
  // #endregion plan-document
});

const section = (id: string): ReportSection => doc.sections.find((x) => x.id === id)!;
const blocksOf = <T extends ReportBlock['type']>(blocks: readonly ReportBlock[], type: T) =>
  blocks.filter((b): b is Extract<ReportBlock, { type: T }> => b.type === type);
const figures = (blocks: readonly ReportBlock[]) =>
  Object.fromEntries(
    (blocks.find((b) => b.type === 'keyFigures') as KeyFiguresBlock).figures.map((f) => [
      f.label,
      f,
    ]),
  );
const table = (sectionId: string, id: string): TableBlock =>
  blocksOf(section(sectionId).blocks, 'table').find((t) => t.id === id)!;

describe('the strategic account plan document of Acme Group', () => {
  it('is a valid report document: status, goals, then the nine sections of seed 002', () => {
    expect(parseReportDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(doc.title).toBe('Strategic account plan: Acme Group, 2026');
    expect(doc.subtitle).toBe(
      'Version 3, submitted for approval 14 Apr 2026; version 2, approved 13 Apr 2026, is in force',
    );
    expect(doc.sections.map((x) => x.title)).toEqual([
      'Plan status',
      'Goals',
      'Account overview',
      'Industry overview',
      'Relationship overview',
      'Competitive strategy',
      'Opportunity analysis',
      'Past performance',
      'Team alignment',
      'Financial/revenue plan',
      'Next steps',
    ]);
    expect(doc.metadata).toContainEqual({
      label: 'Last reviewed',
      value: '13 Apr 2026 (strategic review)',
    });
  });

  it('tells where the plan stands: submitted, complete, reviewed, and what was written since', () => {
    const status = figures(section('plan-status').blocks);
    expect(status.Status).toMatchObject({
      value: 'Submitted',
      note: 'version 3; version 2 in force',
    });
    expect(status['Sections written']).toMatchObject({ value: 1, note: '9 of 9, 1 goal' });
    // The default cadence: a strategic review every six months, a check every quarter, both
    // counted from the strategic review of 2026-04-13.
    expect(status['Next strategic review']).toMatchObject({ value: '2026-10-13' });
    expect(status['Next check']).toMatchObject({ value: '2026-07-13', note: 'not yet due' });
    expect(blocksOf(section('plan-status').blocks, 'paragraph')[0]!.text).toBe(
      'Written since the last review (13 Apr 2026): Financial/revenue plan. Every section is written.',
    );
    const rows = table('plan-status', 'plan-sections').rows;
    // The industry overview was carried from version 1 (written 2026-01-12), never rewritten.
    expect(rows[1]).toEqual({
      section: 'Industry overview',
      written: '2026-01-12',
      state: 'Not touched',
    });
    expect(rows[7]).toEqual({
      section: 'Financial/revenue plan',
      written: '2026-04-14',
      state: 'Written',
    });
  });

  it("shows the account's figures from the record beside the plan's overview", () => {
    const overview = figures(section('account-overview').blocks);
    // April 2025 to March 2026: Licences 10,000 x 3 + 12,000, Services 3,000 = 45,000; the
    // twelve months before hold 2025-Q1 only, 10,000: +350%.
    expect(overview['Revenue, last 12 months']).toMatchObject({
      value: 4_500_000,
      trend: { text: '+350% on the 12 months before' },
    });
    expect(overview.Satisfaction).toMatchObject({ value: 6 });
    // The review pack's 66.67 for Acme Group (seed scenario), less 5 for one competitor's
    // champion (Lars: 0.5 of 10 points). Key contacts (Dana, Marta, Priya, Lars; the forgotten
    // one not counted) are none at their target: still 0. 61.67, so 62.
    expect(overview.Health).toMatchObject({ value: 62, note: '3 warnings' });
    // Renewal 20,000 + Analytics 30,000 + Training 8,000.
    expect(overview['Open pipeline']).toMatchObject({
      value: 5_800_000,
      note: '3 opportunities',
    });
  });

  it('maps the relationships: reports-to, stance, and the forgotten contact as such', () => {
    const [map] = blocksOf(section('relationship-overview').blocks, 'orgChart') as OrgChartBlock[];
    const byName = Object.fromEntries(map!.people.map((person) => [person.name, person]));
    expect(Object.keys(byName)).toEqual([
      'Dana Whitfield',
      'Marta Keller',
      'Priya Nair',
      'Lars Becker',
      'Forgotten contact',
    ]);
    expect(byName['Marta Keller']).not.toHaveProperty('reportsTo');
    expect(byName['Dana Whitfield']!.reportsTo).toBe(byName['Marta Keller']!.id);
    expect(byName['Priya Nair']).toMatchObject({
      reportsTo: byName['Dana Whitfield']!.id,
      stance: 'advocate',
      tags: ['Champion', 'Key contact'],
    });
    expect(byName['Lars Becker']!.stance).toBe('skeptic');
    expect(byName['Forgotten contact']).toEqual({
      id: byName['Forgotten contact']!.id,
      name: 'Forgotten contact',
      reportsTo: byName['Lars Becker']!.id,
      stance: 'neutral',
      tags: ['Influencer'],
      note: 'Personal data removed 14 Apr 2026.',
    });
    const rows = table('relationship-overview', 'relationships').rows;
    // Key contacts first, in the order added; then the others.
    expect(rows.map((r) => [r.contact, r.today, r.target, r.gap])).toEqual([
      ['Dana Whitfield', 'Problem solver', 'Trusted advisor', 1],
      ['Marta Keller', 'Vendor', 'Credible source', 1],
      ['Priya Nair', 'Credible source', 'Problem solver', 1],
      ['Lars Becker', 'Not yet established', 'Credible source', 2],
      ['Forgotten contact', 'Vendor', 'Credible source', 1],
    ]);
  });

  it('carries no personal data of the forgotten contact, in any rendering', async () => {
    const rendered = [
      JSON.stringify(doc),
      renderMarkdown(doc),
      await renderHtml(doc),
      renderCsvFiles(doc)
        .map((file) => file.csv)
        .join('\n'),
    ];
    for (const text of rendered) {
      expect(text).not.toContain('Tom Reed');
      expect(text).not.toContain('Operations manager');
      expect(text).not.toContain('tom.reed');
      expect(text).not.toContain(p.contacts.tom);
    }
    // The other contacts are named, so the check above would have seen the name.
    expect(rendered.every((text) => text.includes('Lars Becker'))).toBe(true);
  });

  it('lists the competitors with our strategy', () => {
    expect(table('competitive-strategy', 'competitors').rows).toEqual([
      {
        competitor: 'Initrode',
        theirGoals: 'Replace our support contract at the renewal.',
        theirMessages: 'Cheaper per seat',
        ourStrategy: 'Sell the outcome: downtime avoided, in euros.',
        ourMessages: '€12,000 of downtime avoided in the last six months',
      },
    ]);
  });

  it('ranks the open opportunities by score with why, and draws the whitespace grid', () => {
    // Default opportunity rule as of 2026-04-15. Renewal 59 and Analytics 51 as in the review
    // pack. Training: value 8,000 (log scale, 0.301 of 20) 6.02, probability 10% 2.5, tier A 15,
    // sponsor Priya one level below target 7.5, close in 229 days 1, cross-sell 12,
    // satisfaction 6 4.8: 48.82, so 49.
    const rows = table('opportunity-analysis', 'ranked-opportunities').rows;
    expect(rows.map((r) => [r.rank, r.opportunity, r.score])).toEqual([
      [1, 'Support renewal', 59],
      [2, 'Analytics cross-sell', 51],
      [3, 'Training cross-sell', 49],
    ]);
    expect(rows[2]!.why).toBe(
      'Strong: account tier 15 of 15, kind 12 of 12. Weak: probability 3 of 25, timing 1 of 10.',
    );
    // The plan's own order of its top three, with their sponsors.
    expect(
      table('opportunity-analysis', 'plan-top-opportunities').rows.map((r) => [
        r.opportunity,
        r.score,
        r.sponsor,
      ]),
    ).toEqual([
      ['Analytics cross-sell', 51, 'Dana Whitfield'],
      ['Support renewal', 59, 'Dana Whitfield'],
      ['Training cross-sell', 49, 'Priya Nair'],
    ]);
    const [breakdown] = blocksOf(section('opportunity-analysis').blocks, 'chart');
    expect(breakdown).toMatchObject({ kind: 'stackedHorizontalBar' });
    expect(breakdown!.data).toHaveLength(21);

    const [grid] = blocksOf(section('opportunity-analysis').blocks, 'heatMap');
    expect(grid!.columns.map((c) => c.label)).toEqual([
      'Analytics',
      'Licences',
      'Services',
      'Training',
    ]);
    // Revenue in the last twelve months makes a cell "buying"; the rest is as assessed.
    expect(grid!.rows).toEqual([
      {
        label: 'Acme Group',
        cells: {
          'offering-1': 'in_pipeline',
          'offering-2': 'buying',
          'offering-3': 'buying',
          'offering-4': 'potential',
        },
      },
      {
        label: 'Acme Berlin',
        cells: {
          'offering-1': 'no_potential',
          'offering-2': 'buying',
          'offering-3': 'potential',
          'offering-4': null,
        },
      },
      {
        label: 'Logistics (division)',
        cells: {
          'offering-1': null,
          'offering-2': 'potential',
          'offering-3': null,
          'offering-4': null,
        },
      },
    ]);
    // 30,000 + 8,000 + 5,000 + 12,000.
    expect(table('opportunity-analysis', 'whitespace-potential').footer).toEqual([
      { unit: 'Total', potential: 5_500_000 },
    ]);
  });

  it('adds up the value delivered, in money', () => {
    expect(figures(section('past-performance').blocks)['Value delivered, last six months']).toEqual(
      {
        label: 'Value delivered, last six months',
        value: 1_850_000,
        format: { type: 'money', currency: 'EUR' },
        note: '€12,000.00 of it known to the customer',
      },
    );
  });

  it('plans twelve months of revenue with the risk, against the version reviewed and the record', () => {
    const plan = figures(section('revenue-plan').blocks);
    // 3 x 5,000 + 3 x 5,500 + 6 x 6,500 = 70,500; version 2, in force at the review, planned
    // 12 x 5,500 = 66,000: +4,500.
    expect(plan['Expected, next 12 months']).toMatchObject({
      value: 7_050_000,
      trend: { direction: 'up', text: '+€4,500.00 on version 2, reviewed 13 Apr 2026' },
    });
    // 20,000 + 10,000 + 6,000 = 36,000, 51% of 70,500.
    expect(plan['Revenue at risk']).toMatchObject({
      value: 3_600_000,
      note: '51% of the expected, if all 3 risks happen',
    });
    // Seed 003 from the record: 45,000 existing, no churn measurable (the book has no revenue
    // before 2025), Analytics 30,000 x 25% + Training 8,000 x 10% = 8,300: 53,300.
    expect(plan['Revenue plan from the record']).toMatchObject({ value: 5_330_000 });
    const [monthly, bridge] = blocksOf(section('revenue-plan').blocks, 'chart');
    expect(monthly).toMatchObject({ kind: 'bar', x: { format: 'month' } });
    expect(monthly!.data[0]).toEqual({ month: '2026-04', expected: 500_000 });
    expect(monthly!.data).toHaveLength(12);
    expect(bridge!.data.map((d) => d.amount)).toEqual([4_500_000, 0, 830_000, 0, 5_330_000]);
    expect(table('revenue-plan', 'revenue-risks').rows[0]).toEqual({
      risk: 'The support renewal goes to Initrode',
      likelihood: 'Medium',
      exposure: 2_000_000,
    });
    // The renewal, 20,000 x 60%, is not counted: it is already in the existing revenue.
    expect(blocksOf(section('revenue-plan').blocks, 'paragraph').at(-1)!.text).toBe(
      "Expected churn: none, since no year from 2023 to 2025 can be measured (Ana Lima's book had no revenue the year before it). Not counted: €12,000.00 of weighted renewals and new business, the one already in the existing revenue, the other not from it.",
    );
  });

  it('lists the next steps with the status of the action items they opened', () => {
    const [steps] = blocksOf(section('next-steps').blocks, 'checklist');
    expect(steps!.items).toEqual([
      {
        text: 'Send the sponsor the value delivered, in euros',
        done: true,
        detail: 'Ana Lima (rep) · due 12 Apr 2026 · done on time',
      },
      {
        text: 'Propose the Analytics pilot to the IT director',
        done: false,
        detail: 'Ana Lima (rep) · due 30 Apr 2026 · open',
      },
      {
        text: 'Executive meeting with the chief executive',
        done: false,
        detail: 'Sam Okafor (manager) · due 15 May 2026 · open',
      },
    ]);
  });

  it('renders to Markdown, HTML and a CSV file per table', async () => {
    expect(renderMarkdown(doc)).toContain('## Financial/revenue plan');
    const html = await renderHtml(doc);
    expect(html).toContain('class="org-chart"');
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(4);
    expect(renderCsvFiles(doc).map((f) => f.fileName)).toEqual(
      expect.arrayContaining([
        'ranked-opportunities.csv',
        'revenue-risks.csv',
        'relationships.csv',
      ]),
    );
  });
});

describe('a plan document that cannot be made', () => {
  it('names the unknown account', async () => {
    const error = await readPlanDocumentInput(store, {
      accountId: '01UNKNWN000000000000000000',
      asOf: '2026-04-15',
      generatedAt: '2026-04-15T08:00:00Z',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'not_found', kind: 'account' });
    expect(() => buildPlanDocument({ ...input, accountId: '01UNKNWN000000000000000000' })).toThrow(
      NotFoundError,
    );
  });

  it('says that an account has no plan, or not the one named', async () => {
    const error = await readPlanDocumentInput(store, {
      accountId: s.accounts.globex,
      asOf: '2026-04-15',
      generatedAt: '2026-04-15T08:00:00Z',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not_found', kind: 'plan', id: s.accounts.globex });
    expect(() =>
      buildPlanDocument({ ...input, accountId: s.accounts.globex, planId: null }),
    ).toThrow(/has no plan/);
    // Acme Group's plan is not Acme Berlin's.
    expect(() =>
      buildPlanDocument({ ...input, accountId: s.accounts.acmeBerlin, planId: s.plan }),
    ).toThrow(NotFoundError);
  });

  it('rejects a day that is not one', () => {
    expect(() => buildPlanDocument({ ...input, asOf: '2026-13-40' })).toThrow(ValidationError);
  });
});

describe('the plan document as the seed scenario alone leaves it', () => {
  it('shows the one section written, says the others are not, and still shows the record', async () => {
    const seedOnly = createMemoryEventStore({ registry: createDomainEventRegistry() });
    const seed = await buildSeedScenario(seedOnly);
    const models = (await readProjection(seedOnly, readModelsProjection)).state;
    const early = buildPlanDocument({
      models,
      accountId: seed.accounts.acmeGroup,
      asOf: '2026-04-15',
      generatedAt: '2026-04-15T08:00:00Z',
      options: { names, assignedTiers: seed.tiers },
    });
    expect(parseReportDocument(JSON.parse(JSON.stringify(early)))).toEqual(early);
    expect(early.subtitle).toBe('Version 1, approved 20 Jan 2026');
    // Approved 2026-01-20, never reviewed: the quarterly check fell due on 2026-04-20.
    const status = early.sections.find((x) => x.id === 'plan-status')!;
    expect(figures(status.blocks)['Sections written']).toMatchObject({
      value: 1 / 9,
      note: '1 of 9, 0 goals',
    });
    const relationships = early.sections.find((x) => x.id === 'relationship-overview')!;
    expect(blocksOf(relationships.blocks, 'paragraph').map((b) => b.text)).toEqual([
      'Not written in this version of the plan.',
    ]);
    // The record still speaks: Dana alone on the map, and the record's revenue plan.
    expect(blocksOf(relationships.blocks, 'orgChart')[0]!.people).toHaveLength(1);
    const revenue = early.sections.find((x) => x.id === 'revenue-plan')!;
    // 45,000 + Analytics 30,000 x 25% = 52,500.
    expect(figures(revenue.blocks)['Revenue plan from the record']).toMatchObject({
      value: 5_250_000,
    });
  });
});
