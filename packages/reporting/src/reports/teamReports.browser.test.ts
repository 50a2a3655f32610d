import { existsSync } from 'node:fs';
import { createDomainEventRegistry } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { buildTeamScenario } from '@account-planning/testing';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAnnualPack,
  buildTeamView,
  type ChartBlock,
  type ReportDocument,
  readAnnualPackInput,
  readTeamViewInput,
  renderHtml,
} from '../index.js';

// Debian's chromium package; CI (.ci/run) installs it when it is missing.
const CHROMIUM = '/usr/bin/chromium';
const PAGE_URL = 'http://report.invalid/report.html';
const names = { 'rep-ana': 'Ana Lima', 'rep-ben': 'Ben Carter', 'mgr-sam': 'Sam Okafor' };

const chartsOf = (doc: ReportDocument) =>
  doc.sections
    .flatMap((section) => [
      ...section.blocks,
      ...(section.subsections ?? []).flatMap((s) => s.blocks),
    ])
    .filter((block): block is ChartBlock => block.type === 'chart');

let browser: Browser;
const reports: Record<string, ReportDocument> = {};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` ` +
        '(bash .ci/run does this) and run the tests again.',
    );
  }
  const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
  const s = await buildTeamScenario(store);
  reports['team view'] = buildTeamView(
    await readTeamViewInput(store, {
      managerId: s.manager,
      asOf: '2026-04-15',
      generatedAt: '2026-04-15T08:00:00Z',
      options: { names, assignedTiers: s.tiers },
    }),
  );
  reports['annual pack'] = buildAnnualPack(
    await readAnnualPackInput(store, {
      managerId: s.manager,
      year: 2025,
      generatedAt: '2026-01-12T08:00:00Z',
      options: { names },
    }),
  );
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe.each(['team view', 'annual pack'])('the HTML %s in headless Chromium', (which) => {
  it('loads with no console error or request, shows every chart, and prints to PDF', async () => {
    const doc = reports[which]!;
    const html = await renderHtml(doc);
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    const otherRequests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => {
      if (request.url() !== PAGE_URL) otherRequests.push(request.url());
    });
    await page.route('**/*', (route) =>
      route.request().url() === PAGE_URL
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.abort('blockedbyclient'),
    );
    await page.goto(PAGE_URL, { waitUntil: 'load' });
    expect(consoleErrors).toEqual([]);
    expect(otherRequests).toEqual([]);

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
    const charts = chartsOf(doc);
    expect(charts.length).toBeGreaterThanOrEqual(3);
    expect(figures).toEqual(charts.map((chart) => ({ label: chart.alt, drawn: true })));

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
    await page.close();
  });
});
