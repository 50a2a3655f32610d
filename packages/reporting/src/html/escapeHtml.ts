const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe to place in HTML or SVG, as element content or inside a quoted attribute:
 * `&`, `<`, `>`, `"` and `'` become character references. Everything from a document's data
 * goes through it.
 */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: finding that out is half the cost of a replace.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (ch) => ESCAPES[ch]!) : text;
}

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
