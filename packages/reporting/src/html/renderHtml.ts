import { renderChartSvg } from '../charts/renderChartSvg.js';
import type { ChartBlock } from '../document/chartBlock.js';
import type { KeyFiguresBlock } from '../document/keyFiguresBlock.js';
import type { ReportBlock, ReportDocument } from '../document/reportDocument.js';
import type { ChecklistBlock, ListBlock } from '../document/textBlocks.js';
import { DEFAULT_LOCALE, formatInstant, formatValue } from '../formatting/formatValue.js';
import { chartHtml } from './chartHtml.js';
import { escapeHtml as esc } from './escapeHtml.js';
import { heatMapHtml } from './heatMapHtml.js';
import { orgChartHtml } from './orgChartHtml.js';
import { REPORT_STYLES } from './reportStyles.js';
import { tableHtml } from './tableHtml.js';

/** Options for {@link renderHtml}. */
export interface HtmlOptions {
  /** The time zone `generatedAt` is shown in; `UTC` unless given. */
  readonly timeZone?: string;
  /** Show a list of sections after the header; on when the report has four or more sections. */
  readonly tableOfContents?: boolean;
}

const TREND_ARROWS: Readonly<Record<string, string>> = { up: '▲', down: '▼', flat: '▶' };

// Nothing in a report may load anything: no scripts, no fonts, no images from anywhere.
// The policy makes that a property of the file, not just of this renderer.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The report as one self-contained HTML file: inline CSS and inline SVG charts (drawn by
 * Vega-Lite on the server), no script, and a Content-Security-Policy that forbids every
 * external request. Accessible: one `<h1>` (the title), sections as `<h2>`, subsections as
 * `<h3>`, heading blocks one level below their container; tables with captions and scoped
 * headers; charts as figures whose SVG has `role="img"` and the alt text, with a caption and
 * the data as a table; stance, state and trend always in words as well as colour. Prints on
 * A4 with page numbers, headings kept with what follows and figures kept whole. Every piece of
 * text from the document is HTML-escaped. Asynchronous only because Vega draws asynchronously:
 * the same document and options give the same string.
 */
export async function renderHtml(doc: ReportDocument, options: HtmlOptions = {}): Promise<string> {
  const locale = doc.locale ?? DEFAULT_LOCALE;
  const showContents = options.tableOfContents ?? doc.sections.length >= 4;
  const out: string[] = [];
  out.push(
    `<!DOCTYPE html><html lang="${esc(locale)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="@account-planning/reporting">',
    `<title>${esc(doc.title)}</title><style>${REPORT_STYLES}</style></head><body><main>`,
    '<header class="report-header">',
    `<h1>${esc(doc.title)}</h1>`,
  );
  if (doc.subtitle) out.push(`<p class="subtitle">${esc(doc.subtitle)}</p>`);
  const generated = formatInstant(doc.generatedAt, locale, options.timeZone ?? 'UTC');
  out.push(
    '<dl class="metadata">',
    ...doc.metadata.map((entry) => `<dt>${esc(entry.label)}</dt><dd>${esc(entry.value)}</dd>`),
    `<dt>Generated</dt><dd><time datetime="${esc(doc.generatedAt)}">${esc(generated)}</time></dd>`,
    '</dl></header>',
  );
  if (showContents && doc.sections.length > 0) {
    out.push(
      '<nav class="toc" aria-labelledby="contents-title"><p class="toc-title" id="contents-title">Contents</p><ol>',
      ...doc.sections.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`),
      '</ol></nav>',
    );
  }
  // The charts are drawn first, one after another in the order they appear; the rest of the
  // page is then put together without waiting on anything.
  const svgs = new Map<ChartBlock, string>();
  for (const section of doc.sections) {
    for (const blocks of [section.blocks, ...(section.subsections ?? []).map((s) => s.blocks)]) {
      for (const block of blocks) {
        if (block.type === 'chart') svgs.set(block, await renderChartSvg(block, locale));
      }
    }
  }
  for (const section of doc.sections) {
    const breakClass = section.pageBreakBefore ? ' class="page-break"' : '';
    out.push(
      `<section${breakClass} aria-labelledby="${esc(section.id)}"><h2 id="${esc(section.id)}">${esc(section.title)}</h2>`,
    );
    for (const block of section.blocks) out.push(blockHtml(block, 3, locale, svgs));
    for (const subsection of section.subsections ?? []) {
      out.push(
        `<section class="subsection" aria-labelledby="${esc(subsection.id)}"><h3 id="${esc(subsection.id)}">${esc(subsection.title)}</h3>`,
      );
      for (const block of subsection.blocks) out.push(blockHtml(block, 4, locale, svgs));
      out.push('</section>');
    }
    out.push('</section>');
  }
  out.push('</main></body></html>\n');
  return out.join('');
}

