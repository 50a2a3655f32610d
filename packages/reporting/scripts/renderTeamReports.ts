// Renders the team view and the annual pack of the team scenario to examples-out/ (HTML,
// Markdown, a full-page screenshot taken with headless Chromium). `pnpm --filter
// @account-planning/reporting team-reports [--docs]`; `--docs` also writes the picture of the
// team view used by docs/reporting.md. Not part of the published package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDomainEventRegistry } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { buildTeamScenario } from '@account-planning/testing';
import { chromium } from 'playwright-core';
import {
  buildAnnualPack,
  buildTeamView,
  readAnnualPackInput,
  readTeamViewInput,
  renderHtml,
  renderMarkdown,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'examples-out');
mkdirSync(out, { recursive: true });

const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
const s = await buildTeamScenario(store);
const names = { 'rep-ana': 'Ana Lima', 'rep-ben': 'Ben Carter', 'mgr-sam': 'Sam Okafor' };
const reports = {
  'team-view': buildTeamView(
    await readTeamViewInput(store, {
      managerId: s.manager,
      asOf: '2026-04-15',
      generatedAt: '2026-04-15T08:00:00Z',
      options: { names, assignedTiers: s.tiers },
    }),
  ),
  'annual-pack': buildAnnualPack(
    await readAnnualPackInput(store, {
      managerId: s.manager,
      year: 2025,
      generatedAt: '2026-01-12T08:00:00Z',
      options: { names },
    }),
  ),
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
});
for (const [name, doc] of Object.entries(reports)) {
  writeFileSync(join(out, `${name}.html`), await renderHtml(doc));
  writeFileSync(join(out, `${name}.md`), renderMarkdown(doc));
  const page = await browser.newPage({ viewport: { width: 960, height: 1200 } });
  await page.goto(`file://${join(out, `${name}.html`)}`);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  if (name === 'team-view' && process.argv.includes('--docs')) {
    const docsImage = join(here, '..', '..', '..', 'docs', 'images', 'reporting-team-view.png');
    await page.screenshot({
      path: docsImage,
      clip: { x: 0, y: 0, width: 960, height: 1500 },
      fullPage: true,
    });
  }
  await page.close();
}
await browser.close();
console.log(`wrote ${out}`);
