import { z } from 'zod';
import { Label, ProseText } from './reportText.js';

/**
 * A heading inside a section. Its level follows from where it sits (one below the section's
 * or subsection's own heading), so a document's heading hierarchy cannot skip a level.
 */
export const HeadingBlock = z.object({ type: z.literal('heading'), text: Label });
/** A heading inside a section. */
export type HeadingBlock = z.infer<typeof HeadingBlock>;

/** A paragraph of plain text; line breaks in `text` are kept. */
export const ParagraphBlock = z.object({ type: z.literal('paragraph'), text: ProseText });
/** A paragraph of plain text. */
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;

/** A bulleted or numbered list of plain-text items. */
export const ListBlock = z.object({
  type: z.literal('list'),
  /** `bullet` unless given. */
  style: z.enum(['bullet', 'numbered']).optional(),
  items: z.array(ProseText).min(1),
});
/** A bulleted or numbered list. */
export type ListBlock = z.infer<typeof ListBlock>;

/** One line of a checklist: what, whether it is done, and a detail such as owner and due date. */
export const ChecklistItem = z.object({
  text: ProseText.min(1),
  done: z.boolean(),
  /** Shown after the text, e.g. `Ana · due 13 Mar 2026 · 4 days late`. */
  detail: Label.optional(),
});
/** One line of a checklist. */
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/**
 * A checklist (last review's actions with their status) with optional blank lines to write on
 * when printed ("space for new actions", seed 001: every review ends by listing new actions).
 */
export const ChecklistBlock = z.object({
  type: z.literal('checklist'),
  items: z.array(ChecklistItem),
  /** Empty lines to write on by hand, 0 to 30; 0 unless given. */
  blankItems: z.number().int().min(0).max(30).optional(),
  /**
   * How the empty lines print: `boxes` (the default) each with a box to tick, for actions;
   * `lines` as plain ruled lines, for notes such as the answer to a question.
   */
  blankStyle: z.enum(['boxes', 'lines']).optional(),
});
/** A checklist with optional blank lines. */
export type ChecklistBlock = z.infer<typeof ChecklistBlock>;
