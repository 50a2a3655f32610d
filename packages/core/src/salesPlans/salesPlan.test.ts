import { deciderSpec } from '@account-planning/testing';
import { describe, expect, it } from 'vitest';
import {
  createEventRegistry,
  fold,
  SalesPlanCommand,
  type SalesPlanEvent,
  salesPlanAllocation,
  salesPlanDecider,
  salesPlanEvents,
  salesPlanStreamId,
} from '../index.js';

const spec = deciderSpec(salesPlanDecider, {
  commandSchema: SalesPlanCommand,
  registry: createEventRegistry(salesPlanEvents),
});
const repId = 'rep-7';
const period = '2026';
const at = '2026-01-05T08:00:00.000Z';
const accountA = '01JB0000000000000000000001';
const accountB = '01JB0000000000000000000002';
const eur = (amountMinor: number) => ({
  measure: 'revenue' as const,
  amount: { amountMinor, currency: 'EUR' },
});
const opened: SalesPlanEvent = {
  type: 'SalesPlanOpened',
  data: { repId, period, at, currency: 'EUR', measure: 'revenue', basis: { kind: 'uniform' } },
};
const goal = (amountMinor: number, overAllocation = false): SalesPlanEvent => ({
  type: 'SalesPlanGrowthGoalSet',
  data: { repId, period, at, growth: eur(amountMinor), overAllocation },
});
const allocated = (
  accountId: string,
  amountMinor: number,
  overAllocation = false,
): SalesPlanEvent => ({
  type: 'SalesPlanGrowthAllocated',
  data: { repId, period, at, accountId, amount: eur(amountMinor), overAllocation },
});
const allocate = (accountId: string, amountMinor: number, allowOverAllocation?: boolean) => ({
  type: 'AllocateSalesPlanGrowth',
  repId,
  period,
  at,
  accountId,
  amount: eur(amountMinor),
  ...(allowOverAllocation === undefined ? {} : { allowOverAllocation }),
});
const closed: SalesPlanEvent = { type: 'SalesPlanClosed', data: { repId, period, at } };

