import type { EventStore, LogRead } from '../eventStore/types.js';
import type { StateAt } from './asOf.js';
import type { Projection } from './projection.js';

/**
 * Builds a read model from a store's whole log (only the event types the projection reads),
 * page by page: the read model rebuilt from scratch. Reads only; any store through the port.
 *
 * @throws whatever the store's `readAll` throws.
 */
export async function readProjection<S>(
  store: Pick<EventStore, 'readAll'>,
  projection: Projection<S>,
  options: { readonly pageSize?: number } = {},
): Promise<StateAt<S>> {
  const state = projection.initial();
  let position: StateAt<S>['position'] = null;
  for (;;) {
    const page: LogRead = await store.readAll({
      ...(position === null ? {} : { after: position }),
      limit: options.pageSize ?? 1000,
      types: projection.eventTypes,
    });
    for (const event of page.events) projection.evolve(state, event);
    if (page.events.length > 0) position = page.next;
    if (page.endOfLog || page.events.length === 0) return { state, position };
  }
}
