import type {
  CurrencyCode,
  SalesAmount,
  SalesMeasure,
  SalesPlanCommand,
  SalesPlanEvent,
  SalesPlanPeriod,
  Ulid,
  UserId,
} from '@account-planning/core';
import fc from 'fast-check';
import {
  arbitraryCurrency,
  arbitraryInstant,
  arbitraryMoney,
  arbitraryMonth,
  arbitraryQuarter,
  arbitraryUlid,
} from './primitives.js';

/** The fixed facts of one generated sales plan: rep, period, currency, measure and accounts. */
export interface SalesPlanContext {
  readonly repId: UserId;
  readonly period: SalesPlanPeriod;
  readonly currency: CurrencyCode;
  readonly measure: SalesMeasure;
  /** A small pool of accounts, so that allocations are replaced and withdrawn. */
  readonly accounts: readonly Ulid[];
}

/** A sales plan period: a year, a quarter or a month between 2020 and 2035. */
export function arbitrarySalesPlanPeriod(): fc.Arbitrary<SalesPlanPeriod> {
  return fc.oneof(
    fc.integer({ min: 2020, max: 2035 }).map(String),
    arbitraryQuarter(),
    arbitraryMonth(),
  );
}

/** A sales plan context. */
export function arbitrarySalesPlanContext(): fc.Arbitrary<SalesPlanContext> {
  return fc.record({
    repId: fc.integer({ min: 1, max: 99 }).map((n) => `rep-${n}`),
    period: arbitrarySalesPlanPeriod(),
    currency: arbitraryCurrency(),
    measure: fc.constantFrom('revenue' as const, 'units' as const, 'gross_profit' as const),
    accounts: fc.uniqueArray(arbitraryUlid(), { minLength: 2, maxLength: 4 }),
  });
}

/** An amount in `measure`: money in `currency` up to `max` minor units, or up to `max` units. */
export function arbitrarySalesAmount(
  measure: SalesMeasure,
  currency: CurrencyCode,
  max = 10_000_000,
): fc.Arbitrary<SalesAmount> {
  if (measure === 'units') {
    return fc.integer({ min: 0, max }).map((units) => ({ measure, units }));
  }
  return arbitraryMoney(currency, max).map((amount) => ({ measure, amount }));
}

type CommandOf<T extends SalesPlanCommand['type']> = Extract<SalesPlanCommand, { type: T }>;
type EventOfType<T extends SalesPlanEvent['type']> = Extract<SalesPlanEvent, { type: T }>;

/**
 * One arbitrary per sales plan command, for the plan of `context`. Amounts are in the plan's
 * measure and currency; allocations ask for over-allocation one time in five, so that both the
 * refusal and the explicit over-allocation happen.
 */
export function salesPlanCommandArbitraries(context: SalesPlanContext) {
  const { currency, measure } = context;
  const base = {
    repId: fc.constant(context.repId),
    period: fc.constant(context.period),
    at: arbitraryInstant(),
  };
  const account = fc.constantFrom(...context.accounts);
  const overAllocation = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(true) },
  );
  const optionalFlag = { requiredKeys: [] as never[] };
  const arbitraries = {
    OpenSalesPlan: fc.record({
      type: fc.constant('OpenSalesPlan' as const),
      ...base,
      currency: fc.constant(currency),
      measure: fc.constant(measure),
      basis: fc.oneof(
        fc.record({ kind: fc.constant('territory' as const), territoryId: fc.constant('north-1') }),
        fc.record({ kind: fc.constant('uniform' as const) }),
      ),
    }),
    SetSalesPlanTarget: fc.record({
      type: fc.constant('SetSalesPlanTarget' as const),
      ...base,
      target: fc
        .constantFrom('revenue' as const, 'units' as const, 'gross_profit' as const)
        .chain((m) => arbitrarySalesAmount(m, currency)),
    }),
    SetSalesPlanGrowthGoal: fc
      .record({
        type: fc.constant('SetSalesPlanGrowthGoal' as const),
        ...base,
        growth: arbitrarySalesAmount(measure, currency, 2_000_000),
        flag: fc.record({ allowOverAllocation: overAllocation }, optionalFlag),
      })
      .map(({ flag, ...command }) => ({ ...command, ...flag })),
    SetSalesPlanPipelineStockingGoal: fc.record({
      type: fc.constant('SetSalesPlanPipelineStockingGoal' as const),
      ...base,
      pipelineValue: arbitraryMoney(currency),
      opportunities: fc.integer({ min: 0, max: 200 }),
    }),
    AllocateSalesPlanGrowth: fc
      .record({
        type: fc.constant('AllocateSalesPlanGrowth' as const),
        ...base,
        accountId: account,
        amount: arbitrarySalesAmount(measure, currency, 1_000_000),
        flag: fc.record({ allowOverAllocation: overAllocation }, optionalFlag),
      })
      .map(({ flag, ...command }) => ({ ...command, ...flag })),
    WithdrawSalesPlanAllocation: fc.record({
      type: fc.constant('WithdrawSalesPlanAllocation' as const),
      ...base,
      accountId: account,
    }),
    CloseSalesPlan: fc.record({ type: fc.constant('CloseSalesPlan' as const), ...base }),
  };
  return arbitraries as unknown as {
    [T in SalesPlanCommand['type']]: fc.Arbitrary<CommandOf<T>>;
  };
}

