import { z } from 'zod';
import { UserId } from '../ids/ids.js';
import { CurrencyCode } from '../money/money.js';
import { Instant, Quarter } from '../periods/period.js';
import { BenchmarkValue, TerritoryId, TerritoryKpi, TerritoryTier } from './events.js';

// Every command names its territory and carries its business time, made at the edge.
const base = { territoryId: TerritoryId, at: Instant };
const text = (max: number) => z.string().trim().min(1).max(max);

/** Define a territory. */
export const DefineTerritory = z.object({
  type: z.literal('DefineTerritory'),
  ...base,
  name: text(200),
  tier: TerritoryTier,
  currency: CurrencyCode,
});
/** Define a territory. */
export type DefineTerritory = z.infer<typeof DefineTerritory>;

/** Move a territory to another tier. */
export const ChangeTerritoryTier = z.object({
  type: z.literal('ChangeTerritoryTier'),
  ...base,
  tier: TerritoryTier,
  reason: text(2000),
});
/** Move a territory to another tier. */
export type ChangeTerritoryTier = z.infer<typeof ChangeTerritoryTier>;

/** Assign a rep to the territory. */
export const AssignRepToTerritory = z.object({
  type: z.literal('AssignRepToTerritory'),
  ...base,
  repId: UserId,
});
/** Assign a rep. */
export type AssignRepToTerritory = z.infer<typeof AssignRepToTerritory>;

/** Take a rep off the territory. */
export const UnassignRepFromTerritory = z.object({
  type: z.literal('UnassignRepFromTerritory'),
  ...base,
  repId: UserId,
});
/** Take a rep off the territory. */
export type UnassignRepFromTerritory = z.infer<typeof UnassignRepFromTerritory>;

/** Set (or replace) a KPI benchmark for a quarter. */
export const SetTerritoryKpiBenchmark = z.object({
  type: z.literal('SetTerritoryKpiBenchmark'),
  ...base,
  quarter: Quarter,
  kpi: TerritoryKpi,
  benchmark: BenchmarkValue,
});
/** Set a KPI benchmark. */
export type SetTerritoryKpiBenchmark = z.infer<typeof SetTerritoryKpiBenchmark>;

/** Assess the territory's market conditions for a year. */
export const AssessTerritoryMarketConditions = z.object({
  type: z.literal('AssessTerritoryMarketConditions'),
  ...base,
  year: z.number().int().min(2000).max(2999),
  factor: z.number(),
  rationale: text(4000),
});
/** Assess market conditions. */
export type AssessTerritoryMarketConditions = z.infer<typeof AssessTerritoryMarketConditions>;

/** Retire the territory. */
export const RetireTerritory = z.object({
  type: z.literal('RetireTerritory'),
  ...base,
  reason: text(2000),
});
/** Retire the territory. */
export type RetireTerritory = z.infer<typeof RetireTerritory>;

/** Any territory command, discriminated by `type`. Parse untrusted input with it. */
export const TerritoryCommand = z.discriminatedUnion('type', [
  DefineTerritory,
  ChangeTerritoryTier,
  AssignRepToTerritory,
  UnassignRepFromTerritory,
  SetTerritoryKpiBenchmark,
  AssessTerritoryMarketConditions,
  RetireTerritory,
]);
/** Any territory command. */
export type TerritoryCommand = z.infer<typeof TerritoryCommand>;
