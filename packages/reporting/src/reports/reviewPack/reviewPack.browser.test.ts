import { createDomainEventRegistry } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { buildSeedScenario } from '@account-planning/testing';
import type { Browser } from 'playwright-core';
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
  buildReviewPack,
  type ReportDocument,
  readReviewPackInput,
  renderHtml,
} from '../../index.js';

// The monthly review pack of the seed scenario, as buildReviewPack.test.ts builds it.
let browser: Browser;
let pack: ReportDocument;

beforeAll(async () => {
  if (withoutChromium) return;
  const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
  const s = await buildSeedScenario(store);
  pack = buildReviewPack(
    await readReviewPackInput(store, {
      repId: s.rep,
      asOf: '2026-04-15',
      generatedAt: '2026-04-15T08:00:00Z',
      options: {
        names: { 'rep-ana': 'Ana Lima', 'mgr-sam': 'Sam Okafor' },
        assignedTiers: s.tiers,
      },
    }),
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(withoutChromium)("Ana's monthly review pack as HTML in headless Chromium", () => {
  it('loads with no console error or request, draws every chart, reads well, prints to PDF', async () => {
    // A4 is 794 CSS pixels wide.
    const { page, consoleErrors, otherRequests } = await openReport(
      browser,
      await renderHtml(pack),
      { width: 794, height: 1123 },
    );
    expect(consoleErrors).toEqual([]);
    expect(otherRequests).toEqual([]);
    const charts = chartsOf(pack);
    // The book's revenue trend, the pipeline by stage, a sparkline per account, the breakdown.
    expect(charts.length).toBeGreaterThanOrEqual(4);
    expect(await drawnFigures(page)).toEqual(
      charts.map((chart) => ({ label: chart.alt, drawn: true })),
    );
    expect(await accessibilityProblems(page)).toEqual(ACCESSIBLE);

    await page.emulateMedia({ media: 'print' });
    const overflow = await page
      .locator('html')
      .evaluate((root) => root.scrollWidth - root.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(2);
  });
});
