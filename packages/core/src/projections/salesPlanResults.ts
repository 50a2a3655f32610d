import type { PeriodRange } from '../metrics/revenueRetention.js';
import {
  type OwnerStocking,
  type PipelineItem,
  pipelineStockingBy,
} from '../metrics/weightedPipeline.js';
import type { Money } from '../money/money.js';
import { isQuarter, monthOf, monthsOf } from '../periods/period.js';
import type { SalesAmount, SalesPlanPeriod } from '../salesPlans/events.js';
import type { SalesPlanState } from '../salesPlans/salesPlanState.js';
import { salesPlanStreamId } from '../salesPlans/salesPlanStreamId.js';
import type { AccountBookState } from './accountBook.js';
import { compareText } from './ordering.js';
import { pipelineBy, pipelineItemsOf } from './pipelineBy.js';
import { monthFromNumber, monthNumber, revenueInRange } from './revenueInRange.js';
import type { SalesPlanBookState } from './salesPlanBook.js';

/** The months of a sales plan period: a year, a quarter or a month. */
export function rangeOfSalesPeriod(period: SalesPlanPeriod): PeriodRange {
  if (/^\d{4}$/.test(period)) return { from: `${period}-01`, to: `${period}-12` };
  const months = isQuarter(period) ? monthsOf(period) : [period];
  return { from: months[0]!, to: months.at(-1)! };
}

/** A rep's sales plan for a period against what the book says. Money in `currency`. */
export interface SalesPlanResult {
  readonly repId: string;
  readonly period: SalesPlanPeriod;
  /** The plan itself (targets, goals, allocations), or null when the rep has none for the period. */
  readonly plan: SalesPlanState | null;
  /**
   * The months counted: the period's, up to the month before `asOf` (a period in progress is
   * counted to date); null when none has ended yet.
   */
  readonly range: PeriodRange | null;
  /** The same months a year before; null as `range`. */
  readonly rangeYearBefore: PeriodRange | null;
  /** The revenue target, when the plan has one in revenue. */
  readonly revenueTarget: Money | null;
  /** The revenue of the rep's accounts over `range`. */
  readonly revenue: Money;
  /** `revenue / revenueTarget`; null without a target (or a target of 0). */
  readonly attainment: number | null;
  /** The growth goal in its measure, when set. */
  readonly growthGoal: SalesAmount | null;
  /** Revenue over `range` minus revenue over `rangeYearBefore`, same accounts (negative: shrank). */
  readonly growth: Money;
}

/** Options of {@link salesPlanResults}. */
export interface SalesPlanResultsOptions {
  readonly period: SalesPlanPeriod;
  /** The day, `YYYY-MM-DD`: months from its month on are not counted yet. */
  readonly asOf: string;
  readonly currency: string;
  /** Only these reps (default: every rep with a plan for the period or an account). */
  readonly reps?: readonly string[];
}

/**
 * Each rep's sales plan for a period against the book (seed 000: last year against goals;
 * seed 001: the sales plan's targets): revenue of the rep's accounts (their owner now) over the
 * period to date, against the revenue target, and growth against the same months a year before.
 * Reps by id.
 */
export function salesPlanResults(
  models: { readonly book: AccountBookState; readonly salesPlans: SalesPlanBookState },
  options: SalesPlanResultsOptions,
): SalesPlanResult[] {
  const full = rangeOfSalesPeriod(options.period);
  const first = monthNumber(full.from);
  const last = Math.min(monthNumber(full.to), monthNumber(monthOf(options.asOf)) - 1);
  const range = last < first ? null : { from: full.from, to: monthFromNumber(last) };
  const yearBefore =
    range === null ? null : { from: monthFromNumber(first - 12), to: monthFromNumber(last - 12) };
  const reps = new Set(options.reps ?? []);
  if (options.reps === undefined) {
    for (const plan of Object.values(models.salesPlans.plans)) {
      if (plan.period === options.period && plan.repId) reps.add(plan.repId);
    }
    for (const account of Object.values(models.book.accounts)) {
      if (account.ownerRepId) reps.add(account.ownerRepId);
    }
  }
  const money = (amountMinor: number): Money => ({ amountMinor, currency: options.currency });
  return [...reps].sort(compareText).map((repId) => {
    let revenue = 0;
    let before = 0;
    for (const account of Object.values(models.book.accounts)) {
      if (account.ownerRepId !== repId || account.currency !== options.currency) continue;
      if (range === null || yearBefore === null) continue;
      revenue += revenueInRange(account, range);
      before += revenueInRange(account, yearBefore);
    }
    const plan = models.salesPlans.plans[salesPlanStreamId(repId, options.period)] ?? null;
    const target = plan?.targets.revenue;
    const revenueTarget =
      target?.measure === 'revenue' && target.amount.currency === options.currency
        ? target.amount
        : null;
    return {
      repId,
      period: options.period,
      plan,
      range,
      rangeYearBefore: yearBefore,
      revenueTarget,
      revenue: money(revenue),
      attainment:
        revenueTarget === null || revenueTarget.amountMinor === 0
          ? null
          : revenue / revenueTarget.amountMinor,
      growthGoal: plan?.growthGoal ?? null,
      growth: money(revenue - before),
    };
  });
}

/**
 * Each rep's open pipeline against the pipeline-stocking goal of their sales plan for a
 * period (seed 000: "growth and pipeline stocking goals"), through `pipelineStockingBy`. Reps
 * without a plan for the period have a goal of 0; every rep with a goal or an open opportunity
 * appears, by id.
 *
 * @throws {ValidationError} as `pipelineStockingBy` does.
 */
export function pipelineStockingByRep(
  models: { readonly book: AccountBookState; readonly salesPlans: SalesPlanBookState },
  options: { readonly period: SalesPlanPeriod; readonly asOf: string; readonly currency: string },
): OwnerStocking[] {
  const goals: Record<string, Money> = {};
  for (const plan of Object.values(models.salesPlans.plans)) {
    const goal = plan.pipelineStockingGoal?.pipelineValue;
    if (plan.period !== options.period || !plan.repId || goal?.currency !== options.currency) {
      continue;
    }
    goals[plan.repId] = goal;
  }
  const items: PipelineItem[] = pipelineItemsOf(
    pipelineBy(models.book, { all: true }, { asOf: options.asOf, currency: options.currency }),
  );
  return pipelineStockingBy(items, goals, options.currency);
}
