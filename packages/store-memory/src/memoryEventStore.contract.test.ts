// #region contract
import { describeEventStoreContract } from '@account-planning/testing';
import { createMemoryDatabase, createMemoryEventStore } from './index.js'; // '@account-planning/store-memory'

// Called once for this file. Every tenant's store works over one shared database, so that
// tenant isolation is really tested.
describeEventStoreContract('memory store', () => {
  const database = createMemoryDatabase();
  return {
    createStore: ({ tenant, registry }) =>
      createMemoryEventStore({ database, tenant, ...(registry ? { registry } : {}) }),
  };
});
// #endregion contract
