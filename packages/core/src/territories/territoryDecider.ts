import { defineAggregate } from '../catalog/aggregateDefinition.js';
import type { Decider } from '../decider/decider.js';
import { TerritoryCommand } from './commands.js';
import { decideTerritory } from './decide.js';
import { type TerritoryEvent, territoryEvents } from './events.js';
import { evolveTerritory } from './evolve.js';
import { territoryRules } from './rules.js';
import { initialTerritoryState, type TerritoryState } from './territoryState.js';

/** The territory's behaviour: `decideTerritory` and `evolveTerritory` on streams `territory-<id>`. */
export const territoryDecider: Decider<TerritoryState, TerritoryCommand, TerritoryEvent> = {
  initialState: initialTerritoryState,
  decide: decideTerritory,
  evolve: evolveTerritory,
};

/** The Territory aggregate for the catalog: events, commands, rules and decider. */
export const territoryAggregate = defineAggregate({
  name: 'Territory',
  streamKind: 'territory',
  streamIdPattern: 'territory-<id>',
  description:
    "A rep's patch (seed 000): tiered A, B or C, with the reps assigned to it, KPI benchmarks per quarter and a market-conditions factor per year.",
  events: territoryEvents,
  commandSchema: TerritoryCommand,
  rules: territoryRules,
  decider: territoryDecider,
});
