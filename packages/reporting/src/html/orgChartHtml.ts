import {
  childrenByManager,
  type OrgChartBlock,
  type OrgChartPerson,
  STANCE_LABELS,
  Stance,
} from '../document/orgChartBlock.js';
import { escapeHtml as esc } from './escapeHtml.js';

/**
 * An org chart as nested HTML lists drawn as a tree: each person a box with name, title,
 * tags and the stance in words, its colour a second carrier, then a legend of every stance.
 * Managers' reports sit side by side; a manager whose reports have no reports of their own
 * gets them stacked in a column, which keeps a wide organisation within the page.
 */
export function orgChartHtml(block: OrgChartBlock): string {
  const children = childrenByManager(block.people);
  const person = (p: OrgChartPerson): string => {
    const reports = children.get(p.id) ?? [];
    const title = p.title ? `<span class="title">${esc(p.title)}</span>` : '';
    const tags = (p.tags ?? []).map((tag) => `<span class="tag">${esc(tag)}</span>`).join('');
    const note = p.note ? `<span class="note">${esc(p.note)}</span>` : '';
    const stance = esc(p.stance);
    const box = `<div class="person stance-${stance}"><span class="stance">${STANCE_LABELS[p.stance] ?? stance}</span><span class="name">${esc(p.name)}</span>${title}${tags}${note}</div>`;
    if (reports.length === 0) return `<li>${box}</li>`;
    const stacked = reports.every((report) => !children.has(report.id));
    return `<li>${box}<ul${stacked ? ' class="stack"' : ''}>${reports.map(person).join('')}</ul></li>`;
  };
  const tops = children.get(undefined) ?? [];
  const legend = Stance.options
    .map(
      (stance) =>
        `<li><span class="swatch stance-${stance}" aria-hidden="true"></span>${STANCE_LABELS[stance]}</li>`,
    )
    .join('');
  return `<figure class="org-chart"><div class="org-scroll"><ul class="org-tree">${tops.map(person).join('')}</ul></div><figcaption>${esc(block.caption)}</figcaption><ul class="legend" aria-label="Stance">${legend}</ul></figure>`;
}