function blockHtml(
  block: ReportBlock,
  headingLevel: number,
  locale: string,
  svgs: ReadonlyMap<ChartBlock, string>,
): string {
  switch (block.type) {
    case 'heading':
      return `<h${headingLevel}>${esc(block.text)}</h${headingLevel}>`;
    case 'paragraph':
      return paragraphs(block.text);
    case 'keyFigures':
      return keyFigures(block, locale);
    case 'table':
      return tableHtml(block, locale);
    case 'chart':
      return chartHtml(block, locale, svgs.get(block)!);
    case 'list':
      return list(block);
    case 'checklist':
      return checklist(block);
    case 'orgChart':
      return orgChartHtml(block);
    case 'heatMap':
      return heatMapHtml(block);
  }
}

function paragraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .filter((paragraph) => paragraph.trim().length > 0)
    .map((paragraph) => `<p>${paragraph.trim().split(/\r?\n/).map(esc).join('<br>')}</p>`)
    .join('');
}

// A figure's box is at least 150px wide: a long value (`€7,077,300.00`) is set smaller rather
// than broken across lines.
function valueClass(text: string): string {
  const length = [...text].length;
  return length > 16
    ? 'value longest'
    : length > 13
      ? 'value longer'
      : length > 10
        ? 'value long'
        : 'value';
}

function keyFigures(block: KeyFiguresBlock, locale: string): string {
  const items = block.figures.map((figure) => {
    const text = formatValue(figure.format, figure.value, locale);
    const value = esc(text);
    const trend = figure.trend
      ? `<span class="trend ${esc(figure.trend.sentiment)}"><span aria-hidden="true">${TREND_ARROWS[figure.trend.direction] ?? ''} </span>${esc(figure.trend.text)}</span>`
      : '';
    const note = figure.note ? `<span class="note">${esc(figure.note)}</span>` : '';
    return `<li class="key-figure"><span class="label">${esc(figure.label)}</span><span class="${valueClass(text)}">${value}</span>${trend}${note}</li>`;
  });
  return `<ul class="key-figures">${items.join('')}</ul>`;
}

function list(block: ListBlock): string {
  const tag = block.style === 'numbered' ? 'ol' : 'ul';
  return `<${tag}>${block.items.map((item) => `<li>${esc(item)}</li>`).join('')}</${tag}>`;
}

function checklist(block: ChecklistBlock): string {
  const items = block.items.map((item) => {
    const state = item.done
      ? '<span class="box" aria-hidden="true">✓</span><span class="sr-only">Done: </span>'
      : '<span class="box" aria-hidden="true"></span><span class="sr-only">Open: </span>';
    const detail = item.detail ? `<span class="detail">${esc(item.detail)}</span>` : '';
    return `<li${item.done ? ' class="done"' : ''}>${state}<span class="text">${esc(item.text)}</span>${detail}</li>`;
  });
  const blanks = block.blankItems ?? 0;
  if (blanks > 0) {
    items.push(`<li class="sr-only">Space for ${blanks} more, to write by hand</li>`);
    for (let i = 0; i < blanks; i++) {
      items.push('<li class="blank" aria-hidden="true"><span class="box"></span></li>');
    }
  }
  const style = block.blankStyle === 'lines' ? ' lines' : '';
  return items.length > 0 ? `<ul class="checklist${style}">${items.join('')}</ul>` : '';
}
