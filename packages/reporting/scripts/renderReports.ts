// Renders every report model on the scenarios the tests use, to examples-out/: the monthly
// review pack and the plan document (the seed scenario, its plan written in full), the team
// view and the annual pack (the team scenario), each as HTML, Markdown, JSON, CSV, a full-page
// screenshot and a PDF taken with headless Chromium.
// `pnpm --filter @account-planning/reporting reports [--docs]`; `--docs` also writes the
// pictures in docs/images that docs/reporting.md shows. Not part of the published package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDomainEventRegistry } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import {
  buildSeedScenario,
  buildTeamScenario,
  extendSeedScenarioWithPlan,
} from '@account-planning/testing';
import type { Page } from 'playwright-core';
import {
  buildAnnualPack,
  buildPlanDocument,
  buildReviewPack,
  buildTeamView,
  type ReportDocument,
  readAnnualPackInput,
  readPlanDocumentInput,
  readReviewPackInput,
  readTeamViewInput,
  renderCsvFiles,
  renderHtml,
  renderMarkdown,
} from '../src/index.js';
import { launchChromium } from '../test/reportInChromium.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'examples-out');
const images = join(here, '..', '..', '..', 'docs', 'images');
const docs = process.argv.includes('--docs');
mkdirSync(out, { recursive: true });

/** The top of the page, as far as a reader of the docs needs to see. */
const top = async (_page: Page) => ({ y: 0, height: 1500 });
/** From one section's heading to the next's. */
const between = (from: string, to: string) => async (page: Page) => {
  const y = (await page.locator(from).boundingBox())!.y - 16;
  return { y, height: (await page.locator(to).boundingBox())!.y - 24 - y };
};

interface Report {
  readonly name: string;
  readonly doc: ReportDocument;
  /** The picture docs/reporting.md shows, and the part of the page it shows. */
  readonly picture?: {
    readonly file: string;
    readonly clip: (page: Page) => Promise<{ y: number; height: number }>;
  };
}

const seedStore = createMemoryEventStore({ registry: createDomainEventRegistry() });
const seed = await buildSeedScenario(seedStore);
const seedNames = { 'rep-ana': 'Ana Lima', 'mgr-sam': 'Sam Okafor' };
const reviewPack = buildReviewPack(
  await readReviewPackInput(seedStore, {
    repId: seed.rep,
    asOf: '2026-04-15',
    generatedAt: '2026-04-15T08:00:00Z',
    options: { names: seedNames, assignedTiers: seed.tiers },
  }),
);
await extendSeedScenarioWithPlan(seedStore, seed);
const planDocument = buildPlanDocument(
  await readPlanDocumentInput(seedStore, {
    accountId: seed.accounts.acmeGroup,
    asOf: '2026-04-15',
    generatedAt: '2026-04-15T08:00:00Z',
    options: { names: seedNames, assignedTiers: seed.tiers },
  }),
);
const teamStore = createMemoryEventStore({ registry: createDomainEventRegistry() });
const team = await buildTeamScenario(teamStore);
const teamNames = { 'rep-ana': 'Ana Lima', 'rep-ben': 'Ben Carter', 'mgr-sam': 'Sam Okafor' };

const reports: Report[] = [
  {
    name: 'review-pack',
    doc: reviewPack,
    picture: { file: 'reporting-review-pack.png', clip: top },
  },
  {
    name: 'plan-document',
    doc: planDocument,
    picture: {
      file: 'reporting-plan-document.png',
      clip: between('#relationship-overview', '#competitive-strategy'),
    },
  },
  {
    name: 'team-view',
    doc: buildTeamView(
      await readTeamViewInput(teamStore, {
        managerId: team.manager,
        asOf: '2026-04-15',
        generatedAt: '2026-04-15T08:00:00Z',
        options: { names: teamNames, assignedTiers: team.tiers },
      }),
    ),
    picture: { file: 'reporting-team-view.png', clip: top },
  },
  {
    name: 'annual-pack',
    doc: buildAnnualPack(
      await readAnnualPackInput(teamStore, {
        managerId: team.manager,
        year: 2025,
        generatedAt: '2026-01-12T08:00:00Z',
        options: { names: teamNames },
      }),
    ),
  },
];

const browser = await launchChromium();
for (const { name, doc, picture } of reports) {
  const html = join(out, `${name}.html`);
  writeFileSync(html, await renderHtml(doc));
  writeFileSync(join(out, `${name}.md`), renderMarkdown(doc));
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(doc, null, 2)}\n`);
  mkdirSync(join(out, `${name}-csv`), { recursive: true });
  for (const file of renderCsvFiles(doc)) {
    writeFileSync(join(out, `${name}-csv`, file.fileName), file.csv);
  }
  const page = await browser.newPage({ viewport: { width: 960, height: 1200 } });
  await page.goto(`file://${html}`);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  if (docs && picture) {
    const { y, height } = await picture.clip(page);
    await page.screenshot({
      path: join(images, picture.file),
      clip: { x: 0, y, width: 960, height },
      fullPage: true,
    });
  }
  await page.pdf({ path: join(out, `${name}.pdf`), format: 'A4', printBackground: true });
  await page.close();
}
await browser.close();
console.log(
  `wrote ${reports.map((r) => r.name).join(', ')} to ${out}${docs ? ' and docs/images' : ''}`,
);
