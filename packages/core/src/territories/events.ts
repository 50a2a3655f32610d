import { z } from 'zod';
import { defineEvent, type EventOf } from '../eventStore/eventRegistry.js';
import { UserId } from '../ids/ids.js';
import { CurrencyCode, Money } from '../money/money.js';
import { Instant, Quarter } from '../periods/period.js';

/**
 * The id of a territory, named by the embedding product (`north-east`, `DE-south`): 1 to 128
 * characters without whitespace, so that `territory-<id>` is a clean stream id.
 */
export const TerritoryId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^\S+$/, 'a territory id has no whitespace');
/** The id of a territory. */
export type TerritoryId = z.infer<typeof TerritoryId>;

/** A territory's tier: expectations in an A territory are higher than in a C one (seed 000). */
export const TerritoryTier = z.enum(['A', 'B', 'C']);
/** A territory's tier. */
export type TerritoryTier = z.infer<typeof TerritoryTier>;

/** The KPIs a territory is benchmarked on, per quarter (seed 000: "your KPI benchmarks"). */
export const TerritoryKpi = z.enum([
  'revenue',
  'gross_profit',
  'units',
  'pipeline_value',
  'new_accounts',
  'revenue_growth',
  'logo_retention',
  'net_revenue_retention',
]);
/** A KPI a territory is benchmarked on. */
export type TerritoryKpi = z.infer<typeof TerritoryKpi>;

/** A benchmark's value: money in the territory's currency, a count, or a percentage. */
export const BenchmarkValue = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('money'), value: Money }),
  z.object({ unit: z.literal('count'), value: z.number().int().nonnegative() }),
  z.object({ unit: z.literal('percent'), value: z.number().min(-100).max(1000) }),
]);
/** A benchmark's value. */
export type BenchmarkValue = z.infer<typeof BenchmarkValue>;

const base = { territoryId: TerritoryId, at: Instant };
const text = (max: number) => z.string().trim().min(1).max(max);

/** A territory was defined. */
export const TerritoryDefined = defineEvent({
  type: 'TerritoryDefined',
  schemaVersion: 1,
  description: 'A sales territory is defined with its name, tier (A, B or C) and currency.',
  schema: z.object({
    ...base,
    name: text(200),
    tier: TerritoryTier,
    currency: CurrencyCode.describe('The currency of every money benchmark of the territory.'),
  }),
});
/** A territory was defined. */
export type TerritoryDefined = EventOf<typeof TerritoryDefined>;

/** A territory moved to another tier. */
export const TerritoryTierChanged = defineEvent({
  type: 'TerritoryTierChanged',
  schemaVersion: 1,
  description: 'A territory is moved to another tier, raising or lowering what is expected of it.',
  schema: z.object({
    ...base,
    tier: TerritoryTier,
    previousTier: TerritoryTier,
    reason: text(2000),
  }),
});
/** A territory's tier changed. */
export type TerritoryTierChanged = EventOf<typeof TerritoryTierChanged>;

/** A rep was assigned to a territory. */
export const RepAssignedToTerritory = defineEvent({
  type: 'RepAssignedToTerritory',
  schemaVersion: 1,
  description: 'A rep is assigned to work the territory.',
  schema: z.object({ ...base, repId: UserId }),
});
/** A rep was assigned. */
export type RepAssignedToTerritory = EventOf<typeof RepAssignedToTerritory>;

/** A rep was taken off a territory. */
export const RepUnassignedFromTerritory = defineEvent({
  type: 'RepUnassignedFromTerritory',
  schemaVersion: 1,
  description: 'A rep stops working the territory.',
  schema: z.object({ ...base, repId: UserId }),
});
/** A rep was unassigned. */
export type RepUnassignedFromTerritory = EventOf<typeof RepUnassignedFromTerritory>;

/** A KPI benchmark was set for a quarter. */
export const TerritoryKpiBenchmarkSet = defineEvent({
  type: 'TerritoryKpiBenchmarkSet',
  schemaVersion: 1,
  description:
    "A KPI benchmark for one quarter is set (or replaced): what a rep in this territory's tier is expected to reach.",
  schema: z.object({ ...base, quarter: Quarter, kpi: TerritoryKpi, benchmark: BenchmarkValue }),
});
/** A KPI benchmark was set. */
export type TerritoryKpiBenchmarkSet = EventOf<typeof TerritoryKpiBenchmarkSet>;

/** The market conditions of a territory were assessed for a year. */
export const TerritoryMarketConditionsAssessed = defineEvent({
  type: 'TerritoryMarketConditionsAssessed',
  schemaVersion: 1,
  description:
    "The manager assesses the territory's market conditions for a year as a factor (1 = neutral) to weigh against past performance when setting goals.",
  schema: z.object({
    ...base,
    year: z.number().int().min(2000).max(2999),
    factor: z.number().describe('Above 1 a growing market, below 1 a shrinking one.'),
    rationale: text(4000),
  }),
});
/** Market conditions were assessed. */
export type TerritoryMarketConditionsAssessed = EventOf<typeof TerritoryMarketConditionsAssessed>;

/** A territory was retired. */
export const TerritoryRetired = defineEvent({
  type: 'TerritoryRetired',
  schemaVersion: 1,
  description: 'The territory is retired (merged or redrawn); it accepts nothing more.',
  schema: z.object({ ...base, reason: text(2000) }),
});
/** A territory was retired. */
export type TerritoryRetired = EventOf<typeof TerritoryRetired>;

/** Every territory event definition, in catalog order. */
export const territoryEvents = [
  TerritoryDefined,
  TerritoryTierChanged,
  RepAssignedToTerritory,
  RepUnassignedFromTerritory,
  TerritoryKpiBenchmarkSet,
  TerritoryMarketConditionsAssessed,
  TerritoryRetired,
] as const;

/** Any territory event. */
export type TerritoryEvent = EventOf<(typeof territoryEvents)[number]>;
