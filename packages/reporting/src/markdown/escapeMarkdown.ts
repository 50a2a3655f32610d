// Characters that start inline markup anywhere in CommonMark/GFM text: code, emphasis, links,
// raw HTML, table cell borders, strikethrough.
const INLINE_MARKUP = /[\\`*_[\]<>|~]/g;
// An `&` that would start an entity (`&lt;`, `&#60;`).
const ENTITY_START = /&(?=#?[A-Za-z0-9]+;)/g;
// What turns the start of a line into a heading, quote, list item, rule or setext underline.
const BLOCK_START = /^(\s*)(#{1,6}(?=\s|$)|>|[+-](?=\s|$)|[=-]+(?=\s*$)|\d{1,9}(?=[.)](?:\s|$)))/;

/**
 * Plain text made safe to place in Markdown as literal text on one line: markup characters
 * are backslash-escaped, an entity-like `&` is escaped, a line-start marker (`#`, `-`, `1.`)
 * is neutralised, and line breaks become spaces (so a table cell stays one cell).
 */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return oneLine
    .replace(INLINE_MARKUP, '\\$&')
    .replace(ENTITY_START, '\\&')
    .replace(BLOCK_START, (_, space: string, marker: string) =>
      /\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    );
}

/**
 * Plain running text made safe as a Markdown paragraph: each line is escaped as in
 * {@link escapeMarkdown} and line breaks are kept as hard breaks; blank lines split paragraphs.
 */
export function escapeMarkdownParagraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) =>
      paragraph
        .split(/\r?\n/)
        .map((line) => escapeMarkdown(line))
        .filter((line) => line.length > 0)
        .join('\\\n'),
    )
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}
