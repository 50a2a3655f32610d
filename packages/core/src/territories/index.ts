// The Territory aggregate: tiers, reps, KPI benchmarks and market conditions (seed 000).

export {
  AssessTerritoryMarketConditions,
  AssignRepToTerritory,
  ChangeTerritoryTier,
  DefineTerritory,
  RetireTerritory,
  SetTerritoryKpiBenchmark,
  TerritoryCommand,
  UnassignRepFromTerritory,
} from './commands.js';
export { decideTerritory } from './decide.js';
export {
  BenchmarkValue,
  RepAssignedToTerritory,
  RepUnassignedFromTerritory,
  TerritoryDefined,
  type TerritoryEvent,
  TerritoryId,
  TerritoryKpi,
  TerritoryKpiBenchmarkSet,
  TerritoryMarketConditionsAssessed,
  TerritoryRetired,
  TerritoryTier,
  TerritoryTierChanged,
  territoryEvents,
} from './events.js';
export { evolveTerritory } from './evolve.js';
export { type TerritoryRule, territoryRules } from './rules.js';
export { territoryAggregate, territoryDecider } from './territoryDecider.js';
export {
  initialTerritoryState,
  type MarketConditions,
  type TerritoryState,
} from './territoryState.js';
