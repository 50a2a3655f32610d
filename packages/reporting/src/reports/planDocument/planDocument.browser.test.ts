import { existsSync } from 'node:fs';
import { createDomainEventRegistry } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { buildSeedScenario, extendSeedScenarioWithPlan } from '@account-planning/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPlanDocument,
  type ChartBlock,
  type ReportDocument,
  readPlanDocumentInput,
  renderHtml,
} from '../../index.js';

// Debian's chromium package; CI (.ci/run) installs it when it is missing.
const CHROMIUM = '/usr/bin/chromium';
const PAGE_URL = 'http://report.invalid/plan-document.html';

describe("Acme Group's plan document as HTML in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  let doc: ReportDocument;
  const consoleErrors: string[] = [];
  const otherRequests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` ` +
          '(bash .ci/run does this) and run the tests again.',
      );
    }
    const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
    const s = await buildSeedScenario(store);
    await extendSeedScenarioWithPlan(store, s);
    doc = buildPlanDocument(
      await readPlanDocumentInput(store, {
        accountId: s.accounts.acmeGroup,
        asOf: '2026-04-15',
        generatedAt: '2026-04-15T08:00:00Z',
        options: {
          names: { 'rep-ana': 'Ana Lima', 'mgr-sam': 'Sam Okafor' },
          assignedTiers: s.tiers,
        },
      }),
    );
    const html = await renderHtml(doc);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
    });
    // A4 is 794 CSS pixels wide: the width the document must fit when printed.
    page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => {
      if (request.url() !== PAGE_URL) otherRequests.push(request.url());
    });
    // Every request goes through here: the page itself is served, anything else is refused.
    await page.route('**/*', (route) =>
      route.request().url() === PAGE_URL
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.abort('blockedbyclient'),
    );
    await page.goto(PAGE_URL, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads without console errors and requests nothing but the page', () => {
    expect(consoleErrors).toEqual([]);
    expect(otherRequests).toEqual([]);
  });

  it('draws every chart: the revenue by quarter, the score breakdown, the monthly plan, the bridge', async () => {
    const charts = doc.sections
      .flatMap((section) => section.blocks)
      .filter((block): block is ChartBlock => block.type === 'chart');
    expect(charts.map((chart) => chart.kind)).toEqual([
      'stackedBar',
      'stackedHorizontalBar',
      'bar',
      'horizontalBar',
    ]);
    const figures = await page.locator('figure.chart').evaluateAll((nodes) =>
      nodes.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          label: svg?.getAttribute('aria-label'),
          drawn: (box?.width ?? 0) > 100 && (box?.height ?? 0) > 20,
        };
      }),
    );
    expect(figures).toEqual(charts.map((chart) => ({ label: chart.alt, drawn: true })));
  });

  it('draws the relationship map as a tree of five people coloured by stance', async () => {
    const people = await page.locator('figure.org-chart .person').evaluateAll((nodes) =>
      nodes.map((node) => ({
        name: node.querySelector('.name')?.textContent,
        stance: [...node.classList].find((c) => c.startsWith('stance-')),
        depth: (() => {
          let depth = 0;
          for (let up = node.parentElement; up; up = up.parentElement) {
            if (up.tagName === 'UL') depth += 1;
          }
          return depth;
        })(),
        visible: node.getBoundingClientRect().width > 0,
      })),
    );
    expect(people).toEqual([
      { name: 'Marta Keller', stance: 'stance-neutral', depth: 1, visible: true },
      { name: 'Dana Whitfield', stance: 'stance-supporter', depth: 2, visible: true },
      { name: 'Priya Nair', stance: 'stance-advocate', depth: 3, visible: true },
      { name: 'Lars Becker', stance: 'stance-skeptic', depth: 2, visible: true },
      { name: 'Forgotten contact', stance: 'stance-neutral', depth: 3, visible: true },
    ]);
    // The whitespace grid too.
    expect(await page.locator('table.heat-map, .heat-map table').count()).toBe(1);
  });

  it('fits the width of an A4 page and prints to a PDF of several pages', async () => {
    await page.emulateMedia({ media: 'print' });
    const overflow = await page
      .locator('html')
      .evaluate((root) => root.scrollWidth - root.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // A table or the org chart wider than its box would scroll on screen, and be cut on paper.
    const cut = await page
      .locator('.table-wrap, .org-scroll')
      .evaluateAll((nodes) =>
        nodes
          .filter((node) => node.scrollWidth > node.clientWidth + 1)
          .map((node) => node.querySelector('caption, figcaption')?.textContent ?? node.className),
      );
    expect(cut).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });
});
