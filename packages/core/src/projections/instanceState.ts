import type { ProjectedEvent } from './projection.js';

/**
 * A new copy of an aggregate's initial state that the caller may mutate: plain objects and
 * arrays are copied all the way down (initial states are small), everything else is shared.
 * Much cheaper than `structuredClone` for the thousands of streams a read model opens.
 */
export function freshState<S>(initial: S): S {
  return copy(initial) as S;
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    // An empty record of an initial state is one that fills up by id (opportunities, contacts,
    // discussions): give it the shape such a record ends up with.
    if (keys.length === 0) return keyedRecord();
    const out: Record<string, unknown> = {};
    for (const key of keys) out[key] = copy((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * A new, empty plain object for a record keyed by ids, such as an account's opportunities.
 *
 * V8 gives an object that gains properties a hidden class per set of keys, so each object
 * keyed by its own ids makes classes of its own until it has a dozen or so keys, then switches
 * to a hash table. Folding a million events made some 30,000 such classes (a third of what the
 * reviews and accounts allocated). Deleting a property that was not the last one added
 * switches an object to the hash table at once; this object starts there. It is an ordinary
 * object in every other way: same prototype, keys in insertion order, JSON as usual.
 */
export function keyedRecord<T>(): Record<string, T> {
  const record: Record<string, unknown> = { first: 0, second: 0 };
  // Deleting is the point: it puts the object in dictionary mode.
  delete record.first;
  delete record.second;
  return record as Record<string, T>;
}

/**
 * The state of one aggregate instance (an account, a review, a plan) in a read model's record
 * of them: the one kept under `id`; or, when `event` is the instance's opening event type, a new
 * one from `create`, put under `id`; or undefined for an event of an instance never opened
 * (which deciders do not produce, and a read model ignores rather than crash a replay).
 */
export function instanceState<S>(
  instances: Record<string, S>,
  id: string,
  event: ProjectedEvent,
  opening: string,
  create: () => S,
): S | undefined {
  const known = instances[id];
  if (known !== undefined || event.type !== opening) return known;
  const created = create();
  instances[id] = created;
  return created;
}
