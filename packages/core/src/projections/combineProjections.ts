import { ValidationError } from '../errors.js';
import type { Position } from '../eventStore/position.js';
import { type AnyHandler, handlersOf, type ProjectedEvent, type Projection } from './projection.js';

/** The states of a record of projections, under the same keys. */
export type StatesOf<P extends Record<string, Projection<unknown>>> = {
  readonly [K in keyof P]: P[K] extends Projection<infer S> ? S : never;
};

/** The state of combined projections: each part's state, and where in the log they stand. */
export type CombinedState<P extends Record<string, Projection<unknown>>> = StatesOf<P> & {
  /** The position of the last event folded (of a type some part reads), or null before any. */
  readonly position: Position | null;
  /**
   * How many events were folded: those of a type some part reads, so that a fold of the whole
   * log and one of the log filtered by `eventTypes` give the same state.
   */
  readonly eventCount: number;
};

const RESERVED = new Set(['position', 'eventCount']);

/**
 * Combines projections into one that keeps each part's state under its key, plus the position
 * of the last event folded and the number of events folded (events no part reads are skipped). Each event type is dispatched once, to
 * exactly the handlers that read it. The version changes when any part's does.
 *
 * @throws {ValidationError} when a key is `position` or `eventCount`.
 * @example
 * ```ts
 * const both = combineProjections('book-and-ledger', { book: accountBookProjection,
 *   ledger: commitmentLedgerProjection });
 * const state = foldProjection(both, events); // state.book, state.ledger, state.position
 * ```
 */
export function combineProjections<P extends Record<string, Projection<unknown>>>(
  name: string,
  parts: P,
): Projection<CombinedState<P>> {
  const keys = Object.keys(parts);
  for (const key of keys) {
    if (RESERVED.has(key)) {
      throw new ValidationError(`A combined projection cannot have a part named ${key}`, [
        { path: ['parts', key], message: 'reserved name', code: 'invalid_value' },
      ]);
    }
  }
  // type -> the parts that read it, as (key, handler) pairs in key order.
  const dispatch = new Map<string, { key: string; handler: AnyHandler<unknown> }[]>();
  for (const key of keys) {
    for (const [type, handler] of handlersOf(parts[key] as Projection<unknown>)) {
      let list = dispatch.get(type);
      if (!list) {
        list = [];
        dispatch.set(type, list);
      }
      list.push({ key, handler });
    }
  }
  type Mutable = Record<string, unknown> & { position: Position | null; eventCount: number };
  return {
    name,
    version: keys.map((key) => `${key}:${parts[key]!.name}@${parts[key]!.version}`).join(','),
    eventTypes: [...dispatch.keys()],
    initial() {
      const state: Mutable = { position: null, eventCount: 0 };
      for (const key of keys) state[key] = parts[key]!.initial();
      return state as unknown as CombinedState<P>;
    },
    evolve(combined: CombinedState<P>, event: ProjectedEvent) {
      const list = dispatch.get(event.type);
      if (list === undefined) return;
      const state = combined as unknown as Mutable;
      state.position = event.position;
      state.eventCount += 1;
      for (let i = 0; i < list.length; i++) {
        const { key, handler } = list[i]!;
        handler(state[key] as never, event.data, event);
      }
    },
  };
}
