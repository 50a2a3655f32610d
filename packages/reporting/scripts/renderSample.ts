// Renders the sample review pack to examples-out/ (HTML, Markdown, JSON, CSV and a full-page
// screenshot taken with headless Chromium), measures what charts cost, and times a synthetic
// 500-account pack. `pnpm --filter @account-planning/reporting sample`. Not part of the
// published package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { sampleReport } from '../src/fixtures/sampleReport.js';
import {
  type ChartBlock,
  type ReportDocument,
  type ReportSubsection,
  renderChartSvg,
  renderCsvFiles,
  renderHtml,
  renderMarkdown,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'examples-out');
mkdirSync(out, { recursive: true });

const html = await renderHtml(sampleReport);
writeFileSync(join(out, 'sample-review-pack.html'), html);
writeFileSync(join(out, 'sample-review-pack.md'), renderMarkdown(sampleReport));
writeFileSync(join(out, 'sample-review-pack.json'), `${JSON.stringify(sampleReport, null, 2)}\n`);
for (const file of renderCsvFiles(sampleReport)) writeFileSync(join(out, file.fileName), file.csv);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 960, height: 1200 } });
await page.goto(`file://${join(out, 'sample-review-pack.html')}`);
await page.screenshot({ path: join(out, 'sample-review-pack.png'), fullPage: true });
await page.pdf({ path: join(out, 'sample-review-pack.pdf'), format: 'A4', printBackground: true });
await browser.close();
console.log(`wrote ${out}`);

// Per-chart cost: each kind of chart of the sample, drawn again and again with new data on its
// cached view (the first draw of a shape compiles its spec and is reported apart).
function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
const charts = sampleReport.sections
  .flatMap((section) => [
    ...section.blocks,
    ...(section.subsections ?? []).flatMap((s) => s.blocks),
  ])
  .filter((block): block is ChartBlock => block.type === 'chart');
const compactTrend = charts.find((chart) => chart.size === 'compact')!;
const seen = new Set<string>();
for (const chart of [...charts, { ...compactTrend, kind: 'line' as const }]) {
  const shape = `${chart.kind}${chart.size === 'compact' ? ' (compact)' : ''}`;
  if (seen.has(shape)) continue;
  seen.add(shape);
  const variant = (i: number): ChartBlock => ({
    ...chart,
    data: chart.data.map((datum) => {
      const value = datum[chart.y.field];
      return typeof value === 'number' ? { ...datum, [chart.y.field]: value + i } : datum;
    }),
  });
  for (let i = 0; i < 50; i++) await renderChartSvg(variant(i));
  const n = 300;
  const wall = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) await renderChartSvg(variant(i));
  console.log(
    `${shape.padEnd(24)} ${((performance.now() - wall) / n).toFixed(3)} ms wall, ${(cpuMs(cpu) / n).toFixed(3)} ms CPU per chart`,
  );
}

// A synthetic pack of the size the reporting.review_pack_500_accounts bench renders: five
// standard charts and a ranked table for the whole pack, then per account key figures, a
// compact 12-month revenue trend and what changed.
const accounts: ReportSubsection[] = Array.from({ length: 500 }, (_, a) => ({
  id: `account-${a}`,
  title: `Account ${a}`,
  blocks: [
    {
      type: 'keyFigures',
      figures: [
        { label: 'Status', value: 'Active', format: { type: 'text' } },
        {
          label: 'Revenue',
          value: 1_000_000 + a * 1_000,
          format: { type: 'money', currency: 'EUR' },
        },
        { label: 'Health', value: a % 100, format: { type: 'number', unit: '/ 100' } },
      ],
    },
    {
      ...compactTrend,
      kind: 'line',
      caption: `Account ${a}: monthly revenue`,
      alt: `Monthly revenue of account ${a}.`,
      data: compactTrend.data.map((datum, m) => ({
        ...datum,
        revenue: 100_000 + ((a * 37 + m * 91) % 500) * 100,
      })),
    },
    { type: 'list', items: ['Opportunity moved to proposal', 'Satisfaction up from 7 to 8'] },
  ],
}));
const bigPack: ReportDocument = {
  ...sampleReport,
  sections: [
    ...sampleReport.sections.filter((section) => section.id !== 'accounts'),
    { id: 'accounts', title: 'Accounts', blocks: [], subsections: accounts },
  ],
};
await renderHtml(bigPack);
const wallTimes: number[] = [];
const cpuTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const rendered = await renderHtml(bigPack);
  wallTimes.push(performance.now() - start);
  cpuTimes.push(cpuMs(cpu));
  if (i === 0) console.log(`500-account pack: ${(rendered.length / 1e6).toFixed(2)} MB of HTML`);
}
const median = (values: number[]) => [...values].sort((x, y) => x - y)[2]!.toFixed(0);
console.log(
  `500-account pack: renderHtml median ${median(wallTimes)} ms wall, ${median(cpuTimes)} ms CPU over 5 runs`,
);
