import type { RecordedEvent } from '@account-planning/core';
import { keepShape } from './keepShape.js';
import { MonotonicUlids } from './monotonicUlids.js';

const ULID_SHAPE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Finds a tenant's events by id, for idempotent re-appends, and makes the ids of events that
 * come without one. Ids the index makes itself are not hashed: they increase strictly in log
 * order, so `generatedPositions` (plain numbers) is searched by bisection when a caller hands
 * one back. Only ids that callers chose go into a Map. That keeps an append of events without
 * ids free of hashing and the heap free of one Map entry per event. A class rather than
 * closures made per tenant, so that its optimised code outlives the database that made it.
 */
export class EventIdIndex {
  private readonly chosen = new Map<string, number>();
  // Global positions of events whose ids the index made, in log order (and so in id order).
  private readonly generatedPositions: number[] = [];
  private chosenUlids = 0;
  private readonly ulids = new MonotonicUlids(Date.now);

  /** A new ULID, greater than every id made before and used by no event of the tenant. */
  generate(): string {
    let id = this.ulids.next();
    // A caller may have chosen, by chance or malice, an id the factory makes later.
    while (this.chosenUlids > 0 && this.chosen.has(id)) id = this.ulids.next();
    return id;
  }

  /** Records the id of the event at `globalPosition`; `generated` when {@link generate} made it. */
  add(eventId: string, globalPosition: number, generated: boolean): void {
    if (generated) {
      this.generatedPositions.push(globalPosition);
      return;
    }
    this.chosen.set(eventId, globalPosition);
    if (ULID_SHAPE.test(eventId)) this.chosenUlids++;
  }

  /** The global position of the event with this id, or undefined. */
  find(eventId: string, log: readonly RecordedEvent[]): number | undefined {
    const position = this.chosen.get(eventId);
    if (position !== undefined || this.generatedPositions.length === 0) return position;
    return ULID_SHAPE.test(eventId) ? this.findGenerated(eventId, log) : undefined;
  }

  private findGenerated(eventId: string, log: readonly RecordedEvent[]): number | undefined {
    const positions = this.generatedPositions;
    let low = 0;
    let high = positions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const id = (log[(positions[middle] as number) - 1] as RecordedEvent).eventId;
      if (id === eventId) return positions[middle];
      if (id < eventId) low = middle + 1;
      else high = middle;
    }
    return undefined;
  }
}

// Used once, so that the kept exemplar holds the shapes an index in use has.
const exemplar = keepShape(new EventIdIndex());
exemplar.add(exemplar.generate(), 1, true);
