import type { TopLevelSpec } from 'vega-lite';
import type { ChartBlock } from '../document/chartBlock.js';
import type { MeasureFormat } from '../document/valueFormat.js';
import { FONT_STACK, SERIES_COLOURS } from './chartPalette.js';

/** The name of the Vega expression function that formats axis values (see renderChartSvg). */
export const VALUE_FORMAT_FUNCTION = 'accountPlanningValue';

/** What the axis formatter gets: the measure format and the locale. */
export interface AxisValueFormat {
  readonly format: MeasureFormat;
  readonly locale: string;
}

/** The data source every compiled chart reads; filled per render. */
export const DATA_NAME = 'rows';

// Every chart has 4 px of padding: on a compact chart, whose frame is fixed, that holds a
// line's stroke, which Vega bounds 3 px past its points (1.5 px and its miter).
export const PADDING = 4;
/** A compact chart's width in pixels, padding included. */
export const COMPACT_WIDTH = 160;
/** A compact chart's plot height in pixels, padding excluded. */
export const COMPACT_PLOT_HEIGHT = 36;

/**
 * The Vega-Lite specification of a chart, without its data: one spec per (kind, axes, series,
 * size, locale), so charts that differ only in data (one revenue trend per account) share one
 * compiled spec and one Vega view. Rows are read from the named data source {@link DATA_NAME}
 * with fields `c` (category label), `v` (value, in major units for money), `s` (series), `o`
 * (the series' order of first appearance) and `i` (the row's index, which orders the categories).
 *
 * A `compact` chart is a sparkline: the shape of a trend with no axes, grid or titles (its
 * range is told in words beside it). Axes are most of the cost of drawing a chart, and a
 * review pack draws one trend per account.
 */
export function vegaLiteSpec(chart: ChartBlock, locale: string): TopLevelSpec {
  const compact = chart.size === 'compact';
  const horizontal = chart.kind === 'horizontalBar' || chart.kind === 'stackedHorizontalBar';
  const stacked = chart.kind === 'stackedBar' || chart.kind === 'stackedHorizontalBar';
  const hasSeries = chart.series !== undefined;
  const axisFormat: AxisValueFormat = { format: chart.y.format, locale };

  const category = {
    field: 'c',
    type: 'ordinal' as const,
    // In the order of the rows, from each row's index `i`: `sort: null` (order of appearance)
    // would let a reused view keep the places of categories it saw in an earlier chart.
    sort: { field: 'i', op: 'min' as const },
    // Long category names on a horizontal bar chart speak for themselves; the caption says
    // what they are.
    title: horizontal ? null : chart.x.label,
    axis: compact
      ? null
      : horizontal
        ? { labelLimit: 300, ticks: false, domain: false }
        : { labelAngle: 0, labelOverlap: 'greedy' as const, labelSeparation: 8, ticks: false },
  };
  const value = {
    field: 'v',
    type: 'quantitative' as const,
    title: chart.y.label,
    stack: stacked || (chart.kind === 'area' && hasSeries) ? ('zero' as const) : null,
    axis: compact
      ? null
      : {
          format: axisFormat as unknown as string,
          formatType: VALUE_FORMAT_FUNCTION,
          tickCount: 5,
          domain: false,
          ticks: false,
          labelPadding: 4,
        },
    // A trend's story is its shape: lines and sparklines start near the data, bars at zero.
    scale: { zero: chart.kind !== 'line' && !compact, nice: !compact },
  };
  // Four entries a row at most, so a legend of many series wraps instead of running off.
  const legend = compact
    ? null
    : { orient: 'bottom' as const, direction: 'horizontal' as const, columns: 4 };
  const bySeries = (channel: object) =>
    hasSeries
      ? { field: 's', type: 'nominal' as const, sort: null, title: chart.series!.label, ...channel }
      : undefined;

  const colour = hasSeries ? {} : { color: SERIES_COLOURS[0] };
  const mark = (() => {
    switch (chart.kind) {
      case 'line':
        return compact
          ? { type: 'line' as const, strokeWidth: 1.5, ...colour }
          : { type: 'line' as const, strokeWidth: 2, point: { filled: true, size: 36 }, ...colour };
      case 'area':
        return {
          type: 'area' as const,
          line: { strokeWidth: 1.5 },
          opacity: hasSeries ? 0.75 : 0.3,
          ...colour,
        };
      default:
        return { type: 'bar' as const, ...colour };
    }
  })();

  const encoding = {
    [horizontal ? 'y' : 'x']: category,
    [horizontal ? 'x' : 'y']: value,
    ...(hasSeries ? { color: bySeries({ scale: { range: [...SERIES_COLOURS] }, legend }) } : {}),
    ...(hasSeries && chart.kind === 'bar' ? { xOffset: { field: 's', sort: null } } : {}),
    // Stacks follow the legend (series in order of first appearance), not the alphabet.
    ...(hasSeries && stacked ? { order: { field: 'o', type: 'quantitative' as const } } : {}),
    ...(hasSeries && chart.kind === 'horizontalBar' ? { yOffset: { field: 's', sort: null } } : {}),
    // Colour is not the only carrier: each series of a line chart has its own dash and marker.
    ...(hasSeries && chart.kind === 'line'
      ? { strokeDash: bySeries({ legend }), shape: bySeries({ legend }) }
      : {}),
  };

  return {
    data: { name: DATA_NAME },
    width: compact ? COMPACT_WIDTH - 2 * PADDING : 680,
    height: horizontal ? { step: compact ? 12 : 24 } : compact ? COMPACT_PLOT_HEIGHT : 240,
    // The whole picture, axes and legend included, is this wide, so every standard chart
    // lines up with the text column and scales the same way. A compact chart has a fixed frame
    // instead, the same whatever its data, so that many can be drawn in one run (renderChartSvg).
    autosize: compact ? { type: 'none' } : { type: 'fit-x', contains: 'padding' },
    padding: PADDING,
    background: 'white',
    mark,
    encoding,
    config: {
      customFormatTypes: true,
      aria: false,
      font: FONT_STACK,
      view: { stroke: null },
      axis: {
        labelColor: '#333',
        titleColor: '#222',
        titleFontWeight: 600,
        labelFontSize: 11,
        titleFontSize: 11,
        gridColor: '#e4e4e4',
      },
      legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 600, labelColor: '#333' },
    },
  } as TopLevelSpec;
}
