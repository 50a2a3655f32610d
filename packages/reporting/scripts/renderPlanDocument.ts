// Renders Acme Group's strategic account plan (the seed scenario with its plan written in full)
// to examples-out/ (HTML, Markdown, JSON, a full-page screenshot and a PDF, by headless
// Chromium). `pnpm --filter @account-planning/reporting plan-document [--docs]`; `--docs` also
// writes the picture used by docs/reporting.md. Not part of the published package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDomainEventRegistry } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { buildSeedScenario, extendSeedScenarioWithPlan } from '@account-planning/testing';
import { chromium } from 'playwright-core';
import {
  buildPlanDocument,
  readPlanDocumentInput,
  renderHtml,
  renderMarkdown,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'examples-out');
mkdirSync(out, { recursive: true });

const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
const s = await buildSeedScenario(store);
await extendSeedScenarioWithPlan(store, s);
const doc = buildPlanDocument(
  await readPlanDocumentInput(store, {
    accountId: s.accounts.acmeGroup,
    asOf: '2026-04-15',
    generatedAt: '2026-04-15T08:00:00Z',
    options: { names: { 'rep-ana': 'Ana Lima', 'mgr-sam': 'Sam Okafor' }, assignedTiers: s.tiers },
  }),
);
const file = join(out, 'plan-document.html');
writeFileSync(file, await renderHtml(doc));
writeFileSync(join(out, 'plan-document.md'), renderMarkdown(doc));
writeFileSync(join(out, 'plan-document.json'), `${JSON.stringify(doc, null, 2)}\n`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 960, height: 1200 } });
await page.goto(`file://${file}`);
await page.screenshot({ path: join(out, 'plan-document.png'), fullPage: true });
if (process.argv.includes('--docs')) {
  // The part a reader of the docs wants to see: the relationship map, and what goes with it.
  const docsImage = join(here, '..', '..', '..', 'docs', 'images', 'reporting-plan-document.png');
  const top = (await page.locator('#relationship-overview').boundingBox())!.y - 16;
  const next = (await page.locator('#competitive-strategy').boundingBox())!.y - 24;
  await page.screenshot({
    path: docsImage,
    clip: { x: 0, y: top, width: 960, height: next - top },
    fullPage: true,
  });
}
await page.pdf({ path: join(out, 'plan-document.pdf'), format: 'A4', printBackground: true });
await browser.close();
console.log(`wrote ${out}`);
