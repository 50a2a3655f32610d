import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor, Statement } from './executor.js';
import { createPGliteExecutor } from './pgliteExecutor.js';

const ECHO: Statement = {
  name: 'ap_test_echo',
  text: 'SELECT $1::text AS text, $2::text[] AS list, $3::bigint AS number, $4::boolean AS flag',
};
const COUNT_PREPARED: Statement = {
  name: 'ap_test_count_prepared',
  text: "SELECT count(*)::integer AS n FROM pg_prepared_statements WHERE name LIKE 'ap\\_test\\_%'",
};

// One PGlite instance for this file.
describe('the PGlite executor', () => {
  let pglite: PGlite;
  let executor: Executor;

  beforeAll(async () => {
    pglite = await PGlite.create();
    executor = createPGliteExecutor(pglite, false);
  });

  afterAll(async () => {
    await pglite.close();
  });

  it('hands every parameter over verbatim, whatever quotes, dollars, braces or backslashes it holds', async () => {
    const tricky = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        "'",
        "''; DROP TABLE x; --",
        '$ap$',
        '$ap0$ $ap$',
        'x$ap',
        '$ap',
        'a$ap0',
        '$',
        '$$',
        '\\',
        '{"a",}',
        'NULL',
        '',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        tricky,
        fc.array(fc.option(tricky, { nil: null }), { maxLength: 5 }),
        fc.maxSafeInteger(),
        fc.boolean(),
        async (text, list, number, flag) => {
          const values = [text, list, number, flag];
          if (text.includes('\0') || list.some((item) => item?.includes('\0'))) {
            // Not writable as a literal: run with parameters, which PostgreSQL refuses, as before.
            await expect(executor.run(ECHO, values)).rejects.toMatchObject({ code: '22021' });
            return;
          }
          expect(await executor.run(ECHO, values)).toEqual([{ text, list, number, flag }]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('prepares each statement once, however many run it at once, and again after DEALLOCATE', async () => {
    const prepared = async () => (await executor.run(COUNT_PREPARED, []))[0]?.n;
    await pglite.query('DEALLOCATE ALL');
    const rows = await Promise.all(
      Array.from({ length: 5 }, (_, n) => executor.run(ECHO, [`${n}`, [], n, true])),
    );
    expect(rows.map(([row]) => row?.text)).toEqual(['0', '1', '2', '3', '4']);
    expect(await prepared()).toBe(2);
    await pglite.query('DEALLOCATE ALL');
    expect(await executor.run(ECHO, ['again', ['a'], 1, false])).toEqual([
      { text: 'again', list: ['a'], number: 1, flag: false },
    ]);
    expect(await prepared()).toBe(2);
  });

  it('maps the rows of a prepared statement as arrays', async () => {
    const series: Statement = {
      name: 'ap_test_series',
      text: 'SELECT g, g * 2 FROM generate_series(1, $1::integer) AS g',
      arrays: true,
    };
    expect(await executor.map(series, [3], (row) => row[1])).toEqual([2, 4, 6]);
  });
});
