import type {
  BenchmarkValue,
  CurrencyCode,
  TerritoryCommand,
  TerritoryEvent,
  TerritoryKpi,
} from '@account-planning/core';
import fc from 'fast-check';
import {
  arbitraryCurrency,
  arbitraryInstant,
  arbitraryMoney,
  arbitraryQuarter,
  arbitraryText,
} from './primitives.js';

/** The fixed facts of one generated territory: its id, currency and the reps that may work it. */
export interface TerritoryContext {
  readonly territoryId: string;
  readonly currency: CurrencyCode;
  /** A small pool, so that reps are assigned, unassigned and assigned twice. */
  readonly reps: readonly string[];
}

/** A territory context: an id such as `north-7`, a currency and two to four reps. */
export function arbitraryTerritoryContext(): fc.Arbitrary<TerritoryContext> {
  return fc.record({
    territoryId: fc
      .tuple(fc.constantFrom('north', 'south', 'east', 'west', 'DE', 'online'), fc.nat(99))
      .map(([region, n]) => `${region}-${n}`),
    currency: arbitraryCurrency(),
    reps: fc.uniqueArray(
      fc.integer({ min: 1, max: 50 }).map((n) => `rep-${n}`),
      { minLength: 2, maxLength: 4 },
    ),
  });
}

const KPIS_BY_UNIT = {
  money: ['revenue', 'gross_profit', 'pipeline_value'],
  count: ['units', 'new_accounts'],
  percent: ['revenue_growth', 'logo_retention', 'net_revenue_retention'],
} as const satisfies Record<BenchmarkValue['unit'], readonly TerritoryKpi[]>;

/** A KPI with a benchmark in the KPI's unit; money in `currency`. */
export function arbitraryKpiBenchmark(
  currency: CurrencyCode,
): fc.Arbitrary<{ kpi: TerritoryKpi; benchmark: BenchmarkValue }> {
  return fc.oneof(
    fc.record({
      kpi: fc.constantFrom(...KPIS_BY_UNIT.money),
      benchmark: fc.record({
        unit: fc.constant('money' as const),
        value: arbitraryMoney(currency),
      }),
    }),
    fc.record({
      kpi: fc.constantFrom(...KPIS_BY_UNIT.count),
      benchmark: fc.record({
        unit: fc.constant('count' as const),
        value: fc.integer({ min: 0, max: 10_000 }),
      }),
    }),
    fc.record({
      kpi: fc.constantFrom(...KPIS_BY_UNIT.percent),
      benchmark: fc.record({
        unit: fc.constant('percent' as const),
        value: fc.integer({ min: -100, max: 300 }),
      }),
    }),
  );
}

type CommandOf<T extends TerritoryCommand['type']> = Extract<TerritoryCommand, { type: T }>;
type EventOfType<T extends TerritoryEvent['type']> = Extract<TerritoryEvent, { type: T }>;

/**
 * One arbitrary per territory command, for the territory of `context`. Each is well-formed and
 * keeps the content rules (benchmark unit and currency, market factor in (0, 2]); whether it is
 * accepted depends on the territory's state (defined, retired, reps assigned, tier).
 */
export function territoryCommandArbitraries(context: TerritoryContext) {
  const base = { territoryId: fc.constant(context.territoryId), at: arbitraryInstant() };
  const rep = fc.constantFrom(...context.reps);
  const tier = fc.constantFrom('A' as const, 'B' as const, 'C' as const);
  const arbitraries = {
    DefineTerritory: fc.record({
      type: fc.constant('DefineTerritory' as const),
      ...base,
      name: arbitraryText(),
      tier,
      currency: fc.constant(context.currency),
    }),
    ChangeTerritoryTier: fc.record({
      type: fc.constant('ChangeTerritoryTier' as const),
      ...base,
      tier,
      reason: arbitraryText(),
    }),
    AssignRepToTerritory: fc.record({
      type: fc.constant('AssignRepToTerritory' as const),
      ...base,
      repId: rep,
    }),
    UnassignRepFromTerritory: fc.record({
      type: fc.constant('UnassignRepFromTerritory' as const),
      ...base,
      repId: rep,
    }),
    SetTerritoryKpiBenchmark: fc
      .record({
        type: fc.constant('SetTerritoryKpiBenchmark' as const),
        ...base,
        quarter: arbitraryQuarter(),
        measured: arbitraryKpiBenchmark(context.currency),
      })
      .map(({ measured, ...command }) => ({ ...command, ...measured })),
    AssessTerritoryMarketConditions: fc.record({
      type: fc.constant('AssessTerritoryMarketConditions' as const),
      ...base,
      year: fc.integer({ min: 2024, max: 2032 }),
      factor: fc.integer({ min: 1, max: 200 }).map((n) => n / 100),
      rationale: arbitraryText(),
    }),
    RetireTerritory: fc.record({
      type: fc.constant('RetireTerritory' as const),
      ...base,
      reason: arbitraryText(),
    }),
  };
  return arbitraries as { [T in TerritoryCommand['type']]: fc.Arbitrary<CommandOf<T>> };
}

