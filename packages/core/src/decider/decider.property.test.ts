import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decider, evolve, fold } from '../index.js';

// An account-like reducer that exercises what appliers do: add to a record, mutate nested
// objects, push to and splice arrays, delete keys, keep counters.
type Opportunity = { stage: 'open' | 'won' | 'lost'; valueMinor: number; notes: string[] };
type Account = {
  opportunities: Record<string, Opportunity>;
  contacts: string[];
  counters: { identified: number; won: number; lost: number };
  pipelineMinor: number;
};
type AccountEvent =
  | { type: 'OpportunityIdentified'; data: { id: string; valueMinor: number } }
  | { type: 'OpportunityValueChanged'; data: { id: string; valueMinor: number } }
  | { type: 'OpportunityWon'; data: { id: string } }
  | { type: 'OpportunityLost'; data: { id: string } }
  | { type: 'OpportunityNoted'; data: { id: string; note: string } }
  | { type: 'OpportunityDropped'; data: { id: string } }
  | { type: 'ContactAdded'; data: { name: string } }
  | { type: 'ContactRemoved'; data: { name: string } };

const account: Decider<Account, never, AccountEvent> = {
  initialState: {
    opportunities: {},
    contacts: [],
    counters: { identified: 0, won: 0, lost: 0 },
    pipelineMinor: 0,
  },
  decide: () => [],
  evolve(state, event) {
    const opportunity = 'id' in event.data ? state.opportunities[event.data.id] : undefined;
    switch (event.type) {
      case 'OpportunityIdentified':
        state.opportunities[event.data.id] = {
          stage: 'open',
          valueMinor: event.data.valueMinor,
          notes: [],
        };
        state.counters.identified++;
        state.pipelineMinor += event.data.valueMinor;
        return;
      case 'OpportunityValueChanged':
        if (!opportunity) return;
        state.pipelineMinor += event.data.valueMinor - opportunity.valueMinor;
        opportunity.valueMinor = event.data.valueMinor;
        return;
      case 'OpportunityWon':
      case 'OpportunityLost':
        if (opportunity?.stage !== 'open') return;
        opportunity.stage = event.type === 'OpportunityWon' ? 'won' : 'lost';
        state.counters[event.type === 'OpportunityWon' ? 'won' : 'lost']++;
        return;
      case 'OpportunityNoted':
        opportunity?.notes.push(event.data.note);
        return;
      case 'OpportunityDropped':
        delete state.opportunities[event.data.id];
        return;
      case 'ContactAdded':
        state.contacts.push(event.data.name);
        return;
      case 'ContactRemoved': {
        const index = state.contacts.indexOf(event.data.name);
        if (index >= 0) state.contacts.splice(index, 1);
        return;
      }
    }
  },
};

const id = fc.constantFrom('o1', 'o2', 'o3', 'o4');
const name = fc.constantFrom('ada', 'bea', 'cy');
const money = fc.integer({ min: 0, max: 1_000_000 });
const accountEvent: fc.Arbitrary<AccountEvent> = fc.oneof(
  fc.record({
    type: fc.constant('OpportunityIdentified' as const),
    data: fc.record({ id, valueMinor: money }),
  }),
  fc.record({
    type: fc.constant('OpportunityValueChanged' as const),
    data: fc.record({ id, valueMinor: money }),
  }),
  fc.record({ type: fc.constant('OpportunityWon' as const), data: fc.record({ id }) }),
  fc.record({ type: fc.constant('OpportunityLost' as const), data: fc.record({ id }) }),
  fc.record({
    type: fc.constant('OpportunityNoted' as const),
    data: fc.record({ id, note: fc.string() }),
  }),
  fc.record({ type: fc.constant('OpportunityDropped' as const), data: fc.record({ id }) }),
  fc.record({ type: fc.constant('ContactAdded' as const), data: fc.record({ name }) }),
  fc.record({ type: fc.constant('ContactRemoved' as const), data: fc.record({ name }) }),
);

const stepwise = (events: readonly AccountEvent[], from: Account = account.initialState) =>
  events.reduce((state, event) => evolve(account, state, event), from);

describe('fold and evolve (property)', () => {
  it('give deep-equal states for arbitrary event sequences', () => {
    fc.assert(
      fc.property(fc.array(accountEvent, { maxLength: 60 }), (events) => {
        expect(fold(account, events)).toEqual(stepwise(events));
      }),
      { numRuns: 300 },
    );
  });

  it('agree when folding on from a state that evolve produced, leaving it untouched', () => {
    fc.assert(
      fc.property(
        fc.array(accountEvent, { maxLength: 30 }),
        fc.array(accountEvent, { maxLength: 30 }),
        (before, after) => {
          const middle = stepwise(before);
          const snapshot = structuredClone(middle);
          expect(fold(account, after, middle)).toEqual(stepwise(after, middle));
          expect(middle).toEqual(snapshot);
        },
      ),
      { numRuns: 200 },
    );
  });
});
