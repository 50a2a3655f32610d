import { describe, expect, it } from 'vitest';
import { type Decider, evolve, fold } from '../index.js';

type Counter = { total: number; byName: Record<string, number>; log: string[] };
type Added = { type: 'Added'; data: { name: string; amount: number } };
const counter: Decider<Counter, never, Added> = {
  initialState: { total: 0, byName: {}, log: [] },
  decide: () => [],
  evolve(state, event) {
    state.total += event.data.amount;
    state.byName[event.data.name] = (state.byName[event.data.name] ?? 0) + event.data.amount;
    state.log.push(event.data.name);
  },
};
const added = (name: string, amount: number): Added => ({ type: 'Added', data: { name, amount } });

describe('fold and evolve', () => {
  it('fold gives the same state as evolving event by event', () => {
    const events = [added('a', 1), added('b', 2), added('a', 3)];
    const stepwise = events.reduce((s, e) => evolve(counter, s, e), counter.initialState);
    expect(fold(counter, events)).toEqual(stepwise);
  });

  it('fold freezes its result and leaves the starting state untouched', () => {
    const start = fold(counter, [added('a', 1)]);
    const next = fold(counter, [added('b', 2)], start);
    expect(Object.isFrozen(next)).toBe(true);
    expect(Object.isFrozen(next.byName)).toBe(true);
    expect(start).toEqual({ total: 1, byName: { a: 1 }, log: ['a'] });
    expect(next.total).toBe(3);
  });

  it('evolve shares unchanged branches with its input', () => {
    const start = evolve(counter, counter.initialState, added('a', 1));
    const next = evolve(counter, start, added('a', 1));
    expect(next).not.toBe(start);
    expect(counter.initialState.total).toBe(0);
  });
});