describe('sales plan', () => {
  it('names its stream after the rep and the period', () => {
    expect(salesPlanStreamId(repId, '2026-Q1')).toBe('salesplan-rep-7-2026-Q1');
  });

  it('opens a plan with uniform goals where territory does not matter', () => {
    spec
      .given([])
      .when({
        type: 'OpenSalesPlan',
        repId,
        period,
        at,
        currency: 'EUR',
        measure: 'revenue',
        basis: { kind: 'uniform' },
      })
      .then([opened]);
  });

  it('rejects opening the same rep’s plan for a period twice', () => {
    spec
      .given([opened])
      .when({
        type: 'OpenSalesPlan',
        repId,
        period,
        at,
        currency: 'EUR',
        measure: 'units',
        basis: { kind: 'territory', territoryId: 'north-1' },
      })
      .thenRejects({ rule: 'salesplan.already_opened', ids: { repId, period } });
  });

  it('rejects a malformed period', () => {
    spec
      .given([])
      .when({
        type: 'OpenSalesPlan',
        repId,
        period: '2026-13',
        at,
        currency: 'EUR',
        measure: 'revenue',
        basis: { kind: 'uniform' },
      })
      .thenRejects({ code: 'validation_failed' });
  });

  it('rejects any command to a plan never opened', () => {
    spec.given([]).when(allocate(accountA, 1)).thenRejects({ rule: 'salesplan.not_opened' });
  });

  it('rejects a command naming another rep or period than its stream', () => {
    spec
      .given([opened])
      .when({ ...allocate(accountA, 1), period: '2027' })
      .thenRejects({ rule: 'salesplan.id_mismatch', ids: { period: '2027' } });
  });

  it('sets targets in several measures, money in the plan’s currency', () => {
    spec
      .given([opened])
      .when({
        type: 'SetSalesPlanTarget',
        repId,
        period,
        at,
        target: { measure: 'units', units: 500 },
      })
      .then([
        {
          type: 'SalesPlanTargetSet',
          data: { repId, period, at, target: { measure: 'units', units: 500 } },
        },
      ]);
  });

  it('rejects a target in another currency', () => {
    spec
      .given([opened])
      .when({
        type: 'SetSalesPlanTarget',
        repId,
        period,
        at,
        target: { measure: 'gross_profit', amount: { amountMinor: 1, currency: 'USD' } },
      })
      .thenRejects({ rule: 'salesplan.currency_mismatch', ids: { currency: 'USD' } });
  });

  it('rejects a pipeline-stocking goal in another currency', () => {
    spec
      .given([opened])
      .when({
        type: 'SetSalesPlanPipelineStockingGoal',
        repId,
        period,
        at,
        pipelineValue: { amountMinor: 1, currency: 'GBP' },
        opportunities: 20,
      })
      .thenRejects({ rule: 'salesplan.currency_mismatch' });
  });

  it('rejects a growth goal in another measure than the plan’s', () => {
    spec
      .given([opened])
      .when({
        type: 'SetSalesPlanGrowthGoal',
        repId,
        period,
        at,
        growth: { measure: 'units', units: 5 },
      })
      .thenRejects({ rule: 'salesplan.measure_mismatch', ids: { measure: 'units' } });
  });

  it('rejects allocating before the growth goal is set', () => {
    spec
      .given([opened])
      .when(allocate(accountA, 100))
      .thenRejects({ rule: 'salesplan.no_growth_goal' });
  });

  it('allocates growth to accounts up to the goal', () => {
    spec
      .given([opened, goal(1000), allocated(accountA, 600)])
      .when(allocate(accountB, 400))
      .then([allocated(accountB, 400)]);
  });

  it('rejects allocations that exceed the goal without the explicit flag', () => {
    spec
      .given([opened, goal(1000), allocated(accountA, 600)])
      .when(allocate(accountB, 401))
      .thenRejects({ rule: 'salesplan.over_allocated', ids: { accountId: accountB } });
  });

  it('records an explicit over-allocation as such', () => {
    spec
      .given([opened, goal(1000), allocated(accountA, 600)])
      .when(allocate(accountB, 401, true))
      .then([allocated(accountB, 401, true)]);
    const state = fold(salesPlanDecider, [
      opened,
      goal(1000),
      allocated(accountA, 600),
      allocated(accountB, 401, true),
    ]);
    expect(salesPlanAllocation(state)).toEqual({
      goal: 1000,
      allocated: 1001,
      unallocated: 0,
      overAllocated: true,
    });
  });

  it('replaces an account’s allocation rather than adding to it', () => {
    spec
      .given([opened, goal(1000), allocated(accountA, 900)])
      .when(allocate(accountA, 1000))
      .then([allocated(accountA, 1000)]);
  });

  it('rejects lowering the goal below the allocations without the flag', () => {
    spec
      .given([opened, goal(1000), allocated(accountA, 900)])
      .when({ type: 'SetSalesPlanGrowthGoal', repId, period, at, growth: eur(800) })
      .thenRejects({ rule: 'salesplan.over_allocated' });
    spec
      .given([opened, goal(1000), allocated(accountA, 900)])
      .when({
        type: 'SetSalesPlanGrowthGoal',
        repId,
        period,
        at,
        growth: eur(800),
        allowOverAllocation: true,
      })
      .then([goal(800, true)]);
  });

  it('rejects withdrawing an allocation an account does not hold', () => {
    spec
      .given([opened, goal(1000)])
      .when({ type: 'WithdrawSalesPlanAllocation', repId, period, at, accountId: accountA })
      .thenRejects({ rule: 'salesplan.allocation_unknown', ids: { accountId: accountA } });
  });

  it('rejects negative money as malformed', () => {
    spec
      .given([opened, goal(1000)])
      .when(allocate(accountA, -1))
      .thenRejects({ code: 'validation_failed' });
  });

  it('rejects every command to a closed plan', () => {
    spec
      .given([opened, closed])
      .when({ type: 'CloseSalesPlan', repId, period, at })
      .thenRejects({ rule: 'salesplan.closed' });
  });
});
