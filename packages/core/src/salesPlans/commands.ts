import { z } from 'zod';
import { Ulid, UserId } from '../ids/ids.js';
import { CurrencyCode, Money } from '../money/money.js';
import { Instant } from '../periods/period.js';
import { SalesAmount, SalesMeasure, SalesPlanBasis, SalesPlanPeriod } from './events.js';

// A sales plan is named by its rep and period (the stream is `salesplan-<rep>-<period>`); every
// command carries both and its business time, made at the edge.
const base = { repId: UserId, period: SalesPlanPeriod, at: Instant };

/** Open a rep's sales plan for a period. */
export const OpenSalesPlan = z.object({
  type: z.literal('OpenSalesPlan'),
  ...base,
  currency: CurrencyCode,
  measure: SalesMeasure,
  basis: SalesPlanBasis,
});
/** Open a sales plan. */
export type OpenSalesPlan = z.infer<typeof OpenSalesPlan>;

/** Set (or replace) the target in one measure. */
export const SetSalesPlanTarget = z.object({
  type: z.literal('SetSalesPlanTarget'),
  ...base,
  target: SalesAmount,
});
/** Set a target. */
export type SetSalesPlanTarget = z.infer<typeof SetSalesPlanTarget>;

/**
 * Set (or replace) the growth goal. Lowering it below what is already allocated needs
 * `allowOverAllocation: true`.
 */
export const SetSalesPlanGrowthGoal = z.object({
  type: z.literal('SetSalesPlanGrowthGoal'),
  ...base,
  growth: SalesAmount,
  allowOverAllocation: z.boolean().optional(),
});
/** Set the growth goal. */
export type SetSalesPlanGrowthGoal = z.infer<typeof SetSalesPlanGrowthGoal>;

/** Set (or replace) the pipeline-stocking goal. */
export const SetSalesPlanPipelineStockingGoal = z.object({
  type: z.literal('SetSalesPlanPipelineStockingGoal'),
  ...base,
  pipelineValue: Money,
  opportunities: z.number().int().nonnegative().max(1_000_000),
});
/** Set the pipeline-stocking goal. */
export type SetSalesPlanPipelineStockingGoal = z.infer<typeof SetSalesPlanPipelineStockingGoal>;

/**
 * Allocate part of the growth goal to an account (replacing its earlier allocation). Going over
 * the goal needs `allowOverAllocation: true`.
 */
export const AllocateSalesPlanGrowth = z.object({
  type: z.literal('AllocateSalesPlanGrowth'),
  ...base,
  accountId: Ulid,
  amount: SalesAmount,
  allowOverAllocation: z.boolean().optional(),
});
/** Allocate growth to an account. */
export type AllocateSalesPlanGrowth = z.infer<typeof AllocateSalesPlanGrowth>;

/** Take an account's allocation back. */
export const WithdrawSalesPlanAllocation = z.object({
  type: z.literal('WithdrawSalesPlanAllocation'),
  ...base,
  accountId: Ulid,
});
/** Withdraw an allocation. */
export type WithdrawSalesPlanAllocation = z.infer<typeof WithdrawSalesPlanAllocation>;

/** Close the sales plan. */
export const CloseSalesPlan = z.object({ type: z.literal('CloseSalesPlan'), ...base });
/** Close the sales plan. */
export type CloseSalesPlan = z.infer<typeof CloseSalesPlan>;

/** Any sales plan command, discriminated by `type`. Parse untrusted input with it. */
export const SalesPlanCommand = z.discriminatedUnion('type', [
  OpenSalesPlan,
  SetSalesPlanTarget,
  SetSalesPlanGrowthGoal,
  SetSalesPlanPipelineStockingGoal,
  AllocateSalesPlanGrowth,
  WithdrawSalesPlanAllocation,
  CloseSalesPlan,
]);
/** Any sales plan command. */
export type SalesPlanCommand = z.infer<typeof SalesPlanCommand>;
