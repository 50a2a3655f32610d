import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReport } from '../fixtures/sampleReport.js';
import { type ChartBlock, renderHtml } from '../index.js';

// Debian's chromium package; CI (.ci/run) installs it when it is missing.
const CHROMIUM = '/usr/bin/chromium';
const PAGE_URL = 'http://report.invalid/review-pack.html';

const charts = sampleReport.sections
  .flatMap((section) => [
    ...section.blocks,
    ...(section.subsections ?? []).flatMap((s) => s.blocks),
  ])
  .filter((block): block is ChartBlock => block.type === 'chart');

describe('the HTML review pack in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const otherRequests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` ` +
          '(bash .ci/run does this) and run the tests again.',
      );
    }
    const html = await renderHtml(sampleReport);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
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

  it('has one h1 and headings that never skip a level', async () => {
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.tagName.slice(1))));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1);
    expect(skips).toEqual([]);
  });

  it('gives every table a caption and every header cell a scope', async () => {
    const tables = await page.locator('table').evaluateAll((nodes) =>
      nodes.map((table) => ({
        caption: (table.querySelector('caption')?.textContent ?? '').length > 0,
        unscoped: table.querySelectorAll('th:not([scope])').length,
      })),
    );
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.every((table) => table.caption && table.unscoped === 0)).toBe(true);
  });

  it('prints to a PDF of several A4 pages', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });
});
