import { evolve, fold } from '@account-planning/core';
import { type BenchSuite, cpuTimeMs } from '../benchSuite.js';
import {
  type AccountLikeState,
  accountLikeDecider,
  accountLikeEvents,
  applyAccountLikeEvent,
  freshAccountLikeState,
} from './accountLikeDecider.js';

const EVENTS = 200_000;
const OPPORTUNITIES = 100;
let generated: ReturnType<typeof accountLikeEvents> | undefined;
// Made on first use, so that a filtered run of other suites does not pay for it.
const accountEvents = () => {
  generated ??= accountLikeEvents(EVENTS, OPPORTUNITIES);
  return generated;
};

let plainFirst = false;

/** The owned fold against immer per event and against a hand-written mutable loop. */
export const foldSuite: BenchSuite = {
  name: 'fold',
  figures: [
    {
      name: 'fold.owned_vs_produce_per_event',
      unit: 'events/CPU-s',
      target: { of: 'ratio', atLeast: 15 },
      runs: 3,
      // Seconds per run through immer, which needs no JIT warm-up to show its cost.
      warmUp: false,
      async measure() {
        const events = accountEvents();
        const owned = await cpuTimeMs(() => fold(accountLikeDecider, events));
        const perEvent = await cpuTimeMs(() => {
          let state: AccountLikeState = accountLikeDecider.initialState;
          for (const event of events) state = evolve(accountLikeDecider, state, event);
          return state;
        });
        return { value: (EVENTS / owned) * 1000, baseline: (EVENTS / perEvent) * 1000 };
      },
    },
    {
      name: 'fold.owned_vs_plain_loop',
      unit: 'CPU-ms',
      target: { of: 'ratio', atMost: 2 },
      runs: 7,
      async measure() {
        const events = accountEvents();
        const runOwned = () => cpuTimeMs(() => fold(accountLikeDecider, events));
        const runPlain = () =>
          cpuTimeMs(() => {
            const state = freshAccountLikeState();
            for (const event of events) applyAccountLikeEvent(state, event);
            return state;
          });
        // Whichever runs second pays for the first one's garbage: alternate the order.
        plainFirst = !plainFirst;
        if (plainFirst) {
          const plain = await runPlain();
          return { value: await runOwned(), baseline: plain };
        }
        const owned = await runOwned();
        return { value: owned, baseline: await runPlain() };
      },
    },
  ],
};
