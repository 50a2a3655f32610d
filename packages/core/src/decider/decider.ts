import { type Draft, freeze, produce } from 'immer';
import type { EventLike } from '../eventStore/types.js';

/**
 * An aggregate's behaviour as three pure parts: where a new stream starts, which events a
 * command produces, and how an event changes the state.
 *
 * `evolve` is an applier: it mutates the state it is given (an immer draft, or a privately
 * owned copy inside {@link fold}) and returns nothing. It must not read the clock, random
 * numbers or I/O, must not keep references into the state between calls, and must copy any
 * object from the event that it will mutate later. State is plain data (objects, arrays,
 * strings, numbers, booleans, null) so that it can be snapshotted.
 *
 * @typeParam S - the state.
 * @typeParam C - the command union.
 * @typeParam E - the event union (`{ type, data }`).
 */
export interface Decider<S, C, E extends EventLike> {
  /** The state of a stream with no events. Plain data; it is never mutated. */
  readonly initialState: S;
  /**
   * The events a command produces against the current state. Pure.
   * @throws {DomainRuleViolation} when the command breaks a rule.
   */
  decide(command: C, state: S): readonly E[];
  /** Applies one event by mutating `state` in place. */
  evolve(state: Draft<S>, event: E): void;
}

/**
 * Applies one event with immer's `produce`: the input is untouched, unchanged parts are shared
 * with it, and the result is deeply frozen. Use it when you keep many versions of a state (a
 * UI, an undo history); use {@link fold} to rebuild a state from many events.
 */
export function evolve<S, E extends EventLike>(
  decider: Pick<Decider<S, unknown, E>, 'evolve'>,
  state: S,
  event: E,
): S {
  return produce(state, (draft) => {
    decider.evolve(draft, event);
  });
}

/**
 * Applies every event to one privately owned copy of `from` (default: the initial state) with
 * no proxies, then freezes the result once. Gives a state deep-equal to applying
 * {@link evolve} event by event, many times faster. The input state is not touched.
 */
export function fold<S, E extends EventLike>(
  decider: Pick<Decider<S, unknown, E>, 'evolve' | 'initialState'>,
  events: Iterable<E>,
  from: S = decider.initialState,
): S {
  // structuredClone gives an unfrozen copy that no one else holds, so the appliers may mutate it.
  const state = structuredClone(from) as Draft<S>;
  for (const event of events) decider.evolve(state, event);
  return freeze(state as S, true);
}
