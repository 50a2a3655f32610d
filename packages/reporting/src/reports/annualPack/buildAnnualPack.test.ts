import { createDomainEventRegistry, NotFoundError, ValidationError } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { buildTeamScenario } from '@account-planning/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AnnualPackInput,
  buildAnnualPack,
  type KeyFiguresBlock,
  parseReportDocument,
  type ReportBlock,
  type ReportDocument,
  readAnnualPackInput,
  renderCsvFiles,
  renderHtml,
  renderMarkdown,
  type TableBlock,
} from '../../index.js';

// The team scenario (packages/testing/src/scenarios/teamScenario.ts): Sam's team of Ana (the
// seed scenario's book, from 2025) and Ben (Hooli and Vandelay in the south, with their 2024
// history). The pack reviews 2025 and suggests goals for 2026. Every number below is worked by
// hand from the scenario's events; amounts are euro cents.

let input: AnnualPackInput;
let pack: ReportDocument;
const names = { 'rep-ana': 'Ana Lima', 'rep-ben': 'Ben Carter', 'mgr-sam': 'Sam Okafor' };

beforeAll(async () => {
  const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
  await buildTeamScenario(store);
  // #region annual-pack
  input = await readAnnualPackInput(store, {
    managerId: 'mgr-sam',
    year: 2025,
    generatedAt: '2026-01-12T08:00:00Z',
    options: { names },
  });
  pack = buildAnnualPack(input);
  // #endregion annual-pack
});

const blocks = (): ReportBlock[] =>
  pack.sections.flatMap((x) => [...x.blocks, ...(x.subsections ?? []).flatMap((y) => y.blocks)]);
const table = (id: string): TableBlock =>
  blocks().find((b): b is TableBlock => b.type === 'table' && b.id === id)!;

