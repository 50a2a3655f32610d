import type { Money } from '../money/money.js';
import { roundMinor } from '../money/money.js';
import { amountOf, checkCurrency, checkNumber, moneyOf } from './metricInputs.js';
import { type PipelineItem, weightedSum } from './weightedPipeline.js';

/** The inputs of a revenue plan for existing accounts. */
export interface RevenuePlanInput {
  /** Revenue from existing accounts over the last period (say, twelve months). */
  readonly existingRevenue: Money;
  /** The expected churn rate, 0-1 (see `averageChurnRate`). */
  readonly churnRate: number;
  /** Open opportunities; which kinds count is said below. */
  readonly pipeline: readonly PipelineItem[];
  /** An across-the-board price increase on kept revenue, as a fraction (0.03 = 3%); default 0. */
  readonly priceIncreaseRate?: number;
  /** The kinds counted as net new from existing accounts; default cross-sell and up-sell. */
  readonly expansionKinds?: readonly PipelineItem['kind'][];
}

/** A revenue plan: each line in whole minor units, and `plannedRevenue` their exact sum. */
export interface RevenuePlan {
  readonly existingRevenue: Money;
  /** `roundMinor(existingRevenue x churnRate)`. */
  readonly expectedChurn: Money;
  /** `roundMinor(sum of value x probability / 100)` over the expansion kinds. */
  readonly weightedExpansion: Money;
  /**
   * `roundMinor((existingRevenue - expectedChurn) x priceIncreaseRate + sum of value x
   * probability / 100 over price-increase opportunities)`.
   */
  readonly priceIncreases: Money;
  /** `existingRevenue - expectedChurn + weightedExpansion + priceIncreases`. */
  readonly plannedRevenue: Money;
  /**
   * The weighted value of opportunities the plan leaves out: new logos (not existing revenue),
   * renewals (already in existing revenue) and any kind not counted as expansion.
   */
  readonly notCounted: Money;
}

/**
 * The revenue plan of seed 003: existing revenue, less expected churn, plus the weighted
 * cross-sell and up-sell pipeline, plus price increases. Each line is rounded once with
 * `roundMinor`, and the plan is their sum, so the lines add up exactly. A book with no churn,
 * no pipeline and no price increase plans exactly its current revenue.
 *
 * @throws {ValidationError} for negative money, another currency, a churn rate outside 0-1, a
 * negative price increase, or a probability outside 0-100.
 */
export function revenuePlan(input: RevenuePlanInput, currency: string): RevenuePlan {
  checkCurrency(currency);
  const existing = amountOf(input.existingRevenue, currency, ['existingRevenue']);
  const churnRate = checkNumber(input.churnRate, ['churnRate'], 0, 1);
  const priceRate = checkNumber(input.priceIncreaseRate ?? 0, ['priceIncreaseRate'], 0, 10);
  const kinds = new Set(input.expansionKinds ?? ['cross_sell', 'up_sell']);
  kinds.delete('price_increase');
  const expectedChurn = roundMinor(existing * churnRate);
  const kept = existing - expectedChurn;
  const expansion = roundMinor(weightedSum(input.pipeline, currency, (i) => kinds.has(i.kind)));
  const priceIncreases = roundMinor(
    kept * priceRate + weightedSum(input.pipeline, currency, (i) => i.kind === 'price_increase'),
  );
  const notCounted = roundMinor(
    weightedSum(input.pipeline, currency, (i) => !kinds.has(i.kind) && i.kind !== 'price_increase'),
  );
  return {
    existingRevenue: moneyOf(existing, currency),
    expectedChurn: moneyOf(expectedChurn, currency),
    weightedExpansion: moneyOf(expansion, currency),
    priceIncreases: moneyOf(priceIncreases, currency),
    plannedRevenue: moneyOf(kept + expansion + priceIncreases, currency),
    notCounted: moneyOf(notCounted, currency),
  };
}
