import { roundMinor } from '@account-planning/core';
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import type { ChartBlock } from '../document/chartBlock.js';
import {
  currencyDigits,
  DEFAULT_LOCALE,
  formatMoney,
  formatPercent,
  minorToDecimal,
} from '../formatting/formatValue.js';
import { escapeHtml } from '../html/escapeHtml.js';
import { categoryLabel } from './chartDataTable.js';
import { estimateTextWidth } from './estimateTextWidth.js';
import { isPlainTrend, type SparklineEngine, sparklineSvg } from './sparklineSvg.js';
import {
  type AxisValueFormat,
  DATA_NAME,
  VALUE_FORMAT_FUNCTION,
  vegaLiteSpec,
} from './vegaLiteSpec.js';

interface CachedView {
  readonly runtime: Vega.Runtime;
  /** A compact chart's view, drawn again for each chart of the shape (see {@link drawOn}). */
  shared?: { readonly view: Vega.View; queue: Promise<unknown> };
}

// Compiling a Vega-Lite spec and parsing it into a Vega runtime costs about 8 ms; so runtimes
// are kept per spec (the spec holds everything but the data). A chart with axes or series gets
// a view of its own (about 1 ms): a view reused for other data keeps the order its earlier
// data gave axis ticks and grid lines, so the same chart would come out as a different string
// after other charts. A compact chart (a sparkline: no axis, no legend, one series, categories
// sorted by row) has nothing of that kind: compact charts of one shape share one view, redrawn
// with each chart's data. The commonest of them, a compact line of plain values (the 500
// per-account trends of a review pack), skips Vega altogether: sparklineSvg draws it with the
// same d3 scales and line generator, a few microseconds instead of about 0.3 ms.
const views = new Map<string, CachedView>();
const MAX_VIEWS = 64;

// vega-scenegraph's text measurer, re-exported by vega but absent from its typings; replacing
// `width` is the documented way to measure text without a canvas (vl-convert does the same).
interface VegaTextMetrics {
  readonly textMetrics: { width: (item: unknown, text: unknown) => number };
}

/** Vega and Vega-Lite, and the d3 modules sparklines are drawn with, loaded and set up once. */
interface ChartEngine {
  readonly vega: typeof Vega;
  readonly compile: typeof VegaLite.compile;
  readonly logger: ReturnType<typeof Vega.logger>;
  readonly sparkline: SparklineEngine;
}

let engine: Promise<ChartEngine> | undefined;

/**
 * Loads Vega and Vega-Lite on first use. They are ES modules with top-level await, which
 * CommonJS cannot `require`; a dynamic import lets the CommonJS build of this package load
 * (and its Markdown and CSV renderers work) without them, and keeps them off the start-up
 * path of hosts that never draw a chart.
 */
function chartEngine(): Promise<ChartEngine> {
  engine ??= Promise.all([
    import('vega'),
    import('vega-lite'),
    import('d3-scale'),
    import('d3-shape'),
  ]).then(([vega, vegaLite, { scaleLinear, scalePoint }, { line }]) => {
    // Without a canvas Vega guesses 0.8 em per character; measure from a width table instead.
    (vega as unknown as VegaTextMetrics).textMetrics.width = (item, text) => {
      const { fontSize = 11, fontWeight } = item as { fontSize?: number; fontWeight?: unknown };
      const bold = fontWeight === 'bold' || (typeof fontWeight === 'number' && fontWeight >= 600);
      return estimateTextWidth(String(text ?? ''), fontSize, bold);
    };
    // Axis labels go through Intl like every other number in the report, instead of
    // d3-format strings that know nothing of currencies or locales.
    vega.expressionFunction(VALUE_FORMAT_FUNCTION, (value: number, spec: AxisValueFormat) => {
      switch (spec.format.type) {
        case 'money':
          return compactMoney(value, spec.format.currency, spec.locale);
        case 'percent':
          return formatPercent(value, spec.locale, spec.format.fractionDigits ?? 0);
        case 'number':
          return compactNumber(spec.locale).format(value);
      }
    });
    const logger = vega.logger(vega.Warn);
    const warn = logger.warn.bind(logger);
    // Vega-Lite says it drops "fit-y" for a horizontal bar chart whose height is set per bar,
    // which is what we ask for (fit-x only): not worth a line on a host's console per chart.
    logger.warn = (...args: readonly unknown[]) =>
      typeof args[0] === 'string' && args[0].startsWith('Dropping "fit-y"')
        ? logger
        : warn(...args);
    return {
      vega,
      compile: vegaLite.compile,
      logger,
      sparkline: { scaleLinear, scalePoint, line },
    };
  });
  return engine;
}

function compactMoney(majorUnits: number, currency: string, locale: string): string {
  // Axis ticks are positions on a scale, not amounts: round them to whole minor units first.
  const minor = roundMinor(majorUnits * 10 ** currencyDigits(currency));
  return formatMoney(minor, currency, locale, { compact: true });
}

const compactNumbers = new Map<string, Intl.NumberFormat>();

function compactNumber(locale: string): Intl.NumberFormat {
  let format = compactNumbers.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    compactNumbers.set(locale, format);
  }
  return format;
}

/**
 * What the spec depends on besides the data: a cheap key, so that a cache hit does not build
 * the spec. Compact charts draw no titles, so every compact trend of a pack shares one view.
 */