/** Any territory command, for a random territory. */
export function arbitraryTerritoryCommand(): fc.Arbitrary<TerritoryCommand> {
  return arbitraryTerritoryContext().chain((context) =>
    fc.oneof(
      ...(Object.values(territoryCommandArbitraries(context)) as fc.Arbitrary<TerritoryCommand>[]),
    ),
  );
}

/**
 * A territory's command sequence: a `DefineTerritory`, then up to `maxLength` commands of any
 * kind for the same territory, weighted towards assigning reps and setting benchmarks. Run
 * them with `runCommandSequence` to keep the accepted ones.
 */
export function arbitraryTerritoryCommandSequence(
  maxLength = 25,
): fc.Arbitrary<{ context: TerritoryContext; commands: TerritoryCommand[] }> {
  return arbitraryTerritoryContext().chain((context) => {
    const all = territoryCommandArbitraries(context);
    const weights: Partial<Record<TerritoryCommand['type'], number>> = {
      AssignRepToTerritory: 4,
      UnassignRepFromTerritory: 3,
      SetTerritoryKpiBenchmark: 3,
      ChangeTerritoryTier: 2,
      AssessTerritoryMarketConditions: 2,
      RetireTerritory: 2,
    };
    const any = fc.oneof(
      ...Object.entries(all).map(([type, arbitrary]) => ({
        weight: weights[type as TerritoryCommand['type']] ?? 1,
        arbitrary: arbitrary as fc.Arbitrary<TerritoryCommand>,
      })),
    );
    return fc
      .tuple(all.DefineTerritory, fc.array(any, { maxLength }))
      .map(([define, rest]) => ({ context, commands: [define, ...rest] }));
  });
}

/** One arbitrary per territory event, for the territory of `context`; each passes its schema. */
export function territoryEventArbitraries(context: TerritoryContext) {
  const commands = territoryCommandArbitraries(context);
  const tier = fc.constantFrom('A' as const, 'B' as const, 'C' as const);
  const strip = <T extends { type: string }>(command: T) => {
    const { type: _type, ...data } = command;
    return data;
  };
  const arbitraries = {
    TerritoryDefined: commands.DefineTerritory.map((c) => ({
      type: 'TerritoryDefined',
      data: strip(c),
    })),
    TerritoryTierChanged: fc.tuple(commands.ChangeTerritoryTier, tier).map(([c, previousTier]) => ({
      type: 'TerritoryTierChanged',
      data: { ...strip(c), previousTier },
    })),
    RepAssignedToTerritory: commands.AssignRepToTerritory.map((c) => ({
      type: 'RepAssignedToTerritory',
      data: strip(c),
    })),
    RepUnassignedFromTerritory: commands.UnassignRepFromTerritory.map((c) => ({
      type: 'RepUnassignedFromTerritory',
      data: strip(c),
    })),
    TerritoryKpiBenchmarkSet: commands.SetTerritoryKpiBenchmark.map((c) => ({
      type: 'TerritoryKpiBenchmarkSet',
      data: strip(c),
    })),
    TerritoryMarketConditionsAssessed: commands.AssessTerritoryMarketConditions.map((c) => ({
      type: 'TerritoryMarketConditionsAssessed',
      data: strip(c),
    })),
    TerritoryRetired: commands.RetireTerritory.map((c) => ({
      type: 'TerritoryRetired',
      data: strip(c),
    })),
  };
  return arbitraries as unknown as { [T in TerritoryEvent['type']]: fc.Arbitrary<EventOfType<T>> };
}

/** Any territory event, for a random territory. */
export function arbitraryTerritoryEvent(): fc.Arbitrary<TerritoryEvent> {
  return arbitraryTerritoryContext().chain((context) =>
    fc.oneof(
      ...(Object.values(territoryEventArbitraries(context)) as fc.Arbitrary<TerritoryEvent>[]),
    ),
  );
}
