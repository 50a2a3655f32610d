import type * as D3Scale from 'd3-scale';
import type * as D3Shape from 'd3-shape';
import { SERIES_COLOURS } from './chartPalette.js';
import { COMPACT_PLOT_HEIGHT, COMPACT_WIDTH, PADDING } from './vegaLiteSpec.js';

/** The d3 modules a sparkline is drawn with: the scales and line generator Vega itself uses. */
export interface SparklineEngine {
  readonly scalePoint: typeof D3Scale.scalePoint;
  readonly scaleLinear: typeof D3Scale.scaleLinear;
  readonly line: typeof D3Shape.line;
}

/** A sparkline's point: its category and its value (in major units for money). */
export interface SparklinePoint {
  readonly c: string;
  readonly v: number | null;
}

/**
 * True when the points can be drawn as a plain sparkline: at least one, every value a finite
 * number and no category twice. Anything else is left to Vega-Lite, which has rules for it.
 */
export function isPlainTrend(
  points: readonly SparklinePoint[],
): points is readonly { c: string; v: number }[] {
  if (points.length === 0) return false;
  const seen = new Set<string>();
  for (const { c, v } of points) {
    if (typeof v !== 'number' || !Number.isFinite(v) || seen.has(c)) return false;
    seen.add(c);
  }
  return true;
}

const PLOT_WIDTH = COMPACT_WIDTH - 2 * PADDING;
const HEIGHT = COMPACT_PLOT_HEIGHT + 2 * PADDING;

/**
 * A compact line chart (a sparkline) as SVG, drawn with d3-scale and d3-shape: the line Vega-Lite
 * draws for the compact spec of `vegaLiteSpec` (categories on a point scale with half a step of
 * padding, values on a linear scale from their minimum to their maximum, no zero and no nice
 * rounding, coordinates to three decimals), in the same 160 x 44 frame. A review pack draws one
 * per account: through a Vega view each costs about 0.3 ms, most of a 500-account pack's
 * rendering; this costs a few microseconds. A property test holds it to Vega's own drawing.
 */
export function sparklineSvg(
  { scalePoint, scaleLinear, line }: SparklineEngine,
  points: readonly { readonly c: string; readonly v: number }[],
): string {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const { v } of points) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const x = scalePoint<string>()
    .domain(points.map((point) => point.c))
    .range([0, PLOT_WIDTH])
    .padding(0.5);
  const y = scaleLinear().domain([min, max]).range([COMPACT_PLOT_HEIGHT, 0]);
  const path = line<{ readonly c: string; readonly v: number }>(
    (point) => x(point.c) as number,
    (point) => y(point.v),
  ).digits(3)(points);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${COMPACT_WIDTH}" height="${HEIGHT}" viewBox="0 0 ${COMPACT_WIDTH} ${HEIGHT}">` +
    `<rect width="${COMPACT_WIDTH}" height="${HEIGHT}" fill="white"/>` +
    `<path transform="translate(${PADDING},${PADDING})" d="${path ?? ''}" fill="none" stroke="${SERIES_COLOURS[0]}" stroke-width="1.5" stroke-miterlimit="4"/>` +
    '</svg>'
  );
}
