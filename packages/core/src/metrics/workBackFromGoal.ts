import { ValidationError } from '../errors.js';
import type { Money } from '../money/money.js';
import { roundMinor } from '../money/money.js';
import { amountOf, checkCurrency, checkNumber, checkTotal, moneyOf } from './metricInputs.js';

/** A closed opportunity, for the historical win rate. */
export interface ClosedOpportunity {
  readonly outcome: 'won' | 'lost';
  readonly value: Money;
}

/**
 * The historical win rate: won / (won + lost), by count (default) or by value. `null` when
 * nothing was closed (or, by value, when all closed value is 0): there is no history to go by.
 *
 * @throws {ValidationError} for an unknown outcome, negative money or another currency.
 */
export function historicalWinRate(
  closed: readonly ClosedOpportunity[],
  currency: string,
  basis: 'count' | 'value' = 'count',
): number | null {
  checkCurrency(currency);
  let won = 0;
  let all = 0;
  closed.forEach((c, i) => {
    const amount = amountOf(c.value, currency, ['closed', i, 'value']);
    if (c.outcome !== 'won' && c.outcome !== 'lost') {
      const message = `expected won or lost, got ${JSON.stringify(c.outcome)}`;
      throw new ValidationError(`Invalid closed opportunity ${i}: ${message}`, [
        { path: ['closed', i, 'outcome'], message, code: 'invalid_value' },
      ]);
    }
    const weight = basis === 'count' ? 1 : amount;
    all += weight;
    if (c.outcome === 'won') won += weight;
  });
  checkTotal(all, ['closed']);
  return all === 0 ? null : won / all;
}

/** What working back from a growth goal needs. */
export interface GrowthGoalInput {
  /** This period's revenue from the accounts. */
  readonly currentRevenue: Money;
  /** The growth goal as a fraction: 0.1 = grow 10% (seed 003: "increase by 10 to 15 percent"). */
  readonly growthGoal: number;
  /** Expected churn, 0-1; default 0. */
  readonly churnRate?: number;
  /** Price increase on kept revenue, as a fraction; default 0. */
  readonly priceIncreaseRate?: number;
  /** The historical win rate, 0-1 (see {@link historicalWinRate}). */
  readonly winRate: number;
  /** The open pipeline already there, unweighted; default 0. */
  readonly openPipeline?: Money;
}

/** A growth goal worked back to the pipeline it needs. */
export interface GrowthGoalPlan {
  /** `roundMinor(currentRevenue x (1 + growthGoal))`. */
  readonly targetRevenue: Money;
  /** `roundMinor(currentRevenue x churnRate)`. */
  readonly expectedChurn: Money;
  /** `roundMinor((currentRevenue - expectedChurn) x priceIncreaseRate)`. */
  readonly priceIncreases: Money;
  /** `max(0, targetRevenue - (currentRevenue - expectedChurn + priceIncreases))`: new business to win. */
  readonly newRevenueNeeded: Money;
  /**
   * `roundMinor(newRevenueNeeded / winRate)`: the pipeline to stock at the historical win rate.
   * `null` when the win rate is 0 and new revenue is needed: no pipeline would be enough.
   */
  readonly pipelineNeeded: Money | null;
  /** `max(0, pipelineNeeded - openPipeline)`; `null` with `pipelineNeeded`. */
  readonly pipelineGap: Money | null;
}

/**
 * Works back from a growth goal to the data that supports it (seed 003: "if you want to increase
 * a particular account by 10 to 15 percent this year, how exactly are you going to do that?"):
 * the target, what churn takes and price increases give, the new business still needed, and the
 * pipeline that needs at the historical win rate.
 *
 * @throws {ValidationError} for negative money, another currency, a goal below -100%, or rates
 * outside their ranges.
 */
export function workBackFromGoal(input: GrowthGoalInput, currency: string): GrowthGoalPlan {
  checkCurrency(currency);
  const current = amountOf(input.currentRevenue, currency, ['currentRevenue']);
  const goal = checkNumber(input.growthGoal, ['growthGoal'], -1, 100);
  const churnRate = checkNumber(input.churnRate ?? 0, ['churnRate'], 0, 1);
  const priceRate = checkNumber(input.priceIncreaseRate ?? 0, ['priceIncreaseRate'], 0, 10);
  const winRate = checkNumber(input.winRate, ['winRate'], 0, 1);
  const open = input.openPipeline ? amountOf(input.openPipeline, currency, ['openPipeline']) : 0;
  const target = checkTotal(roundMinor(current * (1 + goal)), ['growthGoal']);
  const churn = roundMinor(current * churnRate);
  const price = roundMinor((current - churn) * priceRate);
  const needed = Math.max(0, target - (current - churn + price));
  const pipeline =
    needed === 0 ? 0 : winRate === 0 ? null : checkTotal(roundMinor(needed / winRate), ['winRate']);
  return {
    targetRevenue: moneyOf(target, currency),
    expectedChurn: moneyOf(churn, currency),
    priceIncreases: moneyOf(price, currency),
    newRevenueNeeded: moneyOf(needed, currency),
    pipelineNeeded: pipeline === null ? null : moneyOf(pipeline, currency),
    pipelineGap: pipeline === null ? null : moneyOf(Math.max(0, pipeline - open), currency),
  };
}
