import type { ChartBlock } from '../document/chartBlock.js';
import { formatMonth, formatQuarter, formatValue } from '../formatting/formatValue.js';

/** A chart's data as a small text table: what a reader without the picture gets. */
export interface ChartDataTable {
  readonly headers: readonly string[];
  /** Formatted cells; the first cell of each row is the category. */
  readonly rows: readonly (readonly string[])[];
}

// Per-account trends label the same twelve months hundreds of times: labels by format and
// locale, then by value.
const labels = new Map<string, Map<string, string>>();

/** The label of a category value, by the category axis format. */
export function categoryLabel(chart: ChartBlock, value: unknown, locale: string): string {
  const text = value === null || value === undefined ? '' : String(value);
  const format = chart.x.format ?? 'text';
  if (format === 'text') return text;
  const kind = `${format}|${locale}`;
  let ofKind = labels.get(kind);
  if (!ofKind) {
    ofKind = new Map();
    labels.set(kind, ofKind);
  }
  let label = ofKind.get(text);
  if (label === undefined) {
    label = formatCategory(format, text, locale);
    if (ofKind.size < 10_000) ofKind.set(text, label);
  }
  return label;
}

function formatCategory(
  format: 'month' | 'quarter' | 'date',
  text: string,
  locale: string,
): string {
  switch (format) {
    case 'month':
      return formatMonth(text, locale);
    case 'quarter':
      return formatQuarter(text);
    case 'date':
      return formatValue({ type: 'date' }, text, locale);
  }
}

/**
 * A chart's data as a table of formatted text: one row per category in data order, with one
 * value column, or one column per series (in order of first appearance) when the chart has
 * series.
 */
export function chartDataTable(chart: ChartBlock, locale: string): ChartDataTable {
  const categories: string[] = [];
  const seriesNames: string[] = [];
  const values = new Map<string, Map<string, number | null>>();
  for (const datum of chart.data) {
    const category = String(datum[chart.x.field]);
    const series = chart.series ? String(datum[chart.series.field]) : '';
    let row = values.get(category);
    if (!row) {
      row = new Map();
      values.set(category, row);
      categories.push(category);
    }
    if (!seriesNames.includes(series)) seriesNames.push(series);
    const value = datum[chart.y.field];
    row.set(series, typeof value === 'number' ? value : null);
  }
  const headers = chart.series ? [chart.x.label, ...seriesNames] : [chart.x.label, chart.y.label];
  const rows = categories.map((category) => [
    categoryLabel(chart, category, locale),
    ...seriesNames.map((series) =>
      formatValue(chart.y.format, values.get(category)?.get(series) ?? null, locale),
    ),
  ]);
  return { headers, rows };
}
