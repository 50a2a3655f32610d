import { domainAggregates } from '../catalog/domainAggregates.js';
import { createEventRegistry, type EventRegistry } from '../eventStore/eventRegistry.js';
import { applicationEvents } from './events.js';

/**
 * The registry of every event the library writes: each aggregate's events and the application
 * service's own (the account-hierarchy ledger's claims). Give it to a store so that it validates
 * data on append and upcasts it on read.
 *
 * @example
 * ```ts
 * const store = createMemoryEventStore({ registry: createDomainEventRegistry() });
 * const planning = createAccountPlanning({ store });
 * ```
 */
export function createDomainEventRegistry(): EventRegistry {
  return createEventRegistry([
    ...domainAggregates.flatMap((aggregate) => aggregate.events),
    ...applicationEvents,
  ]);
}
