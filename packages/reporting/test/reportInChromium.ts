// What every browser test of a report does: start Debian's Chromium, serve one HTML report at a
// fixed URL while refusing every other request, and collect console errors and requests.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ChartBlock } from '../src/document/chartBlock.js';
import type { ReportDocument } from '../src/document/reportDocument.js';

/** Debian's chromium package (CI, `.ci/run`, installs it when it is missing), or `CHROMIUM_PATH`. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * True when the browser tests cannot run here: no Chromium, and not in CI. They are skipped
 * then, with a note saying how to run them, so that `pnpm test` passes on a machine without a
 * browser; in CI (`CI=true`) a missing Chromium fails them instead.
 */
export const withoutChromium = !existsSync(CHROMIUM) && process.env.CI !== 'true';
if (withoutChromium) {
  console.warn(
    `Skipping the browser tests of the HTML reports: no Chromium at ${CHROMIUM}. ` +
      'Install it (`apt-get install -y chromium`) or set CHROMIUM_PATH to run them.',
  );
}

/** The address a report is served at: `.invalid`, so nothing could ever answer for real. */
export const REPORT_URL = 'http://report.invalid/report.html';

/** Starts headless Chromium. @throws {Error} saying how to install it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` ` +
        '(bash .ci/run does this) and run the tests again.',
    );
  }
  return chromium.launch({
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
}

/** A report loaded in a page, and what the page did while loading it. */
export interface OpenedReport {
  readonly page: Page;
  /** Console errors and uncaught exceptions. */
  readonly consoleErrors: string[];
  /** Every request for anything but the report itself (each refused). */
  readonly otherRequests: string[];
}

/** Opens `html` in a new page of `browser`, served at {@link REPORT_URL}. */
export async function openReport(
  browser: Browser,
  html: string,
  viewport?: { readonly width: number; readonly height: number },
): Promise<OpenedReport> {
  const page = await browser.newPage(viewport ? { viewport } : {});
  const consoleErrors: string[] = [];
  const otherRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    if (request.url() !== REPORT_URL) otherRequests.push(request.url());
  });
  // Every request goes through here: the page itself is served, anything else is refused.
  await page.route('**/*', (route) =>
    route.request().url() === REPORT_URL
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort('blockedbyclient'),
  );
  await page.goto(REPORT_URL, { waitUntil: 'load' });
  return { page, consoleErrors, otherRequests };
}

/** Every chart of a document, in order, subsections included. */
export function chartsOf(doc: ReportDocument): ChartBlock[] {
  return doc.sections
    .flatMap((section) => [
      ...section.blocks,
      ...(section.subsections ?? []).flatMap((s) => s.blocks),
    ])
    .filter((block): block is ChartBlock => block.type === 'chart');
}

/** Each chart figure on the page: its SVG's label, and whether it was drawn at a real size. */
export function drawnFigures(page: Page): Promise<{ label: string | null; drawn: boolean }[]> {
  return page.locator('figure.chart').evaluateAll((nodes) =>
    nodes.map((figure) => {
      const svg = figure.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      return {
        label: svg?.getAttribute('aria-label') ?? null,
        drawn: (box?.width ?? 0) > 100 && (box?.height ?? 0) > 20,
      };
    }),
  );
}

/**
 * What a screen reader would trip on: the number of `h1`s (one is right), headings that skip a
 * level, tables without a caption, header cells without a scope.
 */
export async function accessibilityProblems(page: Page): Promise<{
  h1: number;
  skippedLevels: number[];
  tablesWithoutCaption: number;
  unscopedHeaders: number;
}> {
  const levels = await page
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((nodes) => nodes.map((node) => Number(node.tagName.slice(1))));
  const tables = await page.locator('table').evaluateAll((nodes) =>
    nodes.map((table) => ({
      caption: (table.querySelector('caption')?.textContent ?? '').length > 0,
      unscoped: table.querySelectorAll('th:not([scope])').length,
    })),
  );
  return {
    h1: levels.filter((level) => level === 1).length,
    skippedLevels: levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1),
    tablesWithoutCaption: tables.filter((table) => !table.caption).length,
    unscopedHeaders: tables.reduce((sum, table) => sum + table.unscoped, 0),
  };
}

/** No problem at all, as {@link accessibilityProblems} counts them. */
export const ACCESSIBLE = { h1: 1, skippedLevels: [], tablesWithoutCaption: 0, unscopedHeaders: 0 };
