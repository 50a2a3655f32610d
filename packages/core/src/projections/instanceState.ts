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
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
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
