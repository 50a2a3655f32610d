import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESSIBLE,
  accessibilityProblems,
  chartsOf,
  launchChromium,
  openReport,
  withoutChromium,
} from '../../test/reportInChromium.js';
import { sampleReport } from '../fixtures/sampleReport.js';
import { renderHtml } from '../index.js';

const charts = chartsOf(sampleReport);

describe.skipIf(withoutChromium)('the HTML review pack in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let otherRequests: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, consoleErrors, otherRequests } = await openReport(
      browser,
      await renderHtml(sampleReport),
    ));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads without console errors and requests nothing but the page', () => {
    expect(consoleErrors).toEqual([]);
    expect(otherRequests).toEqual([]);
  });

  it('shows every chart as a figure with an SVG, its alt text and a caption', async () => {
    const figures = await page.locator('figure.chart').evaluateAll((nodes) =>
      nodes.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          role: svg?.getAttribute('role'),
          label: svg?.getAttribute('aria-label'),
          title: svg?.querySelector('title')?.textContent,
          caption: figure.querySelector('figcaption')?.textContent,
          drawn: (box?.width ?? 0) > 100 && (box?.height ?? 0) > 20,
        };
      }),
    );
    expect(figures).toEqual(
      charts.map((chart) => ({
        role: 'img',
        label: chart.alt,
        title: chart.alt,
        caption: expect.stringContaining(chart.caption),
        drawn: true,
      })),
    );
  });

  it('has one h1, headings that never skip a level, captioned tables and scoped headers', async () => {
    expect(await accessibilityProblems(page)).toEqual(ACCESSIBLE);
  });

  it('prints to a PDF of several A4 pages', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });
});