describe("the annual review pack of Sam's team for 2025", () => {
  it('is a valid report document reviewing 2025 for goals in 2026', () => {
    expect(parseReportDocument(JSON.parse(JSON.stringify(pack)))).toEqual(pack);
    expect(pack.title).toBe("Annual review 2025: Sam Okafor's team");
    expect(pack.sections.map((x) => x.title)).toEqual([
      'At a glance',
      '2025 against goals',
      'Revenue trend',
      'Retention in 2025',
      'Suggested goals for 2026',
    ]);
    expect(JSON.stringify(pack)).not.toContain('Cyberdyne');
  });

  it('puts 2025 against each sales-plan target and against 2024', () => {
    // Ana: Acme Group 40,000 + Acme Berlin 6,000 + Globex 20,000 + Initech 12,000 = 78,000
    // against 90,000, none in 2024. Ben: Hooli 4 x 10,000 + Vandelay 2 x 2,000 = 44,000 against
    // 42,000; 2024: 4 x 8,000 + 4 x 2,000 = 40,000, so +10%.
    const rows = table('against-goals').rows;
    expect(rows.map((r) => [r.rep, r.target, r.revenue, r.before])).toEqual([
      ['Ana Lima', 9_000_000, 7_800_000, 0],
      ['Ben Carter', 4_200_000, 4_400_000, 4_000_000],
    ]);
    expect(rows[0]!.attainment).toBeCloseTo(78 / 90, 12);
    expect(rows[0]!.growth).toBeNull();
    expect(rows[1]!.attainment).toBeCloseTo(44 / 42, 12);
    expect(rows[1]!.growth).toBeCloseTo(0.1, 12);
    expect(table('against-goals').footer![0]).toMatchObject({
      target: 13_200_000,
      revenue: 12_200_000,
    });
    const glance = Object.fromEntries(
      (pack.sections[0]!.blocks[0] as KeyFiguresBlock).figures.map((f) => [f.label, f]),
    );
    expect(glance['Of target']!.value).toBeCloseTo(122 / 132, 12);
    expect(glance['Revenue 2025']).toMatchObject({ trend: { text: '+205% on 2024' } });
  });

  it('draws the team revenue by quarter over 2024 and 2025', () => {
    const chart = blocks().find((b) => b.type === 'chart' && b.kind === 'stackedBar');
    const byQuarter: Record<string, number> = {};
    for (const d of (chart as Extract<ReportBlock, { type: 'chart' }>).data) {
      byQuarter[d.period as string] = (byQuarter[d.period as string] ?? 0) + (d.revenue as number);
    }
    // 2024: Ben's 10,000 a quarter. 2025-Q1: Ana 18,000 + Ben 12,000; Q2: Ana 20,000 (Berlin's
    // first quarter) + Ben 12,000; Q3 and Q4: Ana 20,000 + Hooli 10,000 (Vandelay lost).
    expect(byQuarter).toEqual({
      '2024-Q1': 1_000_000,
      '2024-Q2': 1_000_000,
      '2024-Q3': 1_000_000,
      '2024-Q4': 1_000_000,
      '2025-Q1': 3_000_000,
      '2025-Q2': 3_200_000,
      '2025-Q3': 3_000_000,
      '2025-Q4': 3_000_000,
    });
  });

  it('retains the south’s 2024 book and loses Vandelay on price', () => {
    // South: Hooli 32,000 -> 40,000, Vandelay 8,000 -> 4,000 (two quarters, then lost):
    // kept min(each) 36,000 of 40,000 gross, 44,000 net. North had no revenue in 2024.
    const rows = table('retention-by-territory').rows;
    expect(rows.map((r) => [r.territory, r.accounts, r.base, r.gross, r.net])).toEqual([
      ['North (A)', 0, 0, null, null],
      ['South (B)', 2, 4_000_000, 0.9, 1.1],
    ]);
    const losses = blocks().find((b) => b.type === 'list');
    expect(losses).toMatchObject({
      items: ['South: 1 account lost to price (controllable), €8,000.00 of revenue.'],
    });
  });

  it('suggests 2026 goals by tier and market factor, uniform for Ana as her 2026 plan says', () => {
    expect(
      table('territories').rows.map((r) => [r.territory, r.tier, r.multiplier, r.factor]),
    ).toEqual([
      ['North', 'A', 1.25, 0.9],
      ['South', 'B', 1, 1.1],
    ]);
    const [ana, ben] = table('suggested-goals').rows;
    // Ana (uniform): the team's growth weighted by revenue, (0 x 78,000 + 0.1 x 44,000) /
    // 122,000, times north's 0.9: about 3.2%; 78,000 x that = 2,531.80; no win in 2025, so a third:
    // three times as much pipeline.
    expect(ana).toMatchObject({ basis: 'Uniform', growthGoal: 253_180, pipelineGoal: 759_540 });
    expect(ana!.rate).toBeCloseTo((4_400 / 122_000) * 0.9, 12);
    // Ben (territory): 10% x tier B's 1 x south's 1.1 = 11% of 44,000 = 4,840; one of two
    // opportunities won in 2025: twice as much pipeline.
    expect(table('rep-years').rows[1]).toMatchObject({ territory: 'South (B)', winRate: 0.5 });
    expect(ben).toMatchObject({
      basis: 'Territory',
      growthGoal: 484_000,
      pipelineGoal: 968_000,
      planTarget: 4_800_000,
      planPipeline: 2_000_000,
    });
    expect(ben!.rate).toBeCloseTo(0.11, 12);
    // Territory-adjusted for everyone: Ana's growth of 0 suggests nothing.
    const territory = buildAnnualPack({ ...input, options: { names, mode: 'territory' } });
    const suggested = territory.sections
      .flatMap((x) => x.blocks)
      .find((b): b is TableBlock => b.type === 'table' && b.id === 'suggested-goals')!;
    expect(suggested.rows[0]).toMatchObject({ basis: 'Territory', growthGoal: 0 });
  });

  it('renders to Markdown, HTML with every chart, and a CSV file per table', async () => {
    expect(renderMarkdown(pack)).toContain('## Suggested goals for 2026');
    const html = await renderHtml(pack);
    expect(html.match(/<svg/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(renderCsvFiles(pack).map((f) => f.fileName)).toEqual(
      expect.arrayContaining(['against-goals.csv', 'suggested-goals.csv']),
    );
  });

  it('refuses a manager with no team and a year that is not one', () => {
    expect(() => buildAnnualPack({ ...input, managerId: 'mgr-nobody' })).toThrow(NotFoundError);
    expect(() => buildAnnualPack({ ...input, year: 25 })).toThrow(ValidationError);
    expect(() => buildAnnualPack({ ...input, year: 2025.5 })).toThrow(ValidationError);
  });
});