/** Any sales plan command, for a random plan. */
export function arbitrarySalesPlanCommand(): fc.Arbitrary<SalesPlanCommand> {
  return arbitrarySalesPlanContext().chain((context) =>
    fc.oneof(
      ...(Object.values(salesPlanCommandArbitraries(context)) as fc.Arbitrary<SalesPlanCommand>[]),
    ),
  );
}

/**
 * A sales plan's command sequence: an `OpenSalesPlan` and a growth goal, then up to `maxLength`
 * commands for the same plan, weighted towards allocations so that the goal is often reached and
 * sometimes knowingly exceeded. Run them with `runCommandSequence`.
 */
export function arbitrarySalesPlanCommandSequence(
  maxLength = 25,
): fc.Arbitrary<{ context: SalesPlanContext; commands: SalesPlanCommand[] }> {
  return arbitrarySalesPlanContext().chain((context) => {
    const all = salesPlanCommandArbitraries(context);
    const weights: Partial<Record<SalesPlanCommand['type'], number>> = {
      AllocateSalesPlanGrowth: 16,
      SetSalesPlanGrowthGoal: 4,
      WithdrawSalesPlanAllocation: 4,
      CloseSalesPlan: 1,
    };
    const any = fc.oneof(
      ...Object.entries(all).map(([type, arbitrary]) => ({
        weight: weights[type as SalesPlanCommand['type']] ?? 2,
        arbitrary: arbitrary as fc.Arbitrary<SalesPlanCommand>,
      })),
    );
    return fc
      .tuple(all.OpenSalesPlan, all.SetSalesPlanGrowthGoal, fc.array(any, { maxLength }))
      .map(([open, goal, rest]) => ({ context, commands: [open, goal, ...rest] }));
  });
}

/** One arbitrary per sales plan event, for the plan of `context`; each passes its schema. */
export function salesPlanEventArbitraries(context: SalesPlanContext) {
  const commands = salesPlanCommandArbitraries(context);
  const data = <T extends { type: string }>(command: T) => {
    const {
      type: _type,
      allowOverAllocation: _flag,
      ...rest
    } = command as T & {
      allowOverAllocation?: boolean;
    };
    return rest;
  };
  const event = <C extends { type: string }>(
    type: SalesPlanEvent['type'],
    arbitrary: fc.Arbitrary<C>,
    extra: Record<string, fc.Arbitrary<unknown>> = {},
  ) =>
    fc
      .tuple(arbitrary, fc.record(extra))
      .map(([command, more]) => ({ type, data: { ...data(command), ...more } }));
  const arbitraries = {
    SalesPlanOpened: event('SalesPlanOpened', commands.OpenSalesPlan),
    SalesPlanTargetSet: event('SalesPlanTargetSet', commands.SetSalesPlanTarget),
    SalesPlanGrowthGoalSet: event('SalesPlanGrowthGoalSet', commands.SetSalesPlanGrowthGoal, {
      overAllocation: fc.boolean(),
    }),
    SalesPlanPipelineStockingGoalSet: event(
      'SalesPlanPipelineStockingGoalSet',
      commands.SetSalesPlanPipelineStockingGoal,
    ),
    SalesPlanGrowthAllocated: event('SalesPlanGrowthAllocated', commands.AllocateSalesPlanGrowth, {
      overAllocation: fc.boolean(),
    }),
    SalesPlanAllocationWithdrawn: event(
      'SalesPlanAllocationWithdrawn',
      commands.WithdrawSalesPlanAllocation,
    ),
    SalesPlanClosed: event('SalesPlanClosed', commands.CloseSalesPlan),
  };
  return arbitraries as unknown as {
    [T in SalesPlanEvent['type']]: fc.Arbitrary<EventOfType<T>>;
  };
}

/** Any sales plan event, for a random plan. */
export function arbitrarySalesPlanEvent(): fc.Arbitrary<SalesPlanEvent> {
  return arbitrarySalesPlanContext().chain((context) =>
    fc.oneof(
      ...(Object.values(salesPlanEventArbitraries(context)) as fc.Arbitrary<SalesPlanEvent>[]),
    ),
  );
}
