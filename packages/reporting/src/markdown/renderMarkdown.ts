import { chartDataTable } from '../charts/chartDataTable.js';
import type { ChartBlock } from '../document/chartBlock.js';
import type { HeatMapBlock } from '../document/heatMapBlock.js';
import type { KeyFiguresBlock } from '../document/keyFiguresBlock.js';
import {
  childrenByManager,
  type OrgChartBlock,
  type OrgChartPerson,
  STANCE_LABELS,
} from '../document/orgChartBlock.js';
import type { ReportBlock, ReportDocument } from '../document/reportDocument.js';
import type { TableBlock } from '../document/tableBlock.js';
import type { ChecklistBlock, ListBlock } from '../document/textBlocks.js';
import { DEFAULT_LOCALE, formatInstant, formatValue } from '../formatting/formatValue.js';
import { escapeMarkdown as esc, escapeMarkdownParagraphs } from './escapeMarkdown.js';

const TREND_ARROWS = { up: '▲', down: '▼', flat: '▶' } as const;

/**
 * The report as GitHub-flavoured Markdown: the title as the one `#` heading, metadata as a
 * list, sections as `##`, subsections as `###`, tables as pipe tables (numbers right-aligned),
 * each chart as its caption, alt text and data table, org charts as nested lists, checklists
 * as task lists. Every piece of text from the document is escaped, so data never becomes
 * markup. Pure: the same document gives the same string; ends with one newline.
 */
export function renderMarkdown(doc: ReportDocument): string {
  const locale = doc.locale ?? DEFAULT_LOCALE;
  const parts: string[] = [`# ${esc(doc.title)}`];
  if (doc.subtitle) parts.push(`_${esc(doc.subtitle)}_`);
  const metadata = [
    ...doc.metadata.map((entry) => `- **${esc(entry.label)}:** ${esc(entry.value)}`),
    `- **Generated:** ${esc(formatInstant(doc.generatedAt, locale))}`,
  ];
  parts.push(metadata.join('\n'));
  for (const section of doc.sections) {
    parts.push(`## ${esc(section.title)}`);
    for (const block of section.blocks) parts.push(renderBlock(block, 3, locale));
    for (const subsection of section.subsections ?? []) {
      parts.push(`### ${esc(subsection.title)}`);
      for (const block of subsection.blocks) parts.push(renderBlock(block, 4, locale));
    }
  }
  return `${parts.filter((part) => part.length > 0).join('\n\n')}\n`;
}

function renderBlock(block: ReportBlock, headingLevel: number, locale: string): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(headingLevel)} ${esc(block.text)}`;
    case 'paragraph':
      return escapeMarkdownParagraphs(block.text);
    case 'keyFigures':
      return keyFigures(block, locale);
    case 'table':
      return table(block, locale);
    case 'chart':
      return chart(block, locale);
    case 'list':
      return list(block);
    case 'checklist':
      return checklist(block);
    case 'orgChart':
      return orgChart(block);
    case 'heatMap':
      return heatMap(block);
  }
}

function keyFigures(block: KeyFiguresBlock, locale: string): string {
  return block.figures
    .map((figure) => {
      let line = `- **${esc(figure.label)}:** ${esc(formatValue(figure.format, figure.value, locale))}`;
      if (figure.trend)
        line += ` (${TREND_ARROWS[figure.trend.direction]} ${esc(figure.trend.text)})`;
      if (figure.note) line += ` — ${esc(figure.note)}`;
      return line;
    })
    .join('\n');
}

function pipeTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: readonly boolean[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(headers.map(esc)),
    line(headers.map((_, i) => (rightAligned[i] ? '---:' : '---'))),
    ...rows.map((row) => line(row.map((cell) => esc(cell)))),
  ].join('\n');
}

function table(block: TableBlock, locale: string): string {
  const caption = `**${esc(block.caption)}**`;
  const rows = [...block.rows, ...(block.footer ?? [])];
  if (rows.length === 0) return `${caption}\n\n_${esc(block.emptyText ?? 'No rows.')}_`;
  const cells = rows.map((row) =>
    block.columns.map((column) => formatValue(column, row[column.key] ?? null, locale)),
  );
  const numeric = block.columns.map((column) => isNumeric(column.type));
  return `${caption}\n\n${pipeTable(
    block.columns.map((column) => column.label),
    cells,
    numeric,
  )}`;
}

function isNumeric(type: string): boolean {
  return type === 'money' || type === 'percent' || type === 'number';
}

function chart(block: ChartBlock, locale: string): string {
  const data = chartDataTable(block, locale);
  const head = `**Figure: ${esc(block.caption)}**\n\n_${esc(block.alt)}_`;
  if (data.rows.length === 0) return head;
  return `${head}\n\n${pipeTable(
    data.headers,
    data.rows,
    data.headers.map((_, i) => i > 0),
  )}`;
}

function list(block: ListBlock): string {
  const numbered = block.style === 'numbered';
  return block.items.map((item, i) => `${numbered ? `${i + 1}.` : '-'} ${esc(item)}`).join('\n');
}

function checklist(block: ChecklistBlock): string {
  const lines = block.items.map((item) => {
    const detail = item.detail ? ` — ${esc(item.detail)}` : '';
    return `- [${item.done ? 'x' : ' '}] ${esc(item.text)}${detail}`;
  });
  const blank =
    block.blankStyle === 'lines' ? '- ____________________' : '- [ ] ____________________';
  for (let i = 0; i < (block.blankItems ?? 0); i++) lines.push(blank);
  return lines.join('\n');
}

function orgChart(block: OrgChartBlock): string {
  const children = childrenByManager(block.people);
  const lines: string[] = [];
  const visit = (person: OrgChartPerson, depth: number) => {
    const title = person.title ? `, ${esc(person.title)}` : '';
    const tags = (person.tags ?? []).map(esc);
    const facts = [STANCE_LABELS[person.stance], ...tags].join(' · ');
    const note = person.note ? ` — ${esc(person.note)}` : '';
    lines.push(`${'  '.repeat(depth)}- **${esc(person.name)}**${title} (${facts})${note}`);
    for (const child of children.get(person.id) ?? []) visit(child, depth + 1);
  };
  for (const top of children.get(undefined) ?? []) visit(top, 0);
  return `**${esc(block.caption)}**\n\n${lines.join('\n')}`;
}

function heatMap(block: HeatMapBlock): string {
  const states = new Map(block.states.map((state) => [state.key, state]));
  const rows = block.rows.map((row) => [
    row.label,
    ...block.columns.map((column) => {
      const state = states.get(row.cells[column.key] ?? '');
      return state ? `${state.symbol} ${state.label}` : '';
    }),
  ]);
  return `**${esc(block.caption)}**\n\n${pipeTable(
    [block.rowHeader, ...block.columns.map((column) => column.label)],
    rows,
    [],
  )}`;
}
