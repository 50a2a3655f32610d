import type { SalesAmount } from './events.js';
import type { SalesPlanState } from './salesPlanState.js';

/** How much of a sales plan's growth goal is allocated to accounts. Derived, never stored. */
export interface SalesPlanAllocationSummary {
  /** The growth goal in the plan's unit (minor units of money, or units), 0 when not set. */
  readonly goal: number;
  /** The sum of the accounts' allocations, in the same unit. */
  readonly allocated: number;
  /** What is left to allocate; 0 when over-allocated. */
  readonly unallocated: number;
  /** True when the allocations exceed the goal (only possible when it was asked for explicitly). */
  readonly overAllocated: boolean;
}

/** The quantity of a sales amount in its unit: minor units of money, or units. */
export function quantityOf(amount: SalesAmount): number {
  return amount.measure === 'units' ? amount.units : amount.amount.amountMinor;
}

/**
 * Sums a sales plan's allocations against its growth goal (seed 001: the plan's growth goals
 * assigned "to the customers who can help accomplish the growth").
 */
export function salesPlanAllocation(state: SalesPlanState): SalesPlanAllocationSummary {
  const goal = state.growthGoal ? quantityOf(state.growthGoal) : 0;
  const allocated = state.allocations.reduce((sum, a) => sum + quantityOf(a.amount), 0);
  return {
    goal,
    allocated,
    unallocated: Math.max(0, goal - allocated),
    overAllocated: exceeds(
      state.allocations.map((a) => a.amount),
      state.growthGoal,
    ),
  };
}

/** Whether `amounts` add up to more than `goal` (a missing goal counts as zero), exactly. */
export function exceeds(amounts: readonly SalesAmount[], goal: SalesAmount | null): boolean {
  // BigInt keeps the comparison exact even when the sum passes Number.MAX_SAFE_INTEGER.
  const sum = amounts.reduce((total, amount) => total + BigInt(quantityOf(amount)), 0n);
  return sum > BigInt(goal ? quantityOf(goal) : 0);
}
