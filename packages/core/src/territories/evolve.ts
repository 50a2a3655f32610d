import type { Draft } from 'immer';
import type { TerritoryEvent } from './events.js';
import type { TerritoryState } from './territoryState.js';

/**
 * Applies one territory event to a territory state by mutating it (an immer draft, or the
 * private copy inside `fold`). Pure.
 */
export function evolveTerritory(state: Draft<TerritoryState>, event: TerritoryEvent): void {
  switch (event.type) {
    case 'TerritoryDefined':
      state.status = 'active';
      state.territoryId = event.data.territoryId;
      state.name = event.data.name;
      state.tier = event.data.tier;
      state.currency = event.data.currency;
      return;
    case 'TerritoryTierChanged':
      state.tier = event.data.tier;
      return;
    case 'RepAssignedToTerritory':
      state.reps.push(event.data.repId);
      return;
    case 'RepUnassignedFromTerritory':
      state.reps = state.reps.filter((repId) => repId !== event.data.repId);
      return;
    case 'TerritoryKpiBenchmarkSet': {
      state.benchmarks[event.data.quarter] ??= {};
      const quarter = state.benchmarks[event.data.quarter]!;
      quarter[event.data.kpi] = event.data.benchmark;
      return;
    }
    case 'TerritoryMarketConditionsAssessed':
      state.marketConditions[String(event.data.year)] = {
        factor: event.data.factor,
        rationale: event.data.rationale,
        assessedAt: event.data.at,
      };
      return;
    case 'TerritoryRetired':
      state.status = 'retired';
      return;
  }
}
