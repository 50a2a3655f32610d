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
} else {
  describe.skip(`PostgreSQL store behaviours on a server (${NO_SERVER_REASON})`, () => {
    it('runs the behaviours against DATABASE_URL', () => {});
  });
}
