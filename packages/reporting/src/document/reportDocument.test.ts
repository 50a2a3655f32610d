import { ValidationError } from '@account-planning/core';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../fixtures/sampleReport.js';
import { parseReportDocument, type ReportBlock, type ReportDocument } from '../index.js';

function withBlocks(...blocks: ReportBlock[]): ReportDocument {
  return {
    schemaVersion: 1,
    title: 'T',
    generatedAt: '2026-03-02T09:00:00Z',
    metadata: [],
    sections: [{ id: 's', title: 'S', blocks }],
  };
}

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseReportDocument(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
  }
  throw new Error('expected the document to be rejected');
}

describe('parseReportDocument', () => {
  it('accepts the sample review pack after a JSON round trip, unchanged', () => {
    const json = JSON.parse(JSON.stringify(sampleReport));
    expect(parseReportDocument(json)).toEqual(sampleReport);
  });

  it('rejects a table cell that does not fit its column, with the path to it', () => {
    const doc = withBlocks({
      type: 'table',
      caption: 'T',
      columns: [
        { key: 'v', label: 'Value', type: 'money', currency: 'EUR' },
        { key: 'd', label: 'Due', type: 'date' },
      ],
      rows: [{ v: 12.5, d: '2026-02-30x' }, { nope: 'x' }],
    });
    expect(issuesOf(doc)).toEqual([
      {
        path: 'sections.0.blocks.0.rows.0.v',
        message: 'expected money as a whole number of minor units',
      },
      { path: 'sections.0.blocks.0.rows.0.d', message: 'expected a date like 2026-03-14' },
      { path: 'sections.0.blocks.0.rows.1.nope', message: 'no such column' },
    ]);
  });

  it('rejects chart money that is not whole minor units and a chart without alt text', () => {
    const chart: ReportBlock = {
      type: 'chart',
      kind: 'line',
      caption: 'Revenue',
      alt: '',
      x: { field: 'm', label: 'Month' },
      y: { field: 'v', label: 'Revenue', format: { type: 'money', currency: 'EUR' } },
      data: [{ m: '2026-01', v: 10.5 }],
    };
    expect(issuesOf(withBlocks(chart)).map((issue) => issue.path)).toEqual([
      'sections.0.blocks.0.alt',
      'sections.0.blocks.0.data.0.v',
    ]);
  });

  it('rejects an org chart whose reports-to names nobody or goes round in a cycle', () => {
    const doc = withBlocks({
      type: 'orgChart',
      caption: 'People',
      people: [
        { id: 'a', name: 'A', reportsTo: 'b', stance: 'neutral' },
        { id: 'b', name: 'B', reportsTo: 'a', stance: 'neutral' },
        { id: 'c', name: 'C', reportsTo: 'zed', stance: 'neutral' },
      ],
    });
    expect(issuesOf(doc)).toEqual([
      { path: 'sections.0.blocks.0.people.0.reportsTo', message: 'reports-to forms a cycle' },
      { path: 'sections.0.blocks.0.people.1.reportsTo', message: 'reports-to forms a cycle' },
      {
        path: 'sections.0.blocks.0.people.2.reportsTo',
        message: 'no person with id zed in this chart',
      },
    ]);
  });

  it('rejects a heat-map cell in an unknown state or column', () => {
    const doc = withBlocks({
      type: 'heatMap',
      caption: 'Whitespace',
      rowHeader: 'Account',
      columns: [{ key: 'sw', label: 'Software' }],
      states: [{ key: 'buying', label: 'Buying', symbol: '●', tone: 'positive' }],
      rows: [{ label: 'Acme', cells: { sw: 'sold', hw: 'buying' } }],
    });
    expect(issuesOf(doc)).toEqual([
      { path: 'sections.0.blocks.0.rows.0.cells.sw', message: 'no such state' },
      { path: 'sections.0.blocks.0.rows.0.cells.hw', message: 'no such column' },
    ]);
  });

  it('rejects duplicate section, subsection and table ids, and an unknown locale', () => {
    const doc: ReportDocument = {
      ...withBlocks(),
      locale: 'not a locale',
      sections: [
        { id: 'a', title: 'A', blocks: [], subsections: [{ id: 'a', title: 'A', blocks: [] }] },
      ],
    };
    expect(issuesOf(doc)).toEqual([
      { path: 'locale', message: 'unknown locale' },
      { path: 'sections.0.subsections.0.id', message: 'duplicate id a' },
    ]);
  });

  it('rejects a generatedAt that is not an instant with a zone', () => {
    expect(issuesOf({ ...withBlocks(), generatedAt: '2026-03-02' })[0]?.path).toBe('generatedAt');
  });
});
