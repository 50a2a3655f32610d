import { describeEventStoreContract } from '@account-planning/testing';
import { createMemoryDatabase, createMemoryEventStore } from './index.js';

// Every tenant's store works over one shared database, so tenant isolation is really tested.
describeEventStoreContract('memory store', () => {
  const database = createMemoryDatabase();
  return {
    createStore: ({ tenant, registry }) =>
      createMemoryEventStore({ database, tenant, ...(registry ? { registry } : {}) }),
  };
});
