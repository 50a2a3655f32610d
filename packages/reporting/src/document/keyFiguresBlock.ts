import { z } from 'zod';
import { Label } from './reportText.js';
import { ValueFormat, valueProblem } from './valueFormat.js';

/**
 * Which way a figure moved and whether that is good news. They are separate because down can
 * be good (churn) and up can be bad (overdue actions).
 */
export const Trend = z.object({
  direction: z.enum(['up', 'down', 'flat']),
  sentiment: z.enum(['positive', 'negative', 'neutral']),
  /** The change in words, always shown: `+12% on last year`. */
  text: Label,
});
/** Which way a figure moved and whether that is good news. */
export type Trend = z.infer<typeof Trend>;

/** One headline number: label, value in its format, an optional trend and note. */
export const KeyFigure = z
  .object({
    label: Label,
    value: z.union([z.string(), z.number()]),
    format: ValueFormat,
    trend: Trend.optional(),
    /** A short note under the figure (`of 42 accounts`). */
    note: Label.optional(),
  })
  .superRefine((figure, ctx) => {
    const problem = valueProblem(figure.format, figure.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });
/** One headline number. */
export type KeyFigure = z.infer<typeof KeyFigure>;

/** A row of headline numbers (revenue this year, retention, open actions). */
export const KeyFiguresBlock = z.object({
  type: z.literal('keyFigures'),
  figures: z.array(KeyFigure).min(1).max(12),
});
/** A row of headline numbers. */
export type KeyFiguresBlock = z.infer<typeof KeyFiguresBlock>;
