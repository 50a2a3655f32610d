import { ValidationError } from '../errors.js';
import { isPosition, type Position } from '../eventStore/position.js';
import type { EventStore } from '../eventStore/types.js';
import type { ProjectedEvent, Projection } from './projection.js';

/**
 * A point in the past to read a read model at: a log position (everything recorded up to and
 * including it: "the plan as presented at the March review" is the plan as of that review's
 * position), or a business date or instant (everything that had happened by then, by the
 * events' own business time, whenever it was recorded).
 */
export type AsOf = { readonly position: Position } | { readonly date: string };

/** A read model's state, and the position of the last event folded into it (null: none). */
export interface StateAt<S> {
  readonly state: S;
  readonly position: Position | null;
}

/**
 * The business time of an event: its data's `at`, else the `occurredAt` the command handler
 * recorded, else when the store recorded it; null when it has none of them.
 */
export function businessTimeOf(event: ProjectedEvent): string | null {
  const at = (event.data as { at?: unknown } | null)?.at;
  if (typeof at === 'string') return at;
  return event.metadata?.occurredAt ?? event.recordedAt ?? null;
}

/**
 * A test of whether an event belongs to the past `asOf` names. For a date (`YYYY-MM-DD`) the
 * whole day counts (UTC); an instant counts up to and including itself. An event without any
 * business time (none of the domain's) is taken as belonging.
 *
 * @throws {ValidationError} when `asOf` holds neither a position nor a date or instant.
 */
export function asOfFilter(asOf: AsOf): (event: ProjectedEvent) => boolean {
  if ('position' in asOf) {
    if (!isPosition(asOf.position))
      throw invalidAsOf('position', 'a position returned by the store');
    const position = asOf.position;
    return (event) => event.position <= position;
  }
  const cutoff = Date.parse(
    /^\d{4}-\d{2}-\d{2}$/.test(asOf.date) ? `${asOf.date}T23:59:59.999Z` : asOf.date,
  );
  if (Number.isNaN(cutoff)) throw invalidAsOf('date', 'a date (YYYY-MM-DD) or an ISO 8601 instant');
  return (event) => {
    const time = businessTimeOf(event);
    return time === null || Date.parse(time) <= cutoff;
  };
}

function invalidAsOf(field: string, expected: string): ValidationError {
  const message = `expected ${expected}`;
  return new ValidationError(`Invalid as-of ${field}: ${message}`, [
    { path: [field], message, code: 'invalid_value' },
  ]);
}

/**
 * Folds the events (in log order) that belong to `asOf` into a fresh state (or into `from`,
 * which the caller gives up): the read model as it stood then. As of a position, the fold stops
 * at the first event past it; as of a date, every event is looked at and those after the date
 * are skipped.
 *
 * @throws {ValidationError} as {@link asOfFilter} does.
 */
export function foldAsOf<S>(
  projection: Projection<S>,
  events: Iterable<ProjectedEvent>,
  asOf: AsOf,
  from?: S,
): StateAt<S> {
  const belongs = asOfFilter(asOf);
  const byPosition = 'position' in asOf;
  const state = from ?? projection.initial();
  const reads = new Set(projection.eventTypes);
  let position: Position | null = null;
  for (const event of events) {
    if (!belongs(event)) {
      if (byPosition) break;
      continue;
    }
    projection.evolve(state, event);
    if (reads.has(event.type)) position = event.position;
  }
  return { state, position };
}

/** Options of {@link readAsOf}. */
export interface ReadAsOfOptions<S> {
  /**
   * Start from this state (a snapshot taken at an earlier position; for a date, one whose every
   * event belongs to the date) instead of the start. It is advanced in place: pass a copy to
   * keep it.
   */
  readonly from?: StateAt<S>;
  /** Events per read (default 1000). */
  readonly pageSize?: number;
}

/**
 * Reads a read model from a store as of a position or date: the store's log (only the event
 * types the projection reads) folded up to `asOf`. Works on any store through the port; reads
 * only, never writes.
 *
 * @throws {ValidationError} as {@link asOfFilter} does; whatever the store's `readAll` throws.
 * @example
 * ```ts
 * const march = await readAsOf(store, readModelsProjection, { position: marchReview.concluded });
 * march.state.plans.plans[planId]; // the plan as presented at the March review
 * ```
 */
export async function readAsOf<S>(
  store: Pick<EventStore, 'readAll'>,
  projection: Projection<S>,
  asOf: AsOf,
  options: ReadAsOfOptions<S> = {},
): Promise<StateAt<S>> {
  const belongs = asOfFilter(asOf);
  const byPosition = 'position' in asOf;
  const state = options.from?.state ?? projection.initial();
  let position = options.from?.position ?? null;
  let after = position ?? undefined;
  for (;;) {
    const page = await store.readAll({
      ...(after === undefined ? {} : { after }),
      limit: options.pageSize ?? 1000,
      types: projection.eventTypes,
    });
    for (const event of page.events) {
      if (!belongs(event)) {
        if (byPosition) return { state, position };
        continue;
      }
      projection.evolve(state, event);
      position = event.position;
    }
    if (page.endOfLog || page.events.length === 0) return { state, position };
    after = page.next;
  }
}
