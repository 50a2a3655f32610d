import type { Decider } from '@account-planning/core';

// An account-like aggregate for the fold figures: a record of opportunities and some counters,
// the shape a real account stream folds into.

interface Opportunity {
  readonly id: string;
  stage: 'open' | 'won' | 'lost';
  valueMinor: number;
  productLine: string;
  changes: number;
  lostReason: string | null;
}

export interface AccountLikeState {
  opportunities: Record<string, Opportunity>;
  counters: { identified: number; won: number; lost: number; valueChanges: number; notes: number };
  pipelineMinor: number;
  wonMinor: number;
  lastActivity: string;
}

export type AccountLikeEvent =
  | {
      type: 'OpportunityIdentified';
      data: { opportunityId: string; valueMinor: number; productLine: string; at: string };
    }
  | {
      type: 'OpportunityValueChanged';
      data: { opportunityId: string; valueMinor: number; at: string };
    }
  | { type: 'OpportunityWon'; data: { opportunityId: string; at: string } }
  | { type: 'OpportunityLost'; data: { opportunityId: string; reason: string; at: string } }
  | { type: 'NoteAdded'; data: { at: string } };

const initialState: AccountLikeState = {
  opportunities: {},
  counters: { identified: 0, won: 0, lost: 0, valueChanges: 0, notes: 0 },
  pipelineMinor: 0,
  wonMinor: 0,
  lastActivity: '',
};

/**
 * Applies one event to a mutable account-like state. Shared by the decider and the hand-written
 * loop, so that both do exactly the same work.
 */
export function applyAccountLikeEvent(state: AccountLikeState, event: AccountLikeEvent): void {
  state.lastActivity = event.data.at;
  switch (event.type) {
    case 'OpportunityIdentified': {
      const { opportunityId: id, valueMinor, productLine } = event.data;
      state.opportunities[id] = {
        id,
        stage: 'open',
        valueMinor,
        productLine,
        changes: 0,
        lostReason: null,
      };
      state.counters.identified++;
      state.pipelineMinor += valueMinor;
      return;
    }
    case 'OpportunityValueChanged': {
      const opportunity = state.opportunities[event.data.opportunityId];
      if (opportunity?.stage !== 'open') return;
      state.pipelineMinor += event.data.valueMinor - opportunity.valueMinor;
      opportunity.valueMinor = event.data.valueMinor;
      opportunity.changes++;
      state.counters.valueChanges++;
      return;
    }
    case 'OpportunityWon': {
      const opportunity = state.opportunities[event.data.opportunityId];
      if (opportunity?.stage !== 'open') return;
      opportunity.stage = 'won';
      state.pipelineMinor -= opportunity.valueMinor;
      state.wonMinor += opportunity.valueMinor;
      state.counters.won++;
      return;
    }
    case 'OpportunityLost': {
      const opportunity = state.opportunities[event.data.opportunityId];
      if (opportunity?.stage !== 'open') return;
      opportunity.stage = 'lost';
      opportunity.lostReason = event.data.reason;
      state.pipelineMinor -= opportunity.valueMinor;
      state.counters.lost++;
      return;
    }
    case 'NoteAdded':
      state.counters.notes++;
      return;
  }
}

/** The decider the fold figures run (it decides nothing: only `evolve` is measured). */
export const accountLikeDecider: Decider<AccountLikeState, never, AccountLikeEvent> = {
  initialState,
  decide: () => [],
  evolve: (state, event) => applyAccountLikeEvent(state as AccountLikeState, event),
};

/** A fresh, mutable initial state for the hand-written loop. */
export function freshAccountLikeState(): AccountLikeState {
  return { ...initialState, opportunities: {}, counters: { ...initialState.counters } };
}

/**
 * `count` events over a pool of `opportunities` opportunities, the same every call: each is
 * identified first; then a random one gets a value change, a note, a win or a loss while open,
 * and is identified again once closed, so that the state keeps working at a realistic size.
 */
export function accountLikeEvents(count: number, opportunities: number): AccountLikeEvent[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const open = new Array<boolean>(opportunities).fill(false);
  const events: AccountLikeEvent[] = [];
  for (let index = 0; index < count; index++) {
    const at = `2026-01-01T00:00:${String(index % 60).padStart(2, '0')}.000Z`;
    const slot = index < opportunities ? index : Math.floor(random() * opportunities);
    const opportunityId = `opp-${slot}`;
    if (!open[slot]) {
      open[slot] = true;
      events.push({
        type: 'OpportunityIdentified',
        data: {
          opportunityId,
          valueMinor: 10_000 + Math.floor(random() * 1_000_000),
          productLine: ['licences', 'services', 'support'][slot % 3] as string,
          at,
        },
      });
      continue;
    }
    const roll = random();
    if (roll < 0.75) {
      events.push({
        type: 'OpportunityValueChanged',
        data: { opportunityId, valueMinor: Math.floor(random() * 1_000_000), at },
      });
    } else if (roll < 0.9) {
      events.push({ type: 'NoteAdded', data: { at } });
    } else if (roll < 0.95) {
      open[slot] = false;
      events.push({ type: 'OpportunityWon', data: { opportunityId, at } });
    } else {
      open[slot] = false;
      events.push({ type: 'OpportunityLost', data: { opportunityId, reason: 'price', at } });
    }
  }
  return events;
}
