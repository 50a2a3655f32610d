import { z } from 'zod';
import { Label, ProseText } from './reportText.js';
import { MeasureFormat } from './valueFormat.js';

/**
 * The kinds of chart a report draws: a line or area over time, vertical bars, bars stacked
 * by series, or horizontal bars (categories down the side, for long names and rankings),
 * grouped by series or stacked (`stackedHorizontalBar`: a score split into its factors, a
 * rep's revenue split into product lines).
 */
export const ChartKind = z.enum([
  'line',
  'area',
  'bar',
  'stackedBar',
  'horizontalBar',
  'stackedHorizontalBar',
]);
/** The kinds of chart a report draws. */
export type ChartKind = z.infer<typeof ChartKind>;

/**
 * The category axis: which field of each data row names the category, its axis label, and
 * how its values are shown (`month` turns `2026-03` into `Mar 26`, `quarter` turns `2026-Q1`
 * into `Q1 26`). Categories keep the order of the data rows.
 */
export const ChartCategoryAxis = z.object({
  field: z.string().min(1),
  label: Label,
  format: z.enum(['text', 'month', 'quarter', 'date']).optional(),
});
/** The category axis of a chart. */
export type ChartCategoryAxis = z.infer<typeof ChartCategoryAxis>;

/**
 * The value axis: which field of each data row holds the value, its axis label, and its
 * format. Money values are integers of minor units, percentages ratios (`0.125`).
 */
export const ChartValueAxis = z.object({
  field: z.string().min(1),
  label: Label,
  format: MeasureFormat,
});
/** The value axis of a chart. */
export type ChartValueAxis = z.infer<typeof ChartValueAxis>;

/** The field that splits the data into series (product lines, territories), with its label. */
export const ChartSeries = z.object({ field: z.string().min(1), label: Label });
/** The field that splits the data into series. */
export type ChartSeries = z.infer<typeof ChartSeries>;

/** One data row of a chart: values by field name. */
export const ChartDatum = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
/** One data row of a chart. */
export type ChartDatum = z.infer<typeof ChartDatum>;

/**
 * A small, typed chart specification, drawn to SVG on the server. `x` is always the category
 * (drawn down the side for `horizontalBar` and `stackedHorizontalBar`), `y` always the measured value. `alt` is required:
 * it is the chart's text alternative for screen readers and text renderers. `size: 'compact'`
 * draws a small trend (for example one per account in a review pack) without axis titles.
 */
export const ChartBlock = z
  .object({
    type: z.literal('chart'),
    kind: ChartKind,
    caption: Label,
    alt: ProseText.min(1),
    x: ChartCategoryAxis,
    y: ChartValueAxis,
    series: ChartSeries.optional(),
    size: z.enum(['standard', 'compact']).optional(),
    data: z.array(ChartDatum).max(5_000),
  })
  .superRefine((chart, ctx) => {
    chart.data.forEach((datum, index) => {
      const category = datum[chart.x.field];
      if (typeof category !== 'string' && typeof category !== 'number') {
        ctx.addIssue({
          code: 'custom',
          path: ['data', index, chart.x.field],
          message: 'expected a category (text or number)',
        });
      }
      const value = datum[chart.y.field];
      const valid =
        value === null ||
        (chart.y.format.type === 'money'
          ? Number.isSafeInteger(value)
          : typeof value === 'number' && Number.isFinite(value));
      if (!valid) {
        ctx.addIssue({
          code: 'custom',
          path: ['data', index, chart.y.field],
          message:
            chart.y.format.type === 'money'
              ? 'expected money as a whole number of minor units'
              : 'expected a finite number',
        });
      }
      if (chart.series && typeof datum[chart.series.field] !== 'string') {
        ctx.addIssue({
          code: 'custom',
          path: ['data', index, chart.series.field],
          message: 'expected a series name',
        });
      }
    });
  });
/** A small, typed chart specification. */
export type ChartBlock = z.infer<typeof ChartBlock>;
