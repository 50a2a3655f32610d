import type { RecordedEvent } from '@account-planning/core';
import { monotonicUlidFactory } from './monotonicUlidFactory.js';

const ULID_SHAPE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Finds a tenant's events by id, for idempotent re-appends, and makes the ids of events that
 * come without one. Ids the index makes itself are not hashed: they increase strictly in log
 * order, so `generatedPositions` (plain numbers) is searched by bisection when a caller hands
 * one back. Only ids that callers chose go into a Map. That keeps an append of events without
 * ids free of hashing and the heap free of one Map entry per event.
 */
export interface EventIdIndex {
  /** A new ULID, greater than every id made before and used by no event of the tenant. */
  generate(): string;
  /** Records the id of the event at `globalPosition`; `generated` when {@link generate} made it. */
  add(eventId: string, globalPosition: number, generated: boolean): void;
  /** The global position of the event with this id, or undefined. */
  find(eventId: string, log: readonly RecordedEvent[]): number | undefined;
}

/** Creates an empty index for one tenant. */
export function createEventIdIndex(): EventIdIndex {
  const chosen = new Map<string, number>();
  // Global positions of events whose ids the index made, in log order (and so in id order).
  const generatedPositions: number[] = [];
  let chosenUlids = 0;
  const nextUlid = monotonicUlidFactory(Date.now);

  const findGenerated = (eventId: string, log: readonly RecordedEvent[]) => {
    let low = 0;
    let high = generatedPositions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const id = (log[(generatedPositions[middle] as number) - 1] as RecordedEvent).eventId;
      if (id === eventId) return generatedPositions[middle];
      if (id < eventId) low = middle + 1;
      else high = middle;
    }
    return undefined;
  };

  return {
    generate() {
      let id = nextUlid();
      // A caller may have chosen, by chance or malice, an id the factory makes later.
      while (chosenUlids > 0 && chosen.has(id)) id = nextUlid();
      return id;
    },
    add(eventId, globalPosition, generated) {
      if (generated) {
        generatedPositions.push(globalPosition);
        return;
      }
      chosen.set(eventId, globalPosition);
      if (ULID_SHAPE.test(eventId)) chosenUlids++;
    },
    find(eventId, log) {
      const position = chosen.get(eventId);
      if (position !== undefined || generatedPositions.length === 0) return position;
      return ULID_SHAPE.test(eventId) ? findGenerated(eventId, log) : undefined;
    },
  };
}
