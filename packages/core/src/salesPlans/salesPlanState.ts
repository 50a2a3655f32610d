import type { CurrencyCode, Money } from '../money/money.js';
import type { SalesAmount, SalesMeasure, SalesPlanBasis, SalesPlanPeriod } from './events.js';

/** The growth of a sales plan assigned to one account. */
export interface SalesPlanAllocation {
  readonly accountId: string;
  readonly amount: SalesAmount;
}

/** A rep's sales plan for a period, as its events leave it. */
export interface SalesPlanState {
  readonly status: 'none' | 'open' | 'closed';
  readonly repId: string | null;
  readonly period: SalesPlanPeriod | null;
  readonly currency: CurrencyCode | null;
  readonly measure: SalesMeasure | null;
  readonly basis: SalesPlanBasis | null;
  /** The target in each measure that has one. */
  readonly targets: Readonly<Partial<Record<SalesMeasure, SalesAmount>>>;
  readonly growthGoal: SalesAmount | null;
  readonly pipelineStockingGoal: {
    readonly pipelineValue: Money;
    readonly opportunities: number;
  } | null;
  /** One allocation per account, in the order accounts were first allocated. */
  readonly allocations: readonly SalesPlanAllocation[];
}

/** The state of a sales plan stream with no events. */
export const initialSalesPlanState: SalesPlanState = {
  status: 'none',
  repId: null,
  period: null,
  currency: null,
  measure: null,
  basis: null,
  targets: {},
  growthGoal: null,
  pipelineStockingGoal: null,
  allocations: [],
};
