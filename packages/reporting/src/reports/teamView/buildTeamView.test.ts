import { createDomainEventRegistry, NotFoundError, ValidationError } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { buildTeamScenario, type TeamScenario } from '@account-planning/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildTeamView,
  type KeyFiguresBlock,
  parseReportDocument,
  type ReportBlock,
  type ReportDocument,
  type ReportSection,
  readTeamViewInput,
  renderCsvFiles,
  renderHtml,
  renderMarkdown,
  type TableBlock,
  type TeamViewInput,
} from '../../index.js';

// The team scenario (packages/testing/src/scenarios/teamScenario.ts): the seed scenario's Ana
// and her manager Sam, with Ben added to Sam's team (Hooli and Vandelay in the south) and Cleo
// in Kim's (Cyberdyne in the north). The view is read for Sam as of 2026-04-15. Every number
// below is worked by hand from the scenario's events; amounts are euro cents.

let s: TeamScenario;
let input: TeamViewInput;
let view: ReportDocument;
const names = { 'rep-ana': 'Ana Lima', 'rep-ben': 'Ben Carter', 'mgr-sam': 'Sam Okafor' };

beforeAll(async () => {
  const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
  s = await buildTeamScenario(store);
  // #region team-view
  input = await readTeamViewInput(store, {
    managerId: 'mgr-sam',
    asOf: '2026-04-15',
    generatedAt: '2026-04-15T08:00:00Z',
    options: { names, assignedTiers: s.tiers },
  });
  view = buildTeamView(input);
  // #endregion team-view
});

const section = (id: string): ReportSection => view.sections.find((x) => x.id === id)!;
const blocksOf = <T extends ReportBlock['type']>(blocks: readonly ReportBlock[], type: T) =>
  blocks.filter((b): b is Extract<ReportBlock, { type: T }> => b.type === type);
const table = (id: string): TableBlock =>
  view.sections.flatMap((x) => blocksOf(x.blocks, 'table')).find((t) => t.id === id)!;

