import type { TableBlock, TableColumn, TableRow } from '../document/tableBlock.js';
import { formatValue } from '../formatting/formatValue.js';
import { escapeHtml as esc } from './escapeHtml.js';

// Money, percentages and numbers are right-aligned in tabular figures.
function isNumericColumn(column: TableColumn): boolean {
  return column.type === 'money' || column.type === 'percent' || column.type === 'number';
}

/**
 * A table block as an HTML table: a `<caption>`, `<th scope="col">` headers, the first text
 * column as `<th scope="row">`, numbers right-aligned in tabular figures, footer rows in
 * `<tfoot>`, and the empty text in place of an empty body.
 */
export function tableHtml(block: TableBlock, locale: string): string {
  const rowHeader = block.columns[0]?.type === 'text';
  const head = block.columns
    .map(
      (column) =>
        `<th scope="col"${isNumericColumn(column) ? ' class="num"' : ''}>${esc(column.label)}</th>`,
    )
    .join('');
  const row = (cells: TableRow) =>
    `<tr>${block.columns
      .map((column, i) => {
        const text = esc(formatValue(column, cells[column.key] ?? null, locale));
        if (i === 0 && rowHeader) return `<th scope="row">${text}</th>`;
        return isNumericColumn(column) ? `<td class="num">${text}</td>` : `<td>${text}</td>`;
      })
      .join('')}</tr>`;
  const body =
    block.rows.length > 0
      ? block.rows.map(row).join('')
      : `<tr><td class="empty" colspan="${block.columns.length}">${esc(block.emptyText ?? 'No rows.')}</td></tr>`;
  const foot = block.footer?.length ? `<tfoot>${block.footer.map(row).join('')}</tfoot>` : '';
  return `<div class="table-wrap"><table><caption>${esc(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table></div>`;
}
