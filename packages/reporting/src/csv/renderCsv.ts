import { stringify } from 'csv-stringify/sync';
import type { ReportBlock, ReportDocument } from '../document/reportDocument.js';
import type { TableBlock, TableColumn } from '../document/tableBlock.js';
import { minorToDecimal } from '../formatting/formatValue.js';

/** Options for {@link renderCsv}. */
export interface CsvOptions {
  /**
   * Prefix a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return with
   * `'`, so a spreadsheet opening the file shows it instead of running it as a formula
   * (CSV injection). On unless `false`; numbers, money and dates are never touched.
   */
  readonly guardFormulas?: boolean;
}

/** One table of a document as a CSV file. */
export interface CsvFile {
  /** `<table id>.csv`, or `<section id>[-<subsection id>]-table-<n>.csv`; unique per document. */
  readonly fileName: string;
  /** The table's caption. */
  readonly caption: string;
  /** The file's content (RFC 4180). */
  readonly csv: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One table as RFC 4180 CSV (through csv-stringify): a header row of column labels (money
 * headers name the currency, `Revenue (EUR)`; percent headers end in `(%)`; number headers
 * name their unit), then the rows and the footer rows. Values are for machines, not people:
 * money is the exact decimal in major units (`1234.56`, from integer minor units without
 * float arithmetic), percentages are percentage points (`12.5`), dates stay `YYYY-MM-DD`,
 * empty cells are empty. Records end in CRLF; fields with commas, quotes or line breaks are
 * quoted, quotes doubled.
 */
export function renderCsv(table: TableBlock, options: CsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const text = (value: string) => (guard && FORMULA_START.test(value) ? `'${value}` : value);
  const header = table.columns.map((column) => text(columnHeader(column)));
  const records = [...table.rows, ...(table.footer ?? [])].map((row) =>
    table.columns.map((column) => {
      const value = row[column.key] ?? null;
      if (value === null) return '';
      return column.type === 'text' ? text(String(value)) : machineValue(column, value);
    }),
  );
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR;
  // readers that end records at either would split it, so quote those too.
  return stringify([header, ...records], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/**
 * Every table of a document as a CSV file, in document order (section blocks, then each
 * subsection's), each rendered by {@link renderCsv}. Other blocks have no CSV form.
 */
export function renderCsvFiles(doc: ReportDocument, options: CsvOptions = {}): CsvFile[] {
  const files: CsvFile[] = [];
  const taken = new Set<string>();
  const collect = (blocks: readonly ReportBlock[], prefix: string) => {
    let n = 0;
    for (const block of blocks) {
      if (block.type !== 'table') continue;
      n += 1;
      let base = block.id ?? `${prefix}-table-${n}`;
      for (let k = 2; taken.has(base); k++) base = `${block.id ?? `${prefix}-table-${n}`}-${k}`;
      taken.add(base);
      files.push({
        fileName: `${base}.csv`,
        caption: block.caption,
        csv: renderCsv(block, options),
      });
    }
  };
  for (const section of doc.sections) {
    collect(section.blocks, section.id);
    for (const subsection of section.subsections ?? []) {
      collect(subsection.blocks, `${section.id}-${subsection.id}`);
    }
  }
  return files;
}

function columnHeader(column: TableColumn): string {
  switch (column.type) {
    case 'money':
      return `${column.label} (${column.currency})`;
    case 'percent':
      return `${column.label} (%)`;
    case 'number':
      return column.unit ? `${column.label} (${column.unit})` : column.label;
    default:
      return column.label;
  }
}

function machineValue(column: TableColumn, value: string | number): string {
  switch (column.type) {
    case 'money':
      return minorToDecimal(Number(value), column.currency);
    case 'percent':
      return shiftDecimalPoint(Number(value), 2);
    default:
      return String(value);
  }
}

/**
 * `value` times 10^`places`, computed on its shortest decimal representation rather than by
 * multiplying floats, so `0.07` gives `7`, not `7.000000000000001`.
 */
function shiftDecimalPoint(value: number, places: number): string {
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  let digits = whole + fraction;
  let point = whole.length + places + Number(exponent);
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const decimals = digits.slice(point).replace(/0+$/, '');
  const text = decimals ? `${integer}.${decimals}` : integer;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}
