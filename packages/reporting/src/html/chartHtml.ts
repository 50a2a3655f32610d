import { categoryLabel, chartDataTable } from '../charts/chartDataTable.js';
import type { ChartBlock, ChartDatum } from '../document/chartBlock.js';
import { formatMoney, formatValue } from '../formatting/formatValue.js';
import { escapeHtml as esc } from './escapeHtml.js';

/**
 * A chart block as a `<figure>`: `svg`, the chart drawn by Vega (`renderChartSvg`: with
 * `role="img"`, `aria-label` and `<title>` holding the alt text), a `<figcaption>`, and for standard charts the data behind
 * the picture in a closed `<details>` table. A compact chart (a sparkline) has its range in
 * words in the caption instead: first and last category, first and last value.
 */
export function chartHtml(block: ChartBlock, locale: string, svg: string): string {
  if (block.size === 'compact') {
    // Only the ends are told in words: a pack draws hundreds of these, so no data table.
    const first = block.data[0];
    const last = block.data.at(-1);
    const range =
      first && last && !block.series
        ? `<span class="range">${esc(categoryLabel(block, first[block.x.field], locale))} – ${esc(categoryLabel(block, last[block.x.field], locale))}: ${esc(compactValue(block, first, locale))} → ${esc(compactValue(block, last, locale))}</span>`
        : '';
    return `<figure class="chart compact">${svg}<figcaption>${esc(block.caption)}${range}</figcaption></figure>`;
  }
  const data = chartDataTable(block, locale);
  const head = data.headers
    .map((header, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${esc(header)}</th>`)
    .join('');
  const rows = data.rows
    .map(
      (row) =>
        `<tr><th scope="row">${esc(row[0]!)}</th>${row
          .slice(1)
          .map((cell) => `<td class="num">${esc(cell)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  const table = `<details class="chart-data"><summary>Data<span class="sr-only"> behind the chart: ${esc(block.caption)}</span></summary><div class="table-wrap"><table><caption class="sr-only">${esc(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div></details>`;
  return `<figure class="chart">${svg}<figcaption>${esc(block.caption)}</figcaption>${rows ? table : ''}</figure>`;
}

function compactValue(block: ChartBlock, datum: ChartDatum, locale: string): string {
  const value = datum[block.y.field];
  if (typeof value !== 'number') return '–';
  const format = block.y.format;
  return format.type === 'money'
    ? formatMoney(value, format.currency, locale, { compact: true })
    : formatValue(format, value, locale);
}
