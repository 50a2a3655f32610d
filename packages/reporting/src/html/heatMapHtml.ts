import type { HeatMapBlock } from '../document/heatMapBlock.js';
import { escapeHtml as esc } from './escapeHtml.js';

/**
 * A heat map as an HTML table: column and row headers with scopes, each cell showing its
 * state's symbol on its tone's colour with the state's name for screen readers, then a legend
 * of symbol, colour and name, so colour is never the only carrier.
 */
export function heatMapHtml(block: HeatMapBlock): string {
  const states = new Map(block.states.map((state) => [state.key, state]));
  const head = `<th scope="col">${esc(block.rowHeader)}</th>${block.columns
    .map((column) => `<th scope="col" class="cell-head">${esc(column.label)}</th>`)
    .join('')}`;
  const rows = block.rows
    .map((row) => {
      const cells = block.columns
        .map((column) => {
          const state = states.get(row.cells[column.key] ?? '');
          if (!state) return '<td class="cell empty"><span class="sr-only">none</span></td>';
          return `<td class="cell tone-${esc(state.tone)}"><span aria-hidden="true">${esc(state.symbol)}</span><span class="sr-only">${esc(state.label)}</span></td>`;
        })
        .join('');
      return `<tr><th scope="row">${esc(row.label)}</th>${cells}</tr>`;
    })
    .join('');
  const legend = block.states
    .map(
      (state) =>
        `<li><span class="cell tone-${esc(state.tone)}" aria-hidden="true">${esc(state.symbol)}</span>${esc(state.label)}</li>`,
    )
    .join('');
  return `<div class="heat-map"><div class="table-wrap"><table><caption>${esc(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div><ul class="legend" aria-label="Key">${legend}</ul></div>`;
}
