// Advance widths of printable ASCII (space to tilde) in a Helvetica-like sans serif, in
// thousandths of the font size (the widths in Helvetica's font metrics).
// biome-ignore format: one row per 16 characters reads as the table it is
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

// The fonts a reader's machine falls back to (DejaVu Sans on many Linux machines) run wider
// than Helvetica: leave room rather than clip.
const SAFETY = 1.15;

/**
 * An estimate of how wide `text` is, in pixels, at `fontSize` (and a little wider when bold).
 * Vega lays out axes and legends from text widths; on a server it has no canvas to measure
 * with and by default guesses 0.8 em per character, which truncates long category names and
 * leaves wide gaps. This per-character table is close for Latin text and errs on the wide side.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let thousandths = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 32 && code <= 126) thousandths += ASCII_WIDTHS[code - 32]!;
    else if (code >= 0x2e80)
      thousandths += 1000; // CJK and other full-width scripts
    else thousandths += 600; // accented Latin, Greek, Cyrillic, symbols
  }
  return (thousandths / 1000) * fontSize * SAFETY * (bold ? 1.06 : 1);
}
