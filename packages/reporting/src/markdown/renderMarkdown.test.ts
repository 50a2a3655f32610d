import { describe, expect, it } from 'vitest';
import { type ReportDocument, renderMarkdown } from '../index.js';

const small: ReportDocument = {
  schemaVersion: 1,
  title: 'Monthly review: Ana',
  subtitle: 'March 2026',
  generatedAt: '2026-03-02T09:00:00Z',
  metadata: [{ label: 'Manager', value: 'Sam' }],
  sections: [
    {
      id: 'summary',
      title: 'Summary',
      blocks: [
        {
          type: 'keyFigures',
          figures: [
            {
              label: 'Revenue',
              value: 123456,
              format: { type: 'money', currency: 'EUR' },
              trend: { direction: 'up', sentiment: 'positive', text: 'more than last year' },
            },
            { label: 'Retention', value: 0.875, format: { type: 'percent', fractionDigits: 1 } },
          ],
        },
        {
          type: 'table',
          caption: 'Opportunities',
          columns: [
            { key: 'name', label: 'Name', type: 'text' },
            { key: 'value', label: 'Value', type: 'money', currency: 'EUR' },
            { key: 'close', label: 'Close', type: 'date' },
          ],
          rows: [
            { name: 'Renewal', value: 500000, close: '2026-04-30' },
            { name: 'Up-sell', value: -1250, close: null },
          ],
        },
        {
          type: 'chart',
          kind: 'line',
          caption: 'Revenue trend',
          alt: 'Revenue rose.',
          x: { field: 'm', label: 'Month', format: 'month' },
          y: { field: 'v', label: 'Revenue', format: { type: 'money', currency: 'EUR' } },
          data: [
            { m: '2026-01', v: 100 },
            { m: '2026-02', v: 250 },
          ],
        },
      ],
      subsections: [
        {
          id: 'acme',
          title: 'Acme',
          blocks: [
            { type: 'heading', text: 'Changes' },
            { type: 'paragraph', text: 'First line\nsecond line\n\nNext paragraph' },
            {
              type: 'checklist',
              items: [{ text: 'Call', done: true, detail: 'Ana' }],
              blankItems: 1,
            },
          ],
        },
      ],
    },
    {
      id: 'map',
      title: 'Map',
      blocks: [
        {
          type: 'orgChart',
          caption: 'People',
          people: [
            { id: 'b', name: 'Bo', reportsTo: 'a', stance: 'hostile', tags: ['Champion'] },
            { id: 'a', name: 'Al', title: 'CEO', stance: 'advocate' },
          ],
        },
        {
          type: 'heatMap',
          caption: 'Whitespace',
          rowHeader: 'Account',
          columns: [{ key: 'sw', label: 'Software' }],
          states: [{ key: 'buying', label: 'Buying', symbol: '●', tone: 'positive' }],
          rows: [
            { label: 'Acme', cells: { sw: 'buying' } },
            { label: 'Beta', cells: {} },
          ],
        },
        { type: 'list', style: 'numbered', items: ['One', 'Two'] },
      ],
    },
  ],
};

describe('renderMarkdown', () => {
  it('renders every block of a small document exactly', () => {
    expect(renderMarkdown(small)).toBe(
      [
        '# Monthly review: Ana',
        '',
        '_March 2026_',
        '',
        '- **Manager:** Sam',
        '- **Generated:** 2 Mar 2026, 09:00 UTC',
        '',
        '## Summary',
        '',
        '- **Revenue:** €1,234.56 (▲ more than last year)',
        '- **Retention:** 87.5%',
        '',
        '**Opportunities**',
        '',
        '| Name | Value | Close |',
        '| --- | ---: | --- |',
        '| Renewal | €5,000.00 | 30 Apr 2026 |',
        '| Up-sell | -€12.50 |  |',
        '',
        '**Figure: Revenue trend**',
        '',
        '_Revenue rose._',
        '',
        '| Month | Revenue |',
        '| --- | ---: |',
        '| Jan 26 | €1.00 |',
        '| Feb 26 | €2.50 |',
        '',
        '### Acme',
        '',
        '#### Changes',
        '',
        'First line\\',
        'second line',
        '',
        'Next paragraph',
        '',
        '- [x] Call — Ana',
        '- [ ] ____________________',
        '',
        '## Map',
        '',
        '**People**',
        '',
        '- **Al**, CEO (Advocate)',
        '  - **Bo** (Hostile · Champion)',
        '',
        '**Whitespace**',
        '',
        '| Account | Software |',
        '| --- | --- |',
        '| Acme | ● Buying |',
        '| Beta |  |',
        '',
        '1. One',
        '2. Two',
        '',
      ].join('\n'),
    );
  });

  it('says so when a table has no rows', () => {
    const doc: ReportDocument = {
      ...small,
      sections: [
        {
          id: 's',
          title: 'S',
          blocks: [
            {
              type: 'table',
              caption: 'Overdue actions',
              columns: [{ key: 'a', label: 'Action', type: 'text' }],
              rows: [],
              emptyText: 'Nothing overdue',
            },
          ],
        },
      ],
    };
    expect(renderMarkdown(doc)).toContain('**Overdue actions**\n\n_Nothing overdue_\n');
  });

  it('writes blank lines for notes without task boxes', () => {
    const doc: ReportDocument = {
      ...small,
      sections: [
        {
          id: 's',
          title: 'S',
          blocks: [{ type: 'checklist', items: [], blankItems: 2, blankStyle: 'lines' }],
        },
      ],
    };
    expect(renderMarkdown(doc)).toContain('- ____________________\n- ____________________\n');
  });

  it('escapes text from data so that it never becomes markup', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '[click](javascript:alert(1))',
      'a | b',
      '# not a heading',
      '**not bold** _nor this_',
      'line one\n## Injected heading',
      '1. not a list',
      '- not a bullet',
      '&lt;entity&gt;',
      '`code`',
    ];
    const doc: ReportDocument = {
      ...small,
      title: hostile[0]!,
      sections: [
        {
          id: 's',
          title: hostile[3]!,
          blocks: [
            { type: 'list', items: hostile },
            {
              type: 'table',
              caption: 'T',
              columns: [{ key: 'a', label: 'A', type: 'text' }],
              rows: hostile.map((a) => ({ a })),
            },
          ],
        },
      ],
    };
    const markdown = renderMarkdown(doc);
    expect(markdown).toContain('# \\<script\\>alert(1)\\</script\\>\n');
    expect(markdown).toContain('## \\# not a heading\n');
    expect(markdown).toContain(
      [
        '- \\<script\\>alert(1)\\</script\\>',
        '- \\[click\\](javascript:alert(1))',
        '- a \\| b',
        '- \\# not a heading',
        '- \\*\\*not bold\\*\\* \\_nor this\\_',
        '- line one ## Injected heading',
        '- 1\\. not a list',
        '- \\- not a bullet',
        '- \\&lt;entity\\&gt;',
        '- \\`code\\`',
      ].join('\n'),
    );
    expect(markdown).toContain('| a \\| b |\n');
    expect(markdown).not.toMatch(/(?<!\\)<script|\n## Injected/);
  });
});
