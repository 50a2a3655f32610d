import { describeEventStoreContract } from '@account-planning/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createPostgresEventStore, migrate } from './index.js';
import {
  DATABASE_URL,
  dropSchema,
  holdServer,
  NO_SERVER_REASON,
  SERVER_TURN_TIMEOUT_MS,
  serverPool,
  uniqueSchema,
} from './testSupport/serverDatabase.js';

// The same suite against a real server, in a schema of its own that is dropped afterwards.
if (DATABASE_URL) {
  describe('on the server', () => {
    let release: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      release = await holdServer();
    }, SERVER_TURN_TIMEOUT_MS);
    afterAll(async () => {
      await release?.();
    });

    describeEventStoreContract('PostgreSQL store on a server', async () => {
      const schema = uniqueSchema('contract');
      const pool = serverPool(20);
      await migrate({ pool, schema });
      return {
        createStore: ({ tenant, registry }) =>
          createPostgresEventStore({ pool, schema, tenant, ...(registry ? { registry } : {}) }),
        async close() {
          await dropSchema(pool, schema);
          await pool.end();
        },
      };
    });
  });
} else {
  describe.skip(`event-store contract on a server (${NO_SERVER_REASON})`, () => {
    it('runs the contract suite against DATABASE_URL', () => {});
  });
}
