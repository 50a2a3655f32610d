import { z } from 'zod';
import { defineEvent, type EventOf } from '../eventStore/eventRegistry.js';
import { Ulid, UserId } from '../ids/ids.js';
import { CurrencyCode, Money } from '../money/money.js';
import { Instant, Month, Quarter } from '../periods/period.js';
import { TerritoryId } from '../territories/events.js';

/** A calendar year as `YYYY` (`2026`), the period of an annual sales plan. */
export const Year = z.string().regex(/^\d{4}$/, 'expected a year like 2026');
/** A calendar year as `YYYY`. */
export type Year = z.infer<typeof Year>;

/** The period a sales plan covers: a year (`2026`), a quarter (`2026-Q1`) or a month (`2026-03`). */
export const SalesPlanPeriod = z.union([Year, Quarter, Month]);
/** The period a sales plan covers. */
export type SalesPlanPeriod = z.infer<typeof SalesPlanPeriod>;

/**
 * How a sales plan measures business: total revenue, units sold or gross profit (seed 001: "a
 * formula of total revenue position, product units sold or gross profit performance").
 */
export const SalesMeasure = z.enum(['revenue', 'units', 'gross_profit']);
/** How a sales plan measures business. */
export type SalesMeasure = z.infer<typeof SalesMeasure>;

/** An amount in one measure: money for revenue and gross profit, a count of units otherwise. */
export const SalesAmount = z.discriminatedUnion('measure', [
  z.object({ measure: z.literal('revenue'), amount: Money }),
  z.object({ measure: z.literal('gross_profit'), amount: Money }),
  z.object({
    measure: z.literal('units'),
    units: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  }),
]);
/** An amount in one measure. */
export type SalesAmount = z.infer<typeof SalesAmount>;

/**
 * What a rep's goals are based on: their territory (goals differ by tier), or uniform goals
 * where territory does not matter, as in an online or inside-sales business (seed 000).
 */
export const SalesPlanBasis = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('territory'), territoryId: TerritoryId }),
  z.object({ kind: z.literal('uniform') }),
]);
/** What a rep's goals are based on. */
export type SalesPlanBasis = z.infer<typeof SalesPlanBasis>;

const base = { repId: UserId, period: SalesPlanPeriod, at: Instant };

/** A rep's sales plan for a period was opened. */
export const SalesPlanOpened = defineEvent({
  type: 'SalesPlanOpened',
  schemaVersion: 1,
  description:
    "A rep's sales plan for a period is opened, with the measure its growth is counted in and whether its goals follow the territory or are uniform.",
  schema: z.object({
    ...base,
    currency: CurrencyCode.describe('Every money amount of the plan is in this currency.'),
    measure: SalesMeasure.describe('The measure the growth goal and its allocations are in.'),
    basis: SalesPlanBasis,
  }),
});
/** A sales plan was opened. */
export type SalesPlanOpened = EventOf<typeof SalesPlanOpened>;

/** A target was set for the period in one measure. */
export const SalesPlanTargetSet = defineEvent({
  type: 'SalesPlanTargetSet',
  schemaVersion: 1,
  description:
    'The rep’s target for the period in one measure (revenue, units or gross profit) is set or replaced.',
  schema: z.object({ ...base, target: SalesAmount }),
});
/** A target was set. */
export type SalesPlanTargetSet = EventOf<typeof SalesPlanTargetSet>;

/** The growth goal was set. */
export const SalesPlanGrowthGoalSet = defineEvent({
  type: 'SalesPlanGrowthGoalSet',
  schemaVersion: 1,
  description:
    'The growth the plan must bring from existing accounts is set or replaced; `overAllocation` is true when the accounts already hold more, accepted explicitly.',
  schema: z.object({ ...base, growth: SalesAmount, overAllocation: z.boolean() }),
});
/** The growth goal was set. */
export type SalesPlanGrowthGoalSet = EventOf<typeof SalesPlanGrowthGoalSet>;

/** The pipeline-stocking goal was set. */
export const SalesPlanPipelineStockingGoalSet = defineEvent({
  type: 'SalesPlanPipelineStockingGoalSet',
  schemaVersion: 1,
  description:
    'The pipeline-stocking goal (seed 000: filling the pipeline) is set or replaced: pipeline value and number of opportunities to have open.',
  schema: z.object({
    ...base,
    pipelineValue: Money,
    opportunities: z.number().int().nonnegative().max(1_000_000),
  }),
});
/** The pipeline-stocking goal was set. */
export type SalesPlanPipelineStockingGoalSet = EventOf<typeof SalesPlanPipelineStockingGoalSet>;

/** Part of the plan's growth was allocated to an account. */
export const SalesPlanGrowthAllocated = defineEvent({
  type: 'SalesPlanGrowthAllocated',
  schemaVersion: 1,
  description:
    "Part of the plan's growth is assigned to an account that will produce it (seed 001), replacing that account's earlier allocation; `overAllocation` is true when the allocations now exceed the goal, accepted explicitly.",
  schema: z.object({ ...base, accountId: Ulid, amount: SalesAmount, overAllocation: z.boolean() }),
});
/** Growth was allocated to an account. */
export type SalesPlanGrowthAllocated = EventOf<typeof SalesPlanGrowthAllocated>;

/** An account's allocation was withdrawn. */
export const SalesPlanAllocationWithdrawn = defineEvent({
  type: 'SalesPlanAllocationWithdrawn',
  schemaVersion: 1,
  description: "An account's share of the plan's growth is taken back.",
  schema: z.object({ ...base, accountId: Ulid }),
});
/** An allocation was withdrawn. */
export type SalesPlanAllocationWithdrawn = EventOf<typeof SalesPlanAllocationWithdrawn>;

/** The sales plan was closed. */
export const SalesPlanClosed = defineEvent({
  type: 'SalesPlanClosed',
  schemaVersion: 1,
  description: 'The sales plan is closed at the end of its period; it accepts nothing more.',
  schema: z.object({ ...base }),
});
/** The sales plan was closed. */
export type SalesPlanClosed = EventOf<typeof SalesPlanClosed>;

/** Every sales plan event definition, in catalog order. */
export const salesPlanEvents = [
  SalesPlanOpened,
  SalesPlanTargetSet,
  SalesPlanGrowthGoalSet,
  SalesPlanPipelineStockingGoalSet,
  SalesPlanGrowthAllocated,
  SalesPlanAllocationWithdrawn,
  SalesPlanClosed,
] as const;

/** Any sales plan event. */
export type SalesPlanEvent = EventOf<(typeof salesPlanEvents)[number]>;
