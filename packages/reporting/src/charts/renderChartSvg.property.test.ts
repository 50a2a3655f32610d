import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChartBlock, ChartKind } from '../index.js';
import { renderChartSvg } from '../index.js';

// Compiled specs are cached per chart shape, and compact charts (sparklines) share one view per
// shape, redrawn with each chart's data. Whatever was drawn before, a chart must come out as the
// same string: categories, series, colours, stacks, offsets and axes from its own data alone.
const KINDS: readonly ChartKind[] = ['bar', 'stackedBar', 'stackedHorizontalBar', 'line', 'area'];
const CATEGORIES = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'];
const SERIES = ['Licences', 'Services', 'Support', 'Hardware'];

const data = fc
  .record({
    categories: fc.shuffledSubarray(CATEGORIES, { minLength: 1 }),
    series: fc.shuffledSubarray(SERIES, { minLength: 1 }),
  })
  .chain(({ categories, series }) =>
    fc
      .array(fc.integer({ min: 0, max: 1_000_000 }), {
        minLength: categories.length * series.length,
        maxLength: categories.length * series.length,
      })
      .map((values) =>
        categories.flatMap((c, i) =>
          series.map((s, j) => ({ c, s, v: values[i * series.length + j]! })),
        ),
      ),
  );

let shapes = 0;
const chartOf = (kind: ChartKind, label: string, rows: { c: string; s: string; v: number }[]) =>
  ({
    type: 'chart',
    kind,
    caption: 'Revenue',
    alt: 'Revenue by quarter and line.',
    x: { field: 'c', label: 'Quarter', format: 'text' },
    // The label is part of the view's cache key: a new label is a fresh view.
    y: { field: 'v', label, format: { type: 'money', currency: 'EUR' } },
    series: { field: 's', label: 'Line' },
    data: rows,
  }) satisfies ChartBlock;

describe('a chart drawn on a reused view', () => {
  it('is the same SVG as on a fresh view, whatever was drawn before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KINDS), data, data, async (kind, mine, before) => {
        const label = `Revenue ${shapes++}`;
        const fresh = await renderChartSvg(chartOf(kind, label, mine));
        await renderChartSvg(chartOf(kind, label, before));
        expect(await renderChartSvg(chartOf(kind, label, mine))).toBe(fresh);
      }),
      { numRuns: 40 },
    );
  });

  it('draws a compact chart in the same frame, whatever its data and whatever came first', async () => {
    // A shape of its own (CHF), so that its shared view is fresh: its first chart is flat.
    const trend = (values: number[]): ChartBlock => ({
      type: 'chart',
      kind: 'line',
      size: 'compact',
      caption: 'Revenue',
      alt: 'Revenue by quarter.',
      x: { field: 'c', label: 'Quarter', format: 'text' },
      y: { field: 'v', label: 'Revenue', format: { type: 'money', currency: 'CHF' } },
      data: values.map((v, i) => ({ c: CATEGORIES[i]!, v })),
    });
    const flat = await renderChartSvg(trend([500, 500, 500]));
    const varying = await renderChartSvg(trend([100, 900, 300]));
    const single = await renderChartSvg(trend([700]));
    for (const svg of [flat, varying, single]) {
      expect(svg).toMatch(/^<svg [^>]*width="160" height="44" viewBox="0 0 160 44"/);
    }
    expect(await renderChartSvg(trend([500, 500, 500]))).toBe(flat);
  });

  it('is the same compact SVG on the shared view of its shape, whatever it drew before', async () => {
    const compact = (kind: ChartKind, rows: { c: string; v: number }[]): ChartBlock => ({
      type: 'chart',
      kind,
      size: 'compact',
      caption: 'Revenue',
      alt: 'Revenue by quarter.',
      x: { field: 'c', label: 'Quarter', format: 'text' },
      y: { field: 'v', label: 'Revenue', format: { type: 'money', currency: 'EUR' } },
      data: rows,
    });
    const trend = fc.shuffledSubarray(CATEGORIES, { minLength: 1 }).chain((categories) =>
      fc
        .array(fc.integer({ min: 0, max: 1_000_000 }), {
          minLength: categories.length,
          maxLength: categories.length,
        })
        .map((values) => categories.map((c, i) => ({ c, v: values[i]! }))),
    );
    // The first draw of each kind is on a fresh shared view: the reference.
    const reference = await Promise.all(
      (['line', 'area', 'bar'] as const).map(async (kind) => {
        const rows = [
          { c: 'Q2', v: 5 },
          { c: 'Q1', v: 9 },
          { c: 'Q4', v: 0 },
        ];
        return { kind, rows, svg: await renderChartSvg(compact(kind, rows)) };
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...reference), trend, async ({ kind, rows, svg }, other) => {
        await renderChartSvg(compact(kind, other));
        expect(await renderChartSvg(compact(kind, rows))).toBe(svg);
      }),
      { numRuns: 60 },
    );
  });
});
