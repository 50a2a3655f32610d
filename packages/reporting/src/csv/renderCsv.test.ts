import { describe, expect, it } from 'vitest';
import { type ReportDocument, renderCsv, renderCsvFiles, type TableBlock } from '../index.js';

const opportunities: TableBlock = {
  type: 'table',
  caption: 'Opportunities',
  columns: [
    { key: 'name', label: 'Name', type: 'text' },
    { key: 'value', label: 'Value', type: 'money', currency: 'EUR' },
    { key: 'p', label: 'Probability', type: 'percent' },
    { key: 'close', label: 'Close', type: 'date' },
    { key: 'slip', label: 'Slip', type: 'number', unit: 'days' },
  ],
  rows: [
    { name: 'Renewal', value: 500000, p: 0.07, close: '2026-04-30', slip: 3 },
    { name: 'Up-sell', value: -1250, p: 0.125, close: null },
  ],
  footer: [{ name: 'Total', value: 498750 }],
};

describe('renderCsv', () => {
  it('writes a header of labels with units and machine values, CRLF-terminated', () => {
    expect(renderCsv(opportunities)).toBe(
      'Name,Value (EUR),Probability (%),Close,Slip (days)\r\n' +
        'Renewal,5000.00,7,2026-04-30,3\r\n' +
        'Up-sell,-12.50,12.5,,\r\n' +
        'Total,4987.50,,,\r\n',
    );
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const table: TableBlock = {
      type: 'table',
      caption: 'T',
      columns: [{ key: 'a', label: 'Note, "quoted"', type: 'text' }],
      rows: [{ a: 'Smith, Jones' }, { a: 'She said "no"' }, { a: 'two\nlines' }, { a: 'cr\r\nlf' }],
    };
    expect(renderCsv(table)).toBe(
      '"Note, ""quoted"""\r\n' +
        '"Smith, Jones"\r\n' +
        '"She said ""no"""\r\n' +
        '"two\nlines"\r\n' +
        '"cr\r\nlf"\r\n',
    );
  });

  it('keeps money exact at the largest safe amount and for currencies without minor units', () => {
    const table: TableBlock = {
      type: 'table',
      caption: 'T',
      columns: [
        { key: 'eur', label: 'EUR', type: 'money', currency: 'EUR' },
        { key: 'jpy', label: 'JPY', type: 'money', currency: 'JPY' },
        { key: 'bhd', label: 'BHD', type: 'money', currency: 'BHD' },
      ],
      rows: [{ eur: Number.MAX_SAFE_INTEGER, jpy: 1234, bhd: -5 }],
    };
    expect(renderCsv(table)).toBe(
      'EUR (EUR),JPY (JPY),BHD (BHD)\r\n90071992547409.91,1234,-0.005\r\n',
    );
  });

  it('writes percentages as points without float noise', () => {
    const table: TableBlock = {
      type: 'table',
      caption: 'T',
      columns: [{ key: 'p', label: 'P', type: 'percent' }],
      rows: [0.07, 0.1 + 0.2, 1.5e-7, -0.035, 12, 0].map((p) => ({ p })),
    };
    expect(renderCsv(table).split('\r\n')).toEqual([
      'P (%)',
      '7',
      '30.000000000000004',
      '0.000015',
      '-3.5',
      '1200',
      '0',
      '',
    ]);
  });

  it('guards text that a spreadsheet would run as a formula, unless told not to', () => {
    const table: TableBlock = {
      type: 'table',
      caption: 'T',
      columns: [
        { key: 'a', label: '=HEADER()', type: 'text' },
        { key: 'n', label: 'N', type: 'number' },
      ],
      rows: [
        { a: '=HYPERLINK("http://x")', n: -1 },
        { a: '+1', n: 1 },
        { a: '-2', n: 2 },
        { a: '@SUM(A1)', n: 3 },
        { a: 'plain', n: 4 },
      ],
    };
    expect(renderCsv(table)).toBe(
      "'=HEADER(),N\r\n" +
        '"\'=HYPERLINK(""http://x"")",-1\r\n' +
        "'+1,1\r\n'-2,2\r\n'@SUM(A1),3\r\nplain,4\r\n",
    );
    expect(renderCsv(table, { guardFormulas: false })).toContain('"=HYPERLINK(""http://x"")",-1');
  });
});

describe('renderCsvFiles', () => {
  it('gives one file per table in document order, named by table id or by position', () => {
    const doc: ReportDocument = {
      schemaVersion: 1,
      title: 'T',
      generatedAt: '2026-03-02T09:00:00Z',
      metadata: [],
      sections: [
        {
          id: 'pipeline',
          title: 'Pipeline',
          blocks: [
            { type: 'paragraph', text: 'x' },
            { ...opportunities, id: 'opportunities' },
            opportunities,
          ],
          subsections: [{ id: 'acme', title: 'Acme', blocks: [opportunities] }],
        },
      ],
    };
    const files = renderCsvFiles(doc);
    expect(files.map((file) => file.fileName)).toEqual([
      'opportunities.csv',
      'pipeline-table-2.csv',
      'pipeline-acme-table-1.csv',
    ]);
    expect(files[0]).toEqual({
      fileName: 'opportunities.csv',
      caption: 'Opportunities',
      csv: renderCsv(opportunities),
    });
  });
});
