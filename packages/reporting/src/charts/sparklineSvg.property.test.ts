import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import fc from 'fast-check';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { ChartBlock } from '../document/chartBlock.js';
import { isPlainTrend, sparklineSvg } from './sparklineSvg.js';
import { DATA_NAME, vegaLiteSpec } from './vegaLiteSpec.js';

const engine = { scaleLinear, scalePoint, line };

const trendChart: ChartBlock = {
  type: 'chart',
  kind: 'line',
  size: 'compact',
  caption: 'Revenue by month',
  alt: 'Revenue by month.',
  x: { field: 'period', label: 'Month', format: 'text' },
  y: { field: 'revenue', label: 'Revenue', format: { type: 'money', currency: 'EUR' } },
  data: [],
};
const runtime = vega.parse(compile(vegaLiteSpec(trendChart, 'en-GB')).spec);

/** The line Vega draws for the compact line spec and these rows: its path data. */
async function vegaLine(rows: readonly { i: number; c: string; v: number }[]): Promise<string> {
  const view = new vega.View(runtime, { renderer: 'none' });
  try {
    view.data(DATA_NAME, rows);
    const svg = await view.toSVG();
    const found = /class="mark-line[^>]*><path d="([^"]*)"/.exec(svg);
    if (!found) throw new Error(`no line in ${svg}`);
    return found[1] as string;
  } finally {
    view.finalize();
  }
}

const ourLine = (rows: readonly { c: string; v: number }[]) =>
  /<path transform="translate\(4,4\)" d="([^"]*)"/.exec(sparklineSvg(engine, rows))?.[1];

// Revenue in major units: whole or with cents, losses too, from small to very large books.
const amount = fc.oneof(
  fc.integer({ min: -1_000_000, max: 10_000_000 }),
  fc.integer({ min: -100_000_000, max: 1_000_000_000 }).map((cents) => cents / 100),
);

describe('sparklineSvg', () => {
  it('draws the line Vega-Lite draws for the compact line spec, point for point', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(amount, { minLength: 1, maxLength: 40 }), async (values) => {
        const rows = values.map((v, i) => ({ i, c: `P${i}`, v }));
        expect(ourLine(rows)).toBe(await vegaLine(rows));
      }),
      { numRuns: 150 },
    );
  });

  it('draws a single point, a flat trend and a rise in the fixed 160 x 44 frame', () => {
    const svg = sparklineSvg(engine, [
      { c: 'Jan', v: 100 },
      { c: 'Feb', v: 300 },
      { c: 'Mar', v: 200 },
    ]);
    expect(svg).toContain('width="160" height="44" viewBox="0 0 160 44"');
    expect(ourLine([{ c: 'Jan', v: 100 }])).toBe('M76,18Z');
    expect(
      ourLine([
        { c: 'Jan', v: 5 },
        { c: 'Feb', v: 5 },
      ]),
    ).toBe('M38,18L114,18');
    expect(
      ourLine([
        { c: 'Jan', v: 100 },
        { c: 'Feb', v: 300 },
        { c: 'Mar', v: 200 },
      ]),
    ).toBe('M25.333,36L76,0L126.667,18');
  });

  it('leaves to Vega what is not a plain trend: no points, a missing value, a category twice', () => {
    expect(isPlainTrend([])).toBe(false);
    expect(isPlainTrend([{ c: 'Jan', v: null }])).toBe(false);
    expect(isPlainTrend([{ c: 'Jan', v: Number.NaN }])).toBe(false);
    expect(
      isPlainTrend([
        { c: 'Jan', v: 1 },
        { c: 'Jan', v: 2 },
      ]),
    ).toBe(false);
    expect(
      isPlainTrend([
        { c: 'Jan', v: 1 },
        { c: 'Feb', v: 2 },
      ]),
    ).toBe(true);
  });
});
