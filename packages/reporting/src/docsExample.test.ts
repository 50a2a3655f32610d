import { expect, it } from 'vitest';
// #region docs-example
import {
  parseReportDocument,
  type ReportDocument,
  renderCsvFiles,
  renderHtml,
  renderMarkdown,
} from './index.js'; // in your code: '@account-planning/reporting'

const doc: ReportDocument = {
  schemaVersion: 1,
  title: 'Monthly account review: Ana Lima',
  generatedAt: '2026-03-02T09:00:00Z', // passed in, never read from the clock
  locale: 'en-GB',
  metadata: [{ label: 'Manager', value: 'Sam Okafor' }],
  sections: [
    {
      id: 'pipeline',
      title: 'Pipeline',
      blocks: [
        {
          type: 'chart',
          kind: 'bar',
          caption: 'Open pipeline by stage',
          alt: 'Most open pipeline value sits in qualification.',
          x: { field: 'stage', label: 'Stage' },
          y: { field: 'value', label: 'Pipeline', format: { type: 'money', currency: 'EUR' } },
          data: [
            { stage: 'Qualified', value: 26_150_000 }, // integer minor units: €261,500.00
            { stage: 'Proposal', value: 14_700_000 },
          ],
        },
        {
          type: 'table',
          id: 'opportunities',
          caption: 'Ranked opportunities',
          columns: [
            { key: 'name', label: 'Opportunity', type: 'text' },
            { key: 'value', label: 'Value', type: 'money', currency: 'EUR' },
            { key: 'p', label: 'Probability', type: 'percent' },
          ],
          rows: [{ name: 'Borealis Energy: renewal', value: 9_600_000, p: 0.8 }],
        },
      ],
    },
  ],
};

const html = await renderHtml(doc); // one self-contained file, charts as inline SVG
const markdown = renderMarkdown(doc);
const csvFiles = renderCsvFiles(doc); // [{ fileName: 'opportunities.csv', caption, csv }]
const fromJson = parseReportDocument(JSON.parse(JSON.stringify(doc))); // throws ValidationError
// #endregion docs-example

it('runs the example in docs/reporting.md', () => {
  expect(html).toContain('<figure class="chart">');
  expect(markdown).toContain('| Borealis Energy: renewal | €96,000.00 | 80% |');
  expect(csvFiles).toEqual([
    {
      fileName: 'opportunities.csv',
      caption: 'Ranked opportunities',
      csv: 'Opportunity,Value (EUR),Probability (%)\r\nBorealis Energy: renewal,96000.00,80\r\n',
    },
  ]);
  expect(fromJson).toEqual(doc);
});
