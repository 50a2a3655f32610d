import { createDomainEventRegistry } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { buildTeamScenario } from '@account-planning/testing';
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
} from '../../test/reportInChromium.js';
import {
  buildAnnualPack,
  buildTeamView,
  type ReportDocument,
  readAnnualPackInput,
  readTeamViewInput,
  renderHtml,
} from '../index.js';

const names = { 'rep-ana': 'Ana Lima', 'rep-ben': 'Ben Carter', 'mgr-sam': 'Sam Okafor' };

let browser: Browser;
const reports: Record<string, ReportDocument> = {};

beforeAll(async () => {
  if (withoutChromium) return;
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
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(withoutChromium).each(['team view', 'annual pack'])(
  'the HTML %s in headless Chromium',
  (which) => {
    it('loads with no console error or request, shows every chart, and prints to PDF', async () => {
      const doc = reports[which]!;
      const html = await renderHtml(doc);
      const { page, consoleErrors, otherRequests } = await openReport(browser, html);
      expect(consoleErrors).toEqual([]);
      expect(otherRequests).toEqual([]);
      expect(await accessibilityProblems(page)).toEqual(ACCESSIBLE);

      const figures = await drawnFigures(page);
      const charts = chartsOf(doc);
      expect(charts.length).toBeGreaterThanOrEqual(3);
      expect(figures).toEqual(charts.map((chart) => ({ label: chart.alt, drawn: true })));

      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(
        1,
      );
      await page.close();
    });
  },
);