function shapeKey(chart: ChartBlock, locale: string): string {
  const titles =
    chart.size === 'compact' ? [] : [chart.x.label, chart.y.label, chart.series?.label];
  return JSON.stringify([
    chart.kind,
    chart.size ?? 'standard',
    chart.series !== undefined,
    chart.y.format,
    locale,
    ...titles,
  ]);
}

function runtimeFor(
  { vega, compile, logger }: ChartEngine,
  chart: ChartBlock,
  locale: string,
): CachedView {
  const key = shapeKey(chart, locale);
  let cached = views.get(key);
  if (cached) {
    // Most recently used last, so the oldest entry is the first to go.
    views.delete(key);
  } else {
    const spec = vegaLiteSpec(chart, locale);
    cached = { runtime: vega.parse(compile(spec, { logger }).spec) };
  }
  views.set(key, cached);
  if (views.size > MAX_VIEWS) {
    const oldest = views.keys().next().value as string;
    views.get(oldest)?.shared?.view.finalize();
    views.delete(oldest);
  }
  return cached;
}

interface Row {
  /** The row's index: categories are laid out in the order of their first row. */
  readonly i: number;
  readonly c: string;
  readonly v: number | null;
  readonly s?: string;
  /** The series' place in order of first appearance: stacks are laid in legend order. */
  readonly o?: number;
}

function rowsOf(chart: ChartBlock, locale: string): Row[] {
  const format = chart.y.format;
  const seriesOrder = new Map<string, number>();
  // Drawing needs a position, not an amount: money in major units, the double nearest the exact
  // decimal. Dividing a safe integer by a power of ten (both exact) rounds once, to that same
  // double, without building the decimal's text; minorToDecimal rejects anything else.
  const perMajorUnit = format.type === 'money' ? 10 ** currencyDigits(format.currency) : 1;
  return chart.data.map((datum, i) => {
    const raw = datum[chart.y.field];
    const value =
      typeof raw !== 'number'
        ? null
        : format.type === 'money'
          ? Number.isSafeInteger(raw)
            ? raw / perMajorUnit
            : Number(minorToDecimal(raw, format.currency))
          : raw;
    const row: Row = { i, c: categoryLabel(chart, datum[chart.x.field], locale), v: value };
    if (!chart.series) return row;
    const series = String(datum[chart.series.field]);
    let order = seriesOrder.get(series);
    if (order === undefined) {
      order = seriesOrder.size;
      seriesOrder.set(series, order);
    }
    return { ...row, s: series, o: order };
  });
}

/**
 * A chart drawn to a standalone SVG string by Vega-Lite and Vega on the server, with no DOM
 * and no external references (no fonts, images or links: text uses the reader's system
 * fonts). The root `<svg>` has `role="img"`, an `aria-label` and a `<title>` holding the
 * chart's alt text. Compiled specs are cached per chart shape, so charts that differ only in
 * data cost a new view and a draw, not a compile. A compact line chart of plain values (a
 * sparkline) is drawn with d3-scale and d3-shape, as Vega would draw it (see sparklineSvg). The
 * same chart always gives the same string, whatever was drawn before.
 */
export async function renderChartSvg(
  chart: ChartBlock,
  locale: string = DEFAULT_LOCALE,
): Promise<string> {
  const loaded = await chartEngine();
  const rows = rowsOf(chart, locale);
  const compact = chart.size === 'compact' && chart.series === undefined;
  if (compact && chart.kind === 'line' && isPlainTrend(rows)) {
    return accessibleSvg(sparklineSvg(loaded.sparkline, rows), chart.alt);
  }
  const cached = runtimeFor(loaded, chart, locale);
  if (compact) return accessibleSvg(await drawOn(loaded, cached, rows), chart.alt);
  const view = new loaded.vega.View(cached.runtime, { renderer: 'none' });
  try {
    view.data(DATA_NAME, rows);
    return accessibleSvg(await view.toSVG(), chart.alt);
  } finally {
    view.finalize();
  }
}

/** Draws rows on the shape's shared view, one draw at a time (each sets the data, then draws). */
function drawOn({ vega }: ChartEngine, cached: CachedView, rows: Row[]): Promise<string> {
  cached.shared ??= {
    view: new vega.View(cached.runtime, { renderer: 'none' }),
    queue: Promise.resolve(),
  };
  const shared = cached.shared;
  const draw = async () => {
    shared.view.data(DATA_NAME, rows);
    return shared.view.toSVG();
  };
  const drawn = shared.queue.then(draw, draw);
  shared.queue = drawn.catch(() => undefined);
  return drawn;
}

const XLINK = ' xmlns:xlink="http://www.w3.org/1999/xlink"';

function accessibleSvg(svg: string, alt: string): string {
  const label = escapeHtml(alt);
  // Vega's root element starts `<svg xmlns=...`; the xlink namespace it declares is unused.
  // Cut and spliced by position: a pack has hundreds of these, and a regular expression over
  // each whole picture costs more than the rest of this function.
  const xlink = svg.indexOf(XLINK);
  const plain = xlink < 0 ? svg : svg.slice(0, xlink) + svg.slice(xlink + XLINK.length);
  if (!plain.startsWith('<svg ')) return plain;
  // The root's attributes are Vega's own (size, view box, namespaces): none holds a `>`.
  const end = plain.indexOf('>');
  return `${plain.slice(0, end)} role="img" aria-label="${label}"><title>${label}</title>${plain.slice(end + 1)}`;
}
