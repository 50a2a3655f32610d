import type { SalesPlanCommand } from './commands.js';
import type { SalesAmount, SalesPlanEvent } from './events.js';
import { violateSalesPlanRule } from './rules.js';
import { exceeds } from './salesPlanAllocation.js';
import type { SalesPlanState } from './salesPlanState.js';

/**
 * The events a sales plan command produces against the plan's state. Pure.
 *
 * @throws {DomainRuleViolation} with a `salesplan.*` code from `salesPlanRules` when the
 *   command breaks a rule; nothing is produced then.
 */
export function decideSalesPlan(
  command: SalesPlanCommand,
  state: SalesPlanState,
): SalesPlanEvent[] {
  const { repId, period, at } = command;
  const ids = { repId, period };
  if (command.type === 'OpenSalesPlan') {
    if (state.status !== 'none') violateSalesPlanRule('salesplan.already_opened', ids);
    return [
      {
        type: 'SalesPlanOpened',
        data: {
          repId,
          period,
          at,
          currency: command.currency,
          measure: command.measure,
          basis: command.basis,
        },
      },
    ];
  }
  if (state.status === 'none') violateSalesPlanRule('salesplan.not_opened', ids);
  if (state.repId !== repId || state.period !== period) {
    violateSalesPlanRule('salesplan.id_mismatch', {
      ...ids,
      streamRepId: state.repId ?? '',
      streamPeriod: state.period ?? '',
    });
  }
  if (state.status === 'closed') violateSalesPlanRule('salesplan.closed', ids);
  const currency = state.currency ?? '';

  switch (command.type) {
    case 'SetSalesPlanTarget':
      checkCurrency(command.target, currency, ids);
      return [{ type: 'SalesPlanTargetSet', data: { repId, period, at, target: command.target } }];
    case 'SetSalesPlanGrowthGoal': {
      checkMeasure(command.growth, state, ids);
      checkCurrency(command.growth, currency, ids);
      const amounts = state.allocations.map((a) => a.amount);
      const overAllocation = exceeds(amounts, command.growth);
      if (overAllocation && command.allowOverAllocation !== true) {
        violateSalesPlanRule('salesplan.over_allocated', ids);
      }
      return [
        {
          type: 'SalesPlanGrowthGoalSet',
          data: { repId, period, at, growth: command.growth, overAllocation },
        },
      ];
    }
    case 'SetSalesPlanPipelineStockingGoal':
      if (command.pipelineValue.currency !== currency) {
        violateSalesPlanRule('salesplan.currency_mismatch', {
          ...ids,
          currency: command.pipelineValue.currency,
        });
      }
      return [
        {
          type: 'SalesPlanPipelineStockingGoalSet',
          data: {
            repId,
            period,
            at,
            pipelineValue: command.pipelineValue,
            opportunities: command.opportunities,
          },
        },
      ];
    case 'AllocateSalesPlanGrowth': {
      const { accountId, amount } = command;
      if (state.growthGoal === null) violateSalesPlanRule('salesplan.no_growth_goal', ids);
      checkMeasure(amount, state, { ...ids, accountId });
      checkCurrency(amount, currency, { ...ids, accountId });
      // seed 001: the plan's growth is assigned to the accounts that will produce it; handing
      // out more than the plan holds must be a decision, not an accident.
      const others = state.allocations.filter((a) => a.accountId !== accountId);
      const overAllocation = exceeds([...others.map((a) => a.amount), amount], state.growthGoal);
      if (overAllocation && command.allowOverAllocation !== true) {
        violateSalesPlanRule('salesplan.over_allocated', { ...ids, accountId });
      }
      return [
        {
          type: 'SalesPlanGrowthAllocated',
          data: { repId, period, at, accountId, amount, overAllocation },
        },
      ];
    }
    case 'WithdrawSalesPlanAllocation':
      if (!state.allocations.some((a) => a.accountId === command.accountId)) {
        violateSalesPlanRule('salesplan.allocation_unknown', {
          ...ids,
          accountId: command.accountId,
        });
      }
      return [
        {
          type: 'SalesPlanAllocationWithdrawn',
          data: { repId, period, at, accountId: command.accountId },
        },
      ];
    case 'CloseSalesPlan':
      return [{ type: 'SalesPlanClosed', data: { repId, period, at } }];
  }
}

function checkMeasure(
  amount: SalesAmount,
  state: SalesPlanState,
  ids: Readonly<Record<string, string>>,
): void {
  if (amount.measure !== state.measure) {
    violateSalesPlanRule('salesplan.measure_mismatch', { ...ids, measure: amount.measure });
  }
}

function checkCurrency(
  amount: SalesAmount,
  currency: string,
  ids: Readonly<Record<string, string>>,
): void {
  if (amount.measure !== 'units' && amount.amount.currency !== currency) {
    violateSalesPlanRule('salesplan.currency_mismatch', {
      ...ids,
      currency: amount.amount.currency,
    });
  }
}
