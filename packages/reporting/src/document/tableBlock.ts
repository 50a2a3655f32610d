import { z } from 'zod';
import { Label, ReportId } from './reportText.js';
import {
  DateFormat,
  MoneyFormat,
  NumberFormat,
  PercentFormat,
  TextFormat,
  valueProblem,
} from './valueFormat.js';

const columnNaming = { key: ReportId, label: Label };

/**
 * A typed table column: the `type` says what every cell of the column holds and how it is
 * shown (text; a date; money in integer minor units of `currency`; a ratio shown as a
 * percentage; a number with an optional unit).
 */
export const TableColumn = z.discriminatedUnion('type', [
  TextFormat.extend(columnNaming),
  DateFormat.extend(columnNaming),
  MoneyFormat.extend(columnNaming),
  PercentFormat.extend(columnNaming),
  NumberFormat.extend(columnNaming),
]);
/** A typed table column. */
export type TableColumn = z.infer<typeof TableColumn>;

/**
 * One table row: cells by column key. A missing key or `null` is an empty cell; every other
 * cell must fit its column's type.
 */
export const TableRow = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
/** One table row: cells by column key. */
export type TableRow = z.infer<typeof TableRow>;

/**
 * A table with a caption, typed columns, body rows and optional footer rows (totals). When the
 * first column is text it heads its row (`<th scope="row">` in HTML).
 */
export const TableBlock = z
  .object({
    type: z.literal('table'),
    /** Names the CSV file of this table (`<id>.csv`); unique in the document when given. */
    id: ReportId.optional(),
    caption: Label,
    columns: z.array(TableColumn).min(1).max(40),
    rows: z.array(TableRow),
    footer: z.array(TableRow).optional(),
    /** Shown instead of an empty body, e.g. `No overdue actions`. */
    emptyText: Label.optional(),
  })
  .superRefine((table, ctx) => {
    const columns = new Map(table.columns.map((column) => [column.key, column]));
    if (columns.size !== table.columns.length) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'column keys must be unique' });
    }
    const checkRows = (rows: readonly TableRow[], where: 'rows' | 'footer') => {
      rows.forEach((row, index) => {
        for (const [key, cell] of Object.entries(row)) {
          const column = columns.get(key);
          if (!column) {
            ctx.addIssue({ code: 'custom', path: [where, index, key], message: 'no such column' });
            continue;
          }
          const problem = cell === null ? undefined : valueProblem(column, cell);
          if (problem)
            ctx.addIssue({ code: 'custom', path: [where, index, key], message: problem });
        }
      });
    };
    checkRows(table.rows, 'rows');
    checkRows(table.footer ?? [], 'footer');
  });
/** A table with a caption, typed columns and rows. */
export type TableBlock = z.infer<typeof TableBlock>;
