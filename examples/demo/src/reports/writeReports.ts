import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderCsvFiles, renderHtml, renderMarkdown } from '@account-planning/reporting';
import type { DemoDocument, DemoReport, DemoReportContext } from './demoReports.js';

/** What was written: every file, relative to the output directory, and the index. */
export interface WrittenReports {
  readonly files: readonly string[];
  readonly index: string;
  readonly documents: readonly (DemoDocument & { readonly html: string })[];
}

/**
 * Produces every report and writes each document as `<name>.html`, `<name>.md` and
 * `csv/<table>.csv` in its folder, then `index.html` linking them all. Each report's folder is
 * removed first, so no file of an earlier run lingers; nothing else in the directory is touched.
 */
export async function writeReports(
  reports: readonly DemoReport[],
  context: DemoReportContext,
  outDir: string,
): Promise<WrittenReports> {
  const files: string[] = [];
  const documents: (DemoDocument & { html: string })[] = [];
  const sections: string[] = [];
  for (const report of reports) {
    await rm(join(outDir, report.folder), { recursive: true, force: true });
    const produced = await report.produce(context);
    const items: string[] = [];
    for (const doc of produced) {
      const folder = join(outDir, doc.folder);
      await mkdir(join(folder, 'csv'), { recursive: true });
      const html = `${doc.folder}/${doc.name}.html`;
      const markdown = `${doc.folder}/${doc.name}.md`;
      await writeFile(join(outDir, html), await renderHtml(doc.document));
      await writeFile(join(outDir, markdown), renderMarkdown(doc.document));
      files.push(html, markdown);
      const csvLinks: string[] = [];
      for (const csv of renderCsvFiles(doc.document)) {
        const path = `${doc.folder}/csv/${csv.fileName}`;
        await writeFile(join(outDir, path), csv.csv);
        files.push(path);
        csvLinks.push(`<a href="${path}">${escapeText(csv.fileName)}</a>`);
      }
      documents.push({ ...doc, html });
      items.push(
        `<li><a href="${html}">${escapeText(doc.label)}</a> · <a href="${markdown}">Markdown</a><br><small>CSV: ${csvLinks.join(', ')}</small></li>`,
      );
    }
    sections.push(`<h2>${escapeText(report.title)}</h2><ul>${items.join('')}</ul>`);
  }
  const index = 'index.html';
  await writeFile(
    join(outDir, index),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>account-planning demo: reports</title>` +
      '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}li{margin:.5rem 0}small{color:#555}</style>' +
      `</head><body><h1>account-planning demo: reports</h1><p>Seed ${context.scenario.seed}, ${context.scenario.accountCount} accounts, as of ${context.scenario.asOf}.</p>${sections.join('')}</body></html>\n`,
  );
  files.push(index);
  return { files, index, documents };
}

const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
