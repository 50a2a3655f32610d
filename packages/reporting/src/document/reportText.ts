import { z } from 'zod';

/** A short piece of text shown as a label, title or caption: 1 to 500 characters. */
export const Label = z.string().min(1).max(500);
/** A short piece of text shown as a label, title or caption. */
export type Label = z.infer<typeof Label>;

/** Running text: up to 20,000 characters, shown as plain text (never interpreted as markup). */
export const ProseText = z.string().max(20_000);
/** Running text, shown as plain text. */
export type ProseText = z.infer<typeof ProseText>;

/**
 * A stable identifier inside one document (a section, a table, a person in an org chart):
 * a letter, then letters, digits, `-` or `_`, up to 120 characters. It becomes an HTML anchor
 * and part of a CSV file name, so it is safe in both.
 */
export const ReportId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,119}$/, 'expected a letter, then letters, digits, - or _');
/** A stable identifier inside one document. */
export type ReportId = z.infer<typeof ReportId>;
