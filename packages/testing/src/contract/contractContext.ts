import type { EventRegistry, EventStore, RecordedEvent } from '@account-planning/core';

/** What every contract group gets: stores over the fixture's shared data, closed after each test. */
export interface ContractContext {
  /** A store bound to `tenant` (a fresh random tenant when omitted). Closed after the test. */
  store(options?: {
    readonly tenant?: string;
    readonly registry?: EventRegistry;
  }): Promise<EventStore>;
  /** A tenant id no other test uses. */
  newTenant(): string;
}

/** Every event of the store's tenant, in log order. */
export async function readWholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let read = await store.readAll({ limit: 1000 });
  events.push(...read.events);
  while (!read.endOfLog) {
    read = await store.readAll({ after: read.next, limit: 1000 });
    events.push(...read.events);
  }
  return events;
}

/** The error a promise (or a function that may throw synchronously) rejected with. */
export async function rejectionOf(
  attempt: Promise<unknown> | (() => unknown),
): Promise<Error & Record<string, unknown>> {
  try {
    await (typeof attempt === 'function' ? attempt() : attempt);
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('Expected a rejection, but the call succeeded');
}
