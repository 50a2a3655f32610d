import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs the example exactly as `pnpm start` does, collecting what it prints.
const log = vi.spyOn(console, 'log').mockImplementation(() => {});
await import('./main.js');
const printed = log.mock.calls.map((call) => call.join(' '));
afterAll(() => log.mockRestore());

describe('the custom-scoring example', () => {
  it("ranks the pipeline with the latest version of Northwind's rule", () => {
    expect(printed.filter((line) => /^\d\. /.test(line))).toEqual([
      '1.  73  Globex: warehouse scanners',
      '2.  61  Acme: ERP roll-out to finance',
      '3.  60  Acme: support upgrade to 24/7',
      '4.  44  Initech: first order',
      '5.  42  Globex: fleet telematics',
    ]);
  });

  it('sets every rule side by side and reproduces a past rating under its version', () => {
    const table = printed.slice(printed.findIndex((line) => line.includes('Side by side')) + 1);
    expect(table.slice(0, 5)).toEqual([
      'Acme: ERP roll-out to finance             75          58          61  (v1 -> v2: +3)',
      'Acme: support upgrade to 24/7             60          61          60  (v1 -> v2: -1)',
      'Globex: warehouse scanners                74          71          73  (v1 -> v2: +2)',
      'Globex: fleet telematics                  55          36          42  (v1 -> v2: +6)',
      'Initech: first order                      41          48          44  (v1 -> v2: -4)',
    ]);
    expect(printed.at(-1)).toContain(
      'was rated 58 by northwind-opportunity v1; re-scored under that version: 58',
    );
  });

  it('shows why the broken copy was refused', () => {
    expect(printed).toContain('  factors.2.weight: a weight must not be negative');
  });
});
