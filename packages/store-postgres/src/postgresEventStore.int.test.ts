import pg from 'pg';
import { describe, it } from 'vitest';
import { migrate } from './index.js';
import { describeStoreBehaviours } from './testSupport/describeStoreBehaviours.js';
import {
  DATABASE_URL,
  dropSchema,
  holdServer,
  NO_SERVER_REASON,
  serverPool,
  uniqueSchema,
} from './testSupport/serverDatabase.js';

if (DATABASE_URL) {
  describeStoreBehaviours('server', async () => {
    const release = await holdServer();
    const schema = uniqueSchema('behaviours');
    const pool = serverPool();
    await migrate({ pool, schema });
    return {
      connection: { pool },
      schema,
      sql: async (text, values) => (await pool.query(text, values as unknown[])).rows,
      async close() {
        await dropSchema(pool, schema);
        await pool.end();
        await release();
      },
    };
  });

  // The third executor: one connected pg Client, every call queued on it.
  describeStoreBehaviours('server through one pg Client', async () => {
    const release = await holdServer();
    const schema = uniqueSchema('client');
    const client = new pg.Client({ connectionString: DATABASE_URL });
    client.on('error', () => {});
    await client.connect();
    await migrate({ client, schema });
    return {
      connection: { client },
      schema,
      sql: async (text, values) => (await client.query(text, values as unknown[])).rows,
      async close() {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
        await release();
      },
    };
  });
} else {
  describe.skip(`PostgreSQL store behaviours on a server (${NO_SERVER_REASON})`, () => {
    it('runs the behaviours against DATABASE_URL', () => {});
  });
}
