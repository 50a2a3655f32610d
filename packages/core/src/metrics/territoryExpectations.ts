import { ValidationError } from '../errors.js';
import type { Money } from '../money/money.js';
import { roundMinor } from '../money/money.js';
import { amountOf, checkCurrency, checkNumber, checkTotal, moneyOf } from './metricInputs.js';

/** A rep's past performance, the baseline of next period's expectations. */
export interface RepPerformance {
  readonly rep: string;
  /** The tier of the rep's territory. */
  readonly tier: 'A' | 'B' | 'C';
  /** The rep's revenue in the past period. */
  readonly revenue: Money;
  /** The rep's growth over the past period as a fraction (0.08 = 8%; negative when it shrank). */
  readonly growthRate: number;
  /** The rep's historical win rate (0-1], for the pipeline goal; default `defaultWinRate`. */
  readonly winRate?: number | undefined;
}

/** How expectations are set. */
export interface ExpectationOptions {
  /**
   * `territory` (default): each rep's own past growth times the tier's multiplier; `uniform`:
   * everyone gets the team's revenue-weighted past growth (seed 000: "if your vertical is
   * geographically agnostic ... a uniform setting of account metrics makes far more sense").
   */
  readonly mode?: 'territory' | 'uniform';
  /** The market-conditions factor, at least 0; default 1 (neutral). */
  readonly marketConditions?: number;
  /** Multipliers per tier, each at least 0; default A 1.25, B 1, C 0.75. */
  readonly tierMultipliers?: { readonly A: number; readonly B: number; readonly C: number };
  /** The lowest growth rate suggested, at least 0; default 0 (a goal never plans a decline). */
  readonly minGrowthRate?: number;
  /** The highest growth rate suggested; default 1 (doubling). */
  readonly maxGrowthRate?: number;
  /** The win rate for reps without one, in (0, 1]; default 1/3 (a pipeline three times the goal). */
  readonly defaultWinRate?: number;
}

/** Defaults: A 1.25, B 1, C 0.75 (seed 000: an A territory carries higher expectations than C). */
export const DEFAULT_TIER_MULTIPLIERS = Object.freeze({ A: 1.25, B: 1, C: 0.75 });

/** A rep's suggested goals for the next period. */
export interface RepExpectation {
  readonly rep: string;
  readonly tier: 'A' | 'B' | 'C';
  /** The suggested growth rate: clamp(base x multiplier x marketConditions, min, max). */
  readonly growthRate: number;
  /** `roundMinor(revenue x growthRate)`. */
  readonly growthGoal: Money;
  /** `roundMinor(growthGoal / winRate)`: the pipeline to stock. */
  readonly pipelineGoal: Money;
}

/**
 * Territory-adjusted expectations (seed 000): next period's growth and pipeline-stocking goals
 * from past performance, weighed by the market-conditions factor, with tier A/B/C multipliers
 * or, in uniform mode, one rate for everyone. Reps keep their input order.
 *
 * @throws {ValidationError} for negative money, another currency, a growth rate below -100%,
 * a win rate outside (0, 1], negative factors, or min above max.
 */
export function territoryExpectations(
  reps: readonly RepPerformance[],
  currency: string,
  options: ExpectationOptions = {},
): RepExpectation[] {
  checkCurrency(currency);
  const mode = options.mode ?? 'territory';
  const market = checkNumber(options.marketConditions ?? 1, ['marketConditions'], 0, 100);
  const multipliers = options.tierMultipliers ?? DEFAULT_TIER_MULTIPLIERS;
  for (const tier of ['A', 'B', 'C'] as const) {
    checkNumber(multipliers[tier], ['tierMultipliers', tier], 0, 100);
  }
  const min = checkNumber(options.minGrowthRate ?? 0, ['minGrowthRate'], 0, 100);
  const max = checkNumber(options.maxGrowthRate ?? 1, ['maxGrowthRate'], min, 100);
  const defaultWinRate = checkNumber(options.defaultWinRate ?? 1 / 3, ['defaultWinRate'], 0, 1);
  const checked = reps.map((r, i) => {
    if (r.tier !== 'A' && r.tier !== 'B' && r.tier !== 'C') {
      throw new ValidationError(`Invalid rep ${i}: tier must be A, B or C`, [
        { path: ['reps', i, 'tier'], message: 'expected A, B or C', code: 'invalid_value' },
      ]);
    }
    const winRate = checkNumber(r.winRate ?? defaultWinRate, ['reps', i, 'winRate'], 0, 1);
    if (winRate === 0) {
      throw new ValidationError(`Invalid rep ${i}: a win rate of 0 needs infinite pipeline`, [
        {
          path: ['reps', i, 'winRate'],
          message: 'expected a win rate above 0',
          code: 'out_of_range',
        },
      ]);
    }
    return {
      rep: r.rep,
      tier: r.tier,
      revenue: amountOf(r.revenue, currency, ['reps', i, 'revenue']),
      growth: checkNumber(r.growthRate, ['reps', i, 'growthRate'], -1, 100),
      winRate,
    };
  });
  const totalRevenue = checkTotal(
    checked.reduce((sum, r) => sum + r.revenue, 0),
    ['reps'],
  );
  // Revenue-weighted, so one small rep's jump does not set everyone's goal; a plain mean when
  // nobody had revenue.
  const teamGrowth =
    checked.length === 0
      ? 0
      : totalRevenue === 0
        ? checked.reduce((sum, r) => sum + r.growth, 0) / checked.length
        : checked.reduce((sum, r) => sum + r.revenue * r.growth, 0) / totalRevenue;
  return checked.map((r) => {
    const base = mode === 'uniform' ? teamGrowth : r.growth * multipliers[r.tier];
    const growthRate = Math.min(max, Math.max(min, base * market));
    const growthGoal = checkTotal(roundMinor(r.revenue * growthRate), ['reps']);
    const pipelineGoal = checkTotal(roundMinor(growthGoal / r.winRate), ['reps']);
    return {
      rep: r.rep,
      tier: r.tier,
      growthRate,
      growthGoal: moneyOf(growthGoal, currency),
      pipelineGoal: moneyOf(pipelineGoal, currency),
    };
  });
}
