import { describeEventStoreContract } from '@account-planning/testing';
import { PGlite } from '@electric-sql/pglite';
import { createPostgresEventStore, migrate } from './index.js';

// One PGlite instance for the whole suite; every test works in its own tenant, so tenant
// isolation is tested over shared tables. Runs everywhere: no server needed.
describeEventStoreContract('PostgreSQL store on PGlite', async () => {
  const pglite = await PGlite.create();
  await migrate({ pglite });
  return {
    createStore: ({ tenant, registry }) =>
      createPostgresEventStore({ pglite, tenant, ...(registry ? { registry } : {}) }),
    close: () => pglite.close(),
  };
});
