import { deciderSpec } from '@account-planning/testing';
import { describe, it } from 'vitest';
import {
  createEventRegistry,
  TerritoryCommand,
  type TerritoryEvent,
  territoryDecider,
  territoryEvents,
} from '../index.js';

const spec = deciderSpec(territoryDecider, {
  commandSchema: TerritoryCommand,
  registry: createEventRegistry(territoryEvents),
});
const territoryId = 'north-1';
const at = '2026-01-05T08:00:00.000Z';
const defined: TerritoryEvent = {
  type: 'TerritoryDefined',
  data: { territoryId, at, name: 'North', tier: 'A', currency: 'EUR' },
};
const assigned = (repId: string): TerritoryEvent => ({
  type: 'RepAssignedToTerritory',
  data: { territoryId, at, repId },
});
const retired: TerritoryEvent = {
  type: 'TerritoryRetired',
  data: { territoryId, at, reason: 'Merged into North-East' },
};
const benchmark = (kpi: string, value: unknown) => ({
  type: 'SetTerritoryKpiBenchmark',
  territoryId,
  at,
  quarter: '2026-Q2',
  kpi,
  benchmark: value,
});

describe('territory', () => {
  it('defines a tiered territory', () => {
    spec
      .given([])
      .when({ type: 'DefineTerritory', territoryId, at, name: 'North', tier: 'A', currency: 'EUR' })
      .then([defined]);
  });

  it('rejects defining a territory id twice', () => {
    spec
      .given([defined])
      .when({ type: 'DefineTerritory', territoryId, at, name: 'N', tier: 'B', currency: 'EUR' })
      .thenRejects({ rule: 'territory.already_defined', ids: { territoryId } });
  });

  it('rejects any command to a territory never defined', () => {
    spec
      .given([])
      .when({ type: 'AssignRepToTerritory', territoryId, at, repId: 'rep-1' })
      .thenRejects({ rule: 'territory.not_defined' });
  });

  it('rejects a command naming another territory than its stream', () => {
    spec
      .given([defined])
      .when({ type: 'AssignRepToTerritory', territoryId: 'south-2', at, repId: 'rep-1' })
      .thenRejects({ rule: 'territory.id_mismatch', ids: { territoryId: 'south-2' } });
  });

  it('rejects a tier D as malformed', () => {
    spec
      .given([defined])
      .when({ type: 'ChangeTerritoryTier', territoryId, at, tier: 'D', reason: 'x' })
      .thenRejects({ code: 'validation_failed' });
  });

  it('moves a territory to another tier, remembering the previous one', () => {
    spec
      .given([defined])
      .when({ type: 'ChangeTerritoryTier', territoryId, at, tier: 'C', reason: 'Plant closed' })
      .then([
        {
          type: 'TerritoryTierChanged',
          data: { territoryId, at, tier: 'C', previousTier: 'A', reason: 'Plant closed' },
        },
      ]);
  });

  it('rejects a tier change to the same tier', () => {
    spec
      .given([defined])
      .when({ type: 'ChangeTerritoryTier', territoryId, at, tier: 'A', reason: 'x' })
      .thenRejects({ rule: 'territory.tier_unchanged' });
  });

  it('rejects assigning a rep twice', () => {
    spec
      .given([defined, assigned('rep-1')])
      .when({ type: 'AssignRepToTerritory', territoryId, at, repId: 'rep-1' })
      .thenRejects({ rule: 'territory.rep_already_assigned', ids: { repId: 'rep-1' } });
  });

  it('rejects unassigning a rep who is not assigned', () => {
    spec
      .given([defined, assigned('rep-1')])
      .when({ type: 'UnassignRepFromTerritory', territoryId, at, repId: 'rep-2' })
      .thenRejects({ rule: 'territory.rep_not_assigned', ids: { repId: 'rep-2' } });
  });

  it('sets a money benchmark for a quarter in the territory’s currency', () => {
    const value = { unit: 'money', value: { amountMinor: 5_000_000, currency: 'EUR' } } as const;
    spec
      .given([defined])
      .when(benchmark('revenue', value))
      .then([
        {
          type: 'TerritoryKpiBenchmarkSet',
          data: { territoryId, at, quarter: '2026-Q2', kpi: 'revenue', benchmark: value },
        },
      ]);
  });

  it('rejects a money benchmark in another currency', () => {
    spec
      .given([defined])
      .when(benchmark('revenue', { unit: 'money', value: { amountMinor: 1, currency: 'USD' } }))
      .thenRejects({ rule: 'territory.currency_mismatch', ids: { currency: 'USD' } });
  });

  it('rejects a revenue benchmark given as a count', () => {
    spec
      .given([defined])
      .when(benchmark('revenue', { unit: 'count', value: 10 }))
      .thenRejects({ rule: 'territory.benchmark_unit_mismatch', ids: { kpi: 'revenue' } });
  });

  it('rejects a benchmark for a malformed quarter', () => {
    spec
      .given([defined])
      .when({ ...benchmark('units', { unit: 'count', value: 10 }), quarter: '2026-Q5' })
      .thenRejects({ code: 'validation_failed' });
  });

  it('rejects a market-conditions factor of zero or above two', () => {
    for (const factor of [0, -0.5, 2.5]) {
      spec
        .given([defined])
        .when({
          type: 'AssessTerritoryMarketConditions',
          territoryId,
          at,
          year: 2027,
          factor,
          rationale: 'Airlines grounded',
        })
        .thenRejects({
          rule: 'territory.market_factor_out_of_range',
          ids: { factor: String(factor) },
        });
    }
  });

  it('rejects retiring a territory that still has reps', () => {
    spec
      .given([defined, assigned('rep-1')])
      .when({ type: 'RetireTerritory', territoryId, at, reason: 'Merged' })
      .thenRejects({ rule: 'territory.reps_still_assigned', ids: { repId: 'rep-1' } });
  });

  it('rejects every command to a retired territory', () => {
    spec
      .given([defined, retired])
      .when({ type: 'AssignRepToTerritory', territoryId, at, repId: 'rep-1' })
      .thenRejects({ rule: 'territory.retired', ids: { territoryId } });
  });
});