describe("the team view of Sam's team in the team scenario", () => {
  it('covers Ana and Ben, not Cleo of Kim’s team, and is a valid report document', () => {
    expect(parseReportDocument(JSON.parse(JSON.stringify(view)))).toEqual(view);
    expect(view.title).toBe('Team view: Sam Okafor');
    expect(view.metadata).toContainEqual({ label: 'Reps', value: 'Ana Lima, Ben Carter' });
    expect(view.metadata).toContainEqual({ label: 'Retention', value: '2026-Q1 against 2025-Q4' });
    expect(view.sections.map((x) => x.title)).toEqual([
      'At a glance',
      'Retention by territory',
      'Pipeline stocking against goal',
      'Concentration per rep',
      'Plans overdue',
      'Reviews due and overdue',
      'Actions and the commitment ledger',
    ]);
    expect(JSON.stringify(view)).not.toContain('Cyberdyne');
  });

  it('sums the headline figures', () => {
    const glance = Object.fromEntries(
      (section('at-a-glance').blocks[0] as KeyFiguresBlock).figures.map((f) => [f.label, f]),
    );
    // Retention below: 31,000 of 30,000 net.
    expect(glance['Net revenue retention, 2026-Q1']!.value).toBeCloseTo(31 / 30, 12);
    expect(glance['Net revenue retention, 2026-Q1']!.note).toBe('gross 87%, 4 of 5 accounts kept');
    // Ana 60,000 + Ben 12,000 against 80,000 + 20,000.
    expect(glance['Open pipeline against goal']).toMatchObject({
      value: 7_200_000,
      note: '72% of €100,000.00',
      trend: { text: '€28,000.00 short' },
    });
    expect(glance['Top-tier accounts without a good plan']).toMatchObject({
      value: 2,
      note: 'of 3 in tier A',
    });
    expect(glance['Reviews overdue']).toMatchObject({ value: 2, note: '2 more due now' });
    expect(glance['Actions overdue']).toMatchObject({ value: 2, note: 'of 3 open' });
  });

  it("retains 2026-Q1 by territory, each account where it was on 1 January, Cleo's left out", () => {
    // north: Acme Group 10,000 -> 15,000, Acme Berlin 2,000 -> 2,000, Initech 3,000 -> lost.
    // south: Globex (moved north only in February) 5,000 -> 4,000, Hooli 10,000 -> 10,000.
    // Cyberdyne (Cleo's, north, 6,000 a quarter) is in neither.
    const retention = table('retention-by-territory');
    expect(retention.rows.map((r) => [r.territory, r.accounts, r.base, r.current, r.lost])).toEqual(
      [
        ['North (A)', 3, 1_500_000, 1_700_000, 300_000],
        ['South (B)', 2, 1_500_000, 1_400_000, 0],
      ],
    );
    const [north, south] = retention.rows;
    expect(north!.logo).toBeCloseTo(2 / 3, 12);
    expect(north!.gross).toBe(0.8);
    expect(north!.net).toBeCloseTo(17 / 15, 12);
    // Globex keeps 4,000 of 5,000, Hooli all 10,000: 14,000 of 15,000, gross and net.
    expect(south!.gross).toBeCloseTo(14 / 15, 12);
    expect(south!.net).toBeCloseTo(14 / 15, 12);
    expect(retention.footer![0]).toMatchObject({
      territory: 'Team',
      base: 3_000_000,
      current: 3_100_000,
    });
    expect(retention.footer![0]!.gross).toBeCloseTo(26 / 30, 12);
    const [chart] = blocksOf(section('retention').blocks, 'chart');
    expect(chart).toMatchObject({ kind: 'bar', y: { format: { type: 'percent' } } });
    expect(chart!.data).toHaveLength(6);
    expect(blocksOf(section('retention').blocks, 'list')[0]!.items).toEqual([
      'North: 1 account lost to competitor (controllable), €3,000.00 of revenue.',
    ]);
  });

  it("stocks each rep's pipeline against the goal of their 2026 sales plan", () => {
    // Ana: 30,000 + 10,000 + 20,000 open, 24,500 weighted, goal 80,000 and 5 opportunities.
    // Ben: Hooli's licence expansion 12,000 at 40%, goal 20,000 and 3 opportunities.
    expect(table('pipeline-stocking').rows).toEqual([
      {
        rep: 'Ana Lima',
        opportunities: 3,
        opportunityGoal: 5,
        open: 6_000_000,
        weighted: 2_450_000,
        goal: 8_000_000,
        coverage: 0.75,
        gap: 2_000_000,
      },
      {
        rep: 'Ben Carter',
        opportunities: 1,
        opportunityGoal: 3,
        open: 1_200_000,
        weighted: 480_000,
        goal: 2_000_000,
        coverage: 0.6,
        gap: 800_000,
      },
    ]);
    // 2026-Q1 against the year's target; against 2026-Q1 a year before: Ana 21,000 - 18,000,
    // Ben 10,000 - (Hooli 10,000 + Vandelay 2,000).
    expect(table('sales-plan-to-date').rows).toEqual([
      {
        rep: 'Ana Lima',
        target: 10_000_000,
        revenue: 2_100_000,
        attainment: 0.21,
        growth: 300_000,
      },
      {
        rep: 'Ben Carter',
        target: 4_800_000,
        revenue: 1_000_000,
        attainment: 1_000_000 / 4_800_000,
        growth: -200_000,
      },
    ]);
  });

  it('finds Ana too reliant on licences and Ben spread over three lines', () => {
    // Ben, 2025-04 to 2026-03: Hooli 4 x (Licences 4,000, Services 4,000, Support 2,000) and
    // Vandelay's 2025-Q2 Services 2,000: 16,000, 18,000, 8,000 of 42,000. HHI: 42.86^2 + 38.10^2
    // + 19.05^2 = 3,651.
    const rows = table('concentration-by-rep').rows;
    expect(rows).toEqual([
      {
        rep: 'Ana Lima',
        revenue: 8_100_000,
        lines: 2,
        largest: 'Licences',
        share: 59 / 81,
        hhi: 6_043,
        flag: 'Yes',
      },
      {
        rep: 'Ben Carter',
        revenue: 4_200_000,
        lines: 3,
        largest: 'Services',
        share: 18 / 42,
        hhi: 3_651,
        flag: 'No',
      },
    ]);
    const [chart] = blocksOf(section('concentration').blocks, 'chart');
    expect(chart).toMatchObject({ kind: 'stackedHorizontalBar' });
    expect(chart!.data.map((d) => [d.rep, d.line])).toEqual([
      ['Ana Lima', 'Licences'],
      ['Ana Lima', 'Services'],
      ['Ben Carter', 'Services'],
      ['Ben Carter', 'Licences'],
      ['Ben Carter', 'Support'],
    ]);
  });

  it('lists the top-tier accounts with no plan, and the reviews overdue and due', () => {
    expect(table('plans-overdue').rows.map((r) => [r.account, r.rep, r.gap])).toEqual([
      ['Globex', 'Ana Lima', 'No plan'],
      ['Hooli', 'Ben Carter', 'No plan'],
    ]);
    // Annual reviews: counted from each rep's first account (2 Jan 2025), due a year later,
    // overdue after a month's grace (1 Feb 2026): 73 days by 15 Apr. Strategic plan reviews of
    // the tier-A accounts with no plan: due, nothing to count from. Monthly reviews are
    // upcoming (Ana's from 16 Apr, Ben's from 23 Apr) and left out.
    expect(
      table('reviews-due').rows.map((r) => [r.review, r.rep, r.account, r.status, r.daysOverdue]),
    ).toEqual([
      ['Annual review', 'Ana Lima', null, 'Overdue', 73],
      ['Annual review', 'Ben Carter', null, 'Overdue', 73],
      ['Strategic plan review', 'Ana Lima', 'Globex', 'Due', null],
      ['Strategic plan review', 'Ben Carter', 'Hooli', 'Due', null],
    ]);
    // Cleo's review with Kim is booked, but she is not in Sam's team.
    expect(table('reviews-booked').rows).toEqual([]);
  });

  it("lists overdue actions and keeps the commitment ledger of the reps and Sam's own", () => {
    // Ana's Berlin buyers, due 03-31: 15 days. Ben's Hooli quote, due 04-03 slipped to 04-10: 5.
    expect(table('overdue-actions').rows).toEqual([
      {
        action: 'Map the Acme Berlin buying centre',
        owner: 'Ana Lima',
        account: 'Acme Berlin',
        dueOn: '2026-03-31',
        daysOverdue: 15,
        slipDays: 0,
      },
      {
        action: 'Send Hooli the licence quote',
        owner: 'Ben Carter',
        account: 'Hooli',
        dueOn: '2026-04-10',
        daysOverdue: 5,
        slipDays: 7,
      },
    ]);
    // Sam: the Globex discount (slipped 14 days, carried over once, done late) and the Hooli
    // call, due 04-30, not yet come due. Kept on time: Ana's QBR deck only, of 4 come due.
    const ledger = table('commitment-ledger');
    expect(
      ledger.rows.map((r) => [
        r.owner,
        r.role,
        r.total,
        r.open,
        r.overdue,
        r.done,
        r.kept,
        r.rate,
        r.slipDays,
        r.carryOvers,
      ]),
    ).toEqual([
      ['Ana Lima', 'Rep', 2, 1, 1, 1, 1, 0.5, 0, 0],
      ['Ben Carter', 'Rep', 1, 1, 1, 0, 0, 0, 7, 0],
      ['Sam Okafor', 'Manager', 2, 1, 0, 1, 0, 0, 14, 1],
    ]);
    expect(ledger.footer![0]).toMatchObject({
      owner: 'Team',
      total: 5,
      kept: 1,
      rate: 0.25,
      slipDays: 21,
    });
  });

  it('renders to Markdown, HTML with every chart, and a CSV file per table', async () => {
    expect(renderMarkdown(view)).toContain('## Retention by territory');
    const html = await renderHtml(view);
    expect(html.match(/<svg/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(renderCsvFiles(view).map((f) => f.fileName)).toEqual(
      expect.arrayContaining(['retention-by-territory.csv', 'commitment-ledger.csv']),
    );
  });

  it('refuses a manager with no team and a day that is not a date', () => {
    expect(() => buildTeamView({ ...input, managerId: 'mgr-nobody' })).toThrow(NotFoundError);
    expect(() => buildTeamView({ ...input, asOf: '2026-13-01' })).toThrow(ValidationError);
    expect(() =>
      buildTeamView({ ...input, options: { ...input.options, salesPeriod: '26' } }),
    ).toThrow(ValidationError);
  });
});
