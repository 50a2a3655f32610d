// The Sales plan aggregate: a rep's targets and goals for a period, allocated to accounts.

export {
  AllocateSalesPlanGrowth,
  CloseSalesPlan,
  OpenSalesPlan,
  SalesPlanCommand,
  SetSalesPlanGrowthGoal,
  SetSalesPlanPipelineStockingGoal,
  SetSalesPlanTarget,
  WithdrawSalesPlanAllocation,
} from './commands.js';
export { decideSalesPlan } from './decide.js';
export {
  SalesAmount,
  SalesMeasure,
  SalesPlanAllocationWithdrawn,
  SalesPlanBasis,
  SalesPlanClosed,
  type SalesPlanEvent,
  SalesPlanGrowthAllocated,
  SalesPlanGrowthGoalSet,
  SalesPlanOpened,
  SalesPlanPeriod,
  SalesPlanPipelineStockingGoalSet,
  SalesPlanTargetSet,
  salesPlanEvents,
  Year,
} from './events.js';
export { evolveSalesPlan } from './evolve.js';
export { type SalesPlanRule, salesPlanRules } from './rules.js';
export {
  quantityOf,
  type SalesPlanAllocationSummary,
  salesPlanAllocation,
} from './salesPlanAllocation.js';
export { salesPlanAggregate, salesPlanDecider } from './salesPlanDecider.js';
export {
  initialSalesPlanState,
  type SalesPlanAllocation,
  type SalesPlanState,
} from './salesPlanState.js';
export { salesPlanStreamId } from './salesPlanStreamId.js';
