import { Instant, ValidationError } from '@account-planning/core';
import { z } from 'zod';
import { ChartBlock } from './chartBlock.js';
import { HeatMapBlock } from './heatMapBlock.js';
import { KeyFiguresBlock } from './keyFiguresBlock.js';
import { OrgChartBlock } from './orgChartBlock.js';
import { Label, ReportId } from './reportText.js';
import { TableBlock } from './tableBlock.js';
import { ChecklistBlock, HeadingBlock, ListBlock, ParagraphBlock } from './textBlocks.js';

/** One piece of content in a section, told apart by `type`. */
export const ReportBlock = z.discriminatedUnion('type', [
  HeadingBlock,
  ParagraphBlock,
  KeyFiguresBlock,
  TableBlock,
  ChartBlock,
  ListBlock,
  ChecklistBlock,
  OrgChartBlock,
  HeatMapBlock,
]);
/** One piece of content in a section. */
export type ReportBlock = z.infer<typeof ReportBlock>;

/**
 * A titled group of blocks inside a section, e.g. one account's two-minute summary in a review
 * pack. Printing keeps a subsection on one page where it fits.
 */
export const ReportSubsection = z.object({
  id: ReportId,
  title: Label,
  blocks: z.array(ReportBlock),
});
/** A titled group of blocks inside a section. */
export type ReportSubsection = z.infer<typeof ReportSubsection>;

/** A top-level part of a report (agenda, last review's actions, accounts), in reading order. */
export const ReportSection = z.object({
  id: ReportId,
  title: Label,
  blocks: z.array(ReportBlock),
  subsections: z.array(ReportSubsection).optional(),
  /** Start this section on a new page when printed. */
  pageBreakBefore: z.boolean().optional(),
});
/** A top-level part of a report. */
export type ReportSection = z.infer<typeof ReportSection>;

/** One line of a report's metadata, shown under its title (`Rep: Ana Lima`). */
export const ReportMetadataEntry = z.object({ label: Label, value: Label });
/** One line of a report's metadata. */
export type ReportMetadataEntry = z.infer<typeof ReportMetadataEntry>;

/**
 * A report as typed, JSON-serialisable data: the one input of every renderer, and itself the
 * machine-readable form of the report. `generatedAt` is passed in by whoever builds the
 * document (never read from the clock), so the same inputs give the same document and the
 * same rendered bytes. `locale` (a BCP 47 tag, `en-GB` unless given) drives number, money and
 * date formatting. Section, subsection and table ids are unique in the document.
 */
export const ReportDocument = z
  .object({
    schemaVersion: z.literal(1),
    title: Label,
    subtitle: Label.optional(),
    generatedAt: Instant,
    locale: z.string().min(2).max(35).optional(),
    metadata: z.array(ReportMetadataEntry),
    sections: z.array(ReportSection),
  })
  .superRefine((doc, ctx) => {
    if (doc.locale !== undefined && !isSupportedLocale(doc.locale)) {
      ctx.addIssue({ code: 'custom', path: ['locale'], message: 'unknown locale' });
    }
    const seen = new Set<string>();
    const claim = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: `duplicate id ${id}` });
      seen.add(id);
    };
    doc.sections.forEach((section, s) => {
      claim(section.id, ['sections', s, 'id']);
      const claimTables = (blocks: readonly ReportBlock[], path: (string | number)[]) =>
        blocks.forEach((block, b) => {
          if (block.type === 'table' && block.id !== undefined) claim(block.id, [...path, b, 'id']);
        });
      claimTables(section.blocks, ['sections', s, 'blocks']);
      section.subsections?.forEach((subsection, u) => {
        claim(subsection.id, ['sections', s, 'subsections', u, 'id']);
        claimTables(subsection.blocks, ['sections', s, 'subsections', u, 'blocks']);
      });
    });
  });
/** A report as typed, JSON-serialisable data. */
export type ReportDocument = z.infer<typeof ReportDocument>;

function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale).length > 0;
  } catch {
    return false;
  }
}

/**
 * Checks untrusted input (a document read back from JSON, or built by a host) against
 * {@link ReportDocument} and returns it typed. Renderers do not validate their input, so call
 * this on any document that did not come from this library's own report models.
 *
 * @throws {ValidationError} with a path to every problem found.
 */
export function parseReportDocument(input: unknown): ReportDocument {
  const result = ReportDocument.safeParse(input);
  if (!result.success) throw ValidationError.fromZod(result.error, 'report document');
  return result.data;
}
