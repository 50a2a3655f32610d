// The public surface of @account-planning/store-memory. Every exported name is listed here.

export { createMemoryDatabase, type MemoryDatabase } from './memoryDatabase.js';
export {
  createMemoryEventStore,
  type MemoryEventStore,
  type MemoryEventStoreOptions,
} from './memoryEventStore.js';
