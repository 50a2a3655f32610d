import type { Draft } from 'immer';
import type { SalesPlanEvent } from './events.js';
import type { SalesPlanState } from './salesPlanState.js';

/**
 * Applies one sales plan event to a sales plan state by mutating it (an immer draft, or the
 * private copy inside `fold`). Pure.
 */
export function evolveSalesPlan(state: Draft<SalesPlanState>, event: SalesPlanEvent): void {
  switch (event.type) {
    case 'SalesPlanOpened':
      state.status = 'open';
      state.repId = event.data.repId;
      state.period = event.data.period;
      state.currency = event.data.currency;
      state.measure = event.data.measure;
      state.basis = event.data.basis;
      return;
    case 'SalesPlanTargetSet':
      state.targets[event.data.target.measure] = event.data.target;
      return;
    case 'SalesPlanGrowthGoalSet':
      state.growthGoal = event.data.growth;
      return;
    case 'SalesPlanPipelineStockingGoalSet':
      state.pipelineStockingGoal = {
        pipelineValue: event.data.pipelineValue,
        opportunities: event.data.opportunities,
      };
      return;
    case 'SalesPlanGrowthAllocated': {
      const { accountId, amount } = event.data;
      const existing = state.allocations.find((a) => a.accountId === accountId);
      if (existing) existing.amount = amount;
      else state.allocations.push({ accountId, amount });
      return;
    }
    case 'SalesPlanAllocationWithdrawn':
      state.allocations = state.allocations.filter((a) => a.accountId !== event.data.accountId);
      return;
    case 'SalesPlanClosed':
      state.status = 'closed';
      return;
  }
}
