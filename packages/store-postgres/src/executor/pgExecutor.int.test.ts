import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_URL,
  holdServer,
  NO_SERVER_REASON,
  SERVER_TURN_TIMEOUT_MS,
  serverPool,
} from '../testSupport/serverDatabase.js';
import type { Executor, Statement } from './executor.js';
import { createClientExecutor, createPoolExecutor, rowQueryClassOf } from './pgExecutor.js';

const SERIES: Statement = {
  name: 'ap_test_series',
  text: 'SELECT g, g * 2 AS twice FROM generate_series(1, $1::integer) AS g',
  arrays: true,
};
const FAILING: Statement = {
  name: 'ap_test_failing',
  text: 'SELECT 1 / (g - 3) FROM generate_series(1, 5) AS g',
  arrays: true,
};

describe.skipIf(!DATABASE_URL)(
  `executor.map over pg${DATABASE_URL ? '' : ` (${NO_SERVER_REASON})`}`,
  () => {
    let release: () => Promise<void>;
    let pool: pg.Pool;
    let client: pg.Client;
    const executors: [string, () => Executor][] = [
      ['a pool', () => createPoolExecutor(pool, false)],
      ['one client', () => createClientExecutor(client)],
    ];

    beforeAll(async () => {
      release = await holdServer();
      pool = serverPool(2);
      client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
    }, SERVER_TURN_TIMEOUT_MS);

    afterAll(async () => {
      await client?.end();
      await pool?.end();
      await release?.();
    });

    it("takes the rows of pg's clients one by one, as pg's Query hands them over", async () => {
      expect(rowQueryClassOf(client)).toBe(pg.Query);
      const pooled = await pool.connect();
      try {
        expect(rowQueryClassOf(pooled)).toBe(pg.Query);
      } finally {
        pooled.release();
      }
    });

    describe.each(executors)('on %s', (_, executor) => {
      it('maps every row, in order, parsed as pg parses it', async () => {
        const mapped = await executor().map(SERIES, [1000], (row) => [...row]);
        expect(mapped).toHaveLength(1000);
        expect(mapped[0]).toEqual([1, 2]);
        expect(mapped[999]).toEqual([1000, 2000]);
      });

      it('rejects with what the mapping threw, and leaves the connection usable', async () => {
        const exec = executor();
        const refused = new Error('row 3 refused');
        let seen = 0;
        await expect(
          exec.map(SERIES, [10], (row) => {
            seen++;
            if (row[0] === 3) throw refused;
            return row;
          }),
        ).rejects.toBe(refused);
        expect(seen).toBe(3);
        await expect(exec.map(SERIES, [2], (row) => row[0])).resolves.toEqual([1, 2]);
      });

      it('rejects with the server error of a statement that fails midway, and goes on', async () => {
        const exec = executor();
        await expect(exec.map(FAILING, [], (row) => row[0])).rejects.toMatchObject({
          code: '22012',
        });
        await expect(exec.map(SERIES, [3], (row) => row[1])).resolves.toEqual([2, 4, 6]);
      });
    });
  },
);
