import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { rankedLines, runExample } from './runExample.js';

const DATABASE_URL = process.env.DATABASE_URL;

describe.skipIf(!DATABASE_URL)(
  `the postgres example on a server${DATABASE_URL ? '' : ' (DATABASE_URL is not set)'}`,
  () => {
    it('ranks the same on a schema of its own, and drops that schema at the end', async () => {
      const { stdout } = await runExample({ DATABASE_URL });
      const schema = /Events in schema (\w+) on /.exec(stdout)?.[1];
      expect(schema).toMatch(/^example_postgres_\d+$/);
      expect(rankedLines(stdout)).toEqual([
        '1. 74  Warehouse scanners, second site',
        '2. 58  Maintenance renewal',
        '3. 55  Fleet telematics',
      ]);
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        const { rows } = await client.query(
          'SELECT 1 FROM information_schema.schemata WHERE schema_name = $1',
          [schema],
        );
        expect(rows).toEqual([]);
      } finally {
        await client.end();
      }
    });
  },
);
