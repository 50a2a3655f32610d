import { describe, expect, it } from 'vitest';
import { sampleReport } from '../fixtures/sampleReport.js';
import { type ChartBlock, type ReportDocument, renderChartSvg, renderHtml } from '../index.js';

// Markup that must never reach the page as markup, in attribute and in text positions.
const HOSTILE = `"><x-injected onload=alert(1)>&amp;'</script><script>alert(2)</script>`;
const ESCAPED =
  '&quot;&gt;&lt;x-injected onload=alert(1)&gt;&amp;amp;&#39;&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;';

const hostileDocument: ReportDocument = {
  schemaVersion: 1,
  title: HOSTILE,
  subtitle: HOSTILE,
  generatedAt: '2026-03-02T09:00:00Z',
  metadata: [{ label: HOSTILE, value: HOSTILE }],
  sections: [
    {
      id: 'hostile',
      title: HOSTILE,
      blocks: [
        { type: 'heading', text: HOSTILE },
        { type: 'paragraph', text: `${HOSTILE}\n${HOSTILE}` },
        {
          type: 'keyFigures',
          figures: [
            {
              label: HOSTILE,
              value: HOSTILE,
              format: { type: 'text' },
              note: HOSTILE,
              trend: { direction: 'up', sentiment: 'positive', text: HOSTILE },
            },
          ],
        },
        {
          type: 'table',
          caption: HOSTILE,
          columns: [
            { key: 'a', label: HOSTILE, type: 'text' },
            { key: 'b', label: HOSTILE, type: 'text' },
          ],
          rows: [{ a: HOSTILE, b: HOSTILE }],
          footer: [{ a: HOSTILE }],
        },
        {
          type: 'chart',
          kind: 'bar',
          caption: HOSTILE,
          alt: HOSTILE,
          x: { field: 'c', label: HOSTILE },
          y: { field: 'v', label: HOSTILE, format: { type: 'number' } },
          series: { field: 's', label: HOSTILE },
          data: [{ c: HOSTILE, v: 1, s: HOSTILE }],
        },
        { type: 'list', items: [HOSTILE] },
        { type: 'checklist', items: [{ text: HOSTILE, done: false, detail: HOSTILE }] },
        {
          type: 'orgChart',
          caption: HOSTILE,
          people: [
            {
              id: 'p',
              name: HOSTILE,
              title: HOSTILE,
              stance: 'hostile',
              tags: [HOSTILE],
              note: HOSTILE,
            },
          ],
        },
        {
          type: 'heatMap',
          caption: HOSTILE,
          rowHeader: HOSTILE,
          columns: [{ key: 'c', label: HOSTILE }],
          states: [{ key: 's', label: HOSTILE, symbol: '<b>', tone: 'negative' }],
          rows: [{ label: HOSTILE, cells: { c: 's' } }],
        },
      ],
      subsections: [{ id: 'sub', title: HOSTILE, blocks: [{ type: 'heading', text: HOSTILE }] }],
    },
  ],
};

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('renderHtml', () => {
  it('escapes every piece of text from the document, in text and in attributes', async () => {
    const html = await renderHtml(hostileDocument);
    // Matched, not compared whole, so that a failure shows the offending markup only.
    expect(html.match(/.{0,60}<(x-injected|script|b>).{0,60}/)?.[0]).toBeUndefined();
    expect(count(html, '&lt;b&gt;')).toBe(2);
    // Title element, h1, subtitle, metadata label and value: each escaped in full.
    expect(count(html, ESCAPED)).toBeGreaterThanOrEqual(30);
  });

  it('makes no external reference: no script, no link, no URL but the SVG namespace', async () => {
    const html = await renderHtml(sampleReport);
    expect(
      html.match(/.{0,60}(<script|<link|<img|<iframe|@import|url\(|src=).{0,60}/i)?.[0],
    ).toBeUndefined();
    const urls = html.match(/https?:\/\/[^"'\s)]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
    expect(
      count(html, `<meta http-equiv="Content-Security-Policy" content="default-src 'none';`),
    ).toBe(1);
    expect(html.match(/href="[^#][^"]*"/)?.[0]).toBeUndefined();
  });

  it('has one h1, scoped table headers, captions, and a labelled SVG figure per chart', async () => {
    const html = await renderHtml(sampleReport);
    expect(count(html, '<h1')).toBe(1);
    expect(count(html, '<table>')).toBe(count(html, '<caption'));
    expect(html.match(/<th(\s(?![^>]*scope=)[^>]*)?>/)?.[0]).toBeUndefined();
    const charts = sampleReport.sections
      .flatMap((s) => [...s.blocks, ...(s.subsections ?? []).flatMap((u) => u.blocks)])
      .filter((block): block is ChartBlock => block.type === 'chart');
    expect(count(html, '<figure class="chart')).toBe(charts.length);
    for (const chart of charts) {
      expect(count(html, `role="img" aria-label="${chart.alt}"><title>${chart.alt}</title>`)).toBe(
        1,
      );
    }
  });

  it('gives the same string for the same document, whatever was drawn before', async () => {
    const first = await renderHtml(sampleReport);
    await renderHtml(hostileDocument);
    expect((await renderHtml(sampleReport)) === first).toBe(true);
  });

  it('draws a chart the same whether its view is fresh or reused for other data', async () => {
    const chart: ChartBlock = {
      type: 'chart',
      kind: 'line',
      size: 'compact',
      caption: 'Trend',
      alt: 'A trend.',
      x: { field: 'm', label: 'Month', format: 'month' },
      y: { field: 'v', label: 'Revenue', format: { type: 'money', currency: 'EUR' } },
      data: [
        { m: '2026-01', v: 100 },
        { m: '2026-02', v: 300 },
        { m: '2026-03', v: 200 },
      ],
    };
    const first = await renderChartSvg(chart);
    const other = { ...chart, data: [{ m: '2025-01', v: 5 }] };
    const [a, b] = await Promise.all([renderChartSvg(other), renderChartSvg(chart)]);
    expect(b === first).toBe(true);
    expect(a === first).toBe(false);
    // Categories the reused view saw before keep no place of their own: a later trend that
    // shares some of them is still drawn in its own order.
    const overlapping = {
      ...chart,
      data: [
        { m: '2026-02', v: 50 },
        { m: '2026-03', v: 70 },
      ],
    };
    await renderChartSvg(overlapping);
    expect((await renderChartSvg(chart)) === first).toBe(true);
  });

  it('colours the series of a reused view in this chart’s order, whatever the last chart had', async () => {
    const chart: ChartBlock = {
      type: 'chart',
      kind: 'stackedBar',
      caption: 'Revenue by line',
      alt: 'Revenue by quarter and line.',
      x: { field: 'q', label: 'Quarter', format: 'text' },
      y: { field: 'v', label: 'Revenue', format: { type: 'money', currency: 'EUR' } },
      series: { field: 'line', label: 'Line' },
      data: [
        { q: 'Q1', line: 'Licences', v: 100 },
        { q: 'Q1', line: 'Services', v: 50 },
        { q: 'Q2', line: 'Licences', v: 120 },
        { q: 'Q2', line: 'Services', v: 60 },
      ],
    };
    const first = await renderChartSvg(chart);
    await renderChartSvg({ ...chart, data: [{ q: 'Q1', line: 'Services', v: 10 }] });
    expect((await renderChartSvg(chart)) === first).toBe(true);
  });

  it('stacks a horizontal bar in the order series first appear, which the legend follows', async () => {
    const svg = await renderChartSvg({
      type: 'chart',
      kind: 'stackedHorizontalBar',
      caption: 'Score',
      alt: 'A score of 40 points: 10 from Zeta, 30 from Alpha.',
      x: { field: 'c', label: 'Item' },
      y: { field: 'v', label: 'Points', format: { type: 'number' } },
      series: { field: 's', label: 'Factor' },
      data: [
        { c: 'one', s: 'Zeta', v: 10 },
        { c: 'one', s: 'Alpha', v: 30 },
      ],
    });
    // 648 px of plot for 40 points: Zeta (first, the first colour) from 0 to 162, Alpha after.
    expect(svg).toMatch(/<path d="M0,[\d.]+h162v[\d.]+h-162Z" fill="#0072B2"\/>/);
    expect(svg).toMatch(/<path d="M162,[\d.]+h486v[\d.]+h-486Z" fill="#E69F00"\/>/);
  });

  it('prints blank lines with boxes for actions and plain ruled lines for notes', async () => {
    const doc: ReportDocument = {
      schemaVersion: 1,
      title: 'T',
      generatedAt: '2026-03-02T09:00:00Z',
      metadata: [],
      sections: [
        {
          id: 's',
          title: 'S',
          blocks: [
            { type: 'checklist', items: [], blankItems: 2 },
            { type: 'checklist', items: [], blankItems: 3, blankStyle: 'lines' },
          ],
        },
      ],
    };
    const html = await renderHtml(doc);
    expect(count(html, '<ul class="checklist">')).toBe(1);
    expect(count(html, '<ul class="checklist lines">')).toBe(1);
    expect(count(html, '<li class="blank" aria-hidden="true">')).toBe(5);
  });

  it('sets a long key figure smaller instead of breaking it across lines', async () => {
    const money = { type: 'money', currency: 'EUR' } as const;
    const html = await renderHtml({
      schemaVersion: 1,
      title: 'Figures',
      generatedAt: '2026-03-02T09:00:00Z',
      metadata: [],
      sections: [
        {
          id: 'figures',
          title: 'Figures',
          blocks: [
            {
              type: 'keyFigures',
              figures: [
                { label: 'Short', value: 1_234_500, format: money },
                { label: 'Long', value: 707_730_000, format: money },
                { label: 'Longer', value: 70_773_000_000, format: money },
              ],
            },
          ],
        },
      ],
    });
    expect(html).toContain('<span class="value">€12,345.00</span>');
    expect(html).toContain('<span class="value long">€7,077,300.00</span>');
    expect(html).toContain('<span class="value longer">€707,730,000.00</span>');
  });

  it('starts a section on a new page when asked and lists sections when there are many', async () => {
    const html = await renderHtml(sampleReport);
    expect(count(html, '<section class="page-break" aria-labelledby="pipeline">')).toBe(1);
    expect(count(html, '<nav class="toc"')).toBe(1);
    expect(count(await renderHtml(sampleReport, { tableOfContents: false }), '<nav')).toBe(0);
  });
});
