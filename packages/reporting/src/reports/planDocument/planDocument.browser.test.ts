import { createDomainEventRegistry } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { buildSeedScenario, extendSeedScenarioWithPlan } from '@account-planning/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESSIBLE,
  accessibilityProblems,
  chartsOf,
  drawnFigures,
  launchChromium,
  openReport,
  withoutChromium,
} from '../../../test/reportInChromium.js';
import {
  buildPlanDocument,
  type ReportDocument,
  readPlanDocumentInput,
  renderHtml,
} from '../../index.js';

describe.skipIf(withoutChromium)("Acme Group's plan document as HTML in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  let doc: ReportDocument;
  let consoleErrors: string[];
  let otherRequests: string[];

  beforeAll(async () => {
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
    browser = await launchChromium();
    // A4 is 794 CSS pixels wide: the width the document must fit when printed.
    ({ page, consoleErrors, otherRequests } = await openReport(browser, html, {
      width: 794,
      height: 1123,
    }));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads without console errors and requests nothing but the page', () => {
    expect(consoleErrors).toEqual([]);
    expect(otherRequests).toEqual([]);
  });

  it('has one h1, headings that never skip a level, captioned tables and scoped headers', async () => {
    expect(await accessibilityProblems(page)).toEqual(ACCESSIBLE);
  });

  it('draws every chart: the revenue by quarter, the score breakdown, the monthly plan, the bridge', async () => {
    const charts = chartsOf(doc);
    expect(charts.map((chart) => chart.kind)).toEqual([
      'stackedBar',
      'stackedHorizontalBar',
      'bar',
      'horizontalBar',
    ]);
    const figures = await drawnFigures(page);
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
