import { z } from 'zod';
import { Label, ReportId } from './reportText.js';

/** The colour family of a heat-map state; the renderer picks the shades. */
export const Tone = z.enum(['positive', 'info', 'warning', 'negative', 'neutral', 'muted']);
/** The colour family of a heat-map state. */
export type Tone = z.infer<typeof Tone>;

/**
 * One state a heat-map cell can be in, e.g. `buying`, `open opportunity`, `whitespace`. It
 * carries a label and a short symbol shown in the cell, so colour is never the only carrier.
 */
export const HeatMapState = z.object({
  key: ReportId,
  label: Label,
  /** One to three characters printed in the cell (`●`, `◐`, `○`, `–`). */
  symbol: z.string().min(1).max(3),
  tone: Tone,
});
/** One state a heat-map cell can be in. */
export type HeatMapState = z.infer<typeof HeatMapState>;

/** One row of a heat map: its label and the state key of each column (by column key). */
export const HeatMapRow = z.object({
  label: Label,
  cells: z.record(z.string(), ReportId.nullable()),
});
/** One row of a heat map. */
export type HeatMapRow = z.infer<typeof HeatMapRow>;

/**
 * A grid of rows by columns with a state in each cell: the whitespace grid (accounts by
 * product line: buying, open opportunity, whitespace). A missing or `null` cell is empty.
 */
export const HeatMapBlock = z
  .object({
    type: z.literal('heatMap'),
    caption: Label,
    /** The heading of the row-label column, e.g. `Account`. */
    rowHeader: Label,
    columns: z
      .array(z.object({ key: ReportId, label: Label }))
      .min(1)
      .max(40),
    states: z.array(HeatMapState).min(1).max(12),
    rows: z.array(HeatMapRow),
  })
  .superRefine((map, ctx) => {
    const columns = new Set(map.columns.map((column) => column.key));
    const states = new Set(map.states.map((state) => state.key));
    if (columns.size !== map.columns.length) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'column keys must be unique' });
    }
    if (states.size !== map.states.length) {
      ctx.addIssue({ code: 'custom', path: ['states'], message: 'state keys must be unique' });
    }
    map.rows.forEach((row, index) => {
      for (const [key, state] of Object.entries(row.cells)) {
        if (!columns.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rows', index, 'cells', key],
            message: 'no such column',
          });
        } else if (state !== null && !states.has(state)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rows', index, 'cells', key],
            message: 'no such state',
          });
        }
      }
    });
  });
/** A grid of rows by columns with a state in each cell. */
export type HeatMapBlock = z.infer<typeof HeatMapBlock>;
