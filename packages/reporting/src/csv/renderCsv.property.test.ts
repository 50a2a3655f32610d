import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { renderCsv, type TableBlock } from '../index.js';

describe('renderCsv (properties)', () => {
  it('any text, commas, quotes and line breaks included, round-trips through a CSV parser', () => {
    const special = fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '\r\n', 'é', '€', ';');
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: special, maxLength: 12 }),
    );
    const noFormula = text.filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(noFormula, noFormula), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const table: TableBlock = {
            type: 'table',
            caption: 'T',
            columns: [
              { key: 'a', label: 'A', type: 'text' },
              { key: 'b', label: 'B', type: 'text' },
            ],
            rows: rows.map(([a, b]) => ({ a, b })),
          };
          // A reader that ends records at CRLF, LF or CR: only quoting keeps a field whole.
          const parsed: string[][] = parse(renderCsv(table), {
            record_delimiter: ['\r\n', '\n', '\r'],
          });
          const expected = [['A', 'B'], ...rows.map(([a, b]) => [a, b])];
          return JSON.stringify(parsed) === JSON.stringify(expected);
        },
      ),
    );
  });
});
