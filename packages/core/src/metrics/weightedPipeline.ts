import type { Money } from '../money/money.js';
import { roundMinor } from '../money/money.js';
import { amountOf, checkCurrency, checkNumber, checkTotal, moneyOf } from './metricInputs.js';

/** One open opportunity as the pipeline metrics see it. */
export interface PipelineItem {
  readonly id: string;
  /** `new_logo`, `new_buyer`, `cross_sell`, `up_sell`, `renewal` or `price_increase`. */
  readonly kind: 'new_logo' | 'new_buyer' | 'cross_sell' | 'up_sell' | 'renewal' | 'price_increase';
  /** The expected value, non-negative minor units. */
  readonly value: Money;
  /** The win probability in percent, 0-100. */
  readonly probability: number;
  /** Who owns it (a rep), for per-rep stocking. */
  readonly owner?: string | undefined;
}

/**
 * The exact (unrounded) probability-weighted sum of items, in minor units, checking each item.
 * Callers round once, with `roundMinor`, after adding what else belongs to the same line.
 */
export function weightedSum(
  items: readonly PipelineItem[],
  currency: string,
  include: (item: PipelineItem) => boolean = () => true,
): number {
  let sum = 0;
  items.forEach((item, i) => {
    const value = amountOf(item.value, currency, ['pipeline', i, 'value']);
    const p = checkNumber(item.probability, ['pipeline', i, 'probability'], 0, 100);
    if (include(item)) sum += (value * p) / 100;
  });
  return sum;
}

/**
 * The weighted pipeline: the sum of value x probability / 100 over the items, rounded once
 * with `roundMinor`.
 *
 * @throws {ValidationError} for negative money, another currency, or a probability outside 0-100.
 */
export function weightedPipeline(items: readonly PipelineItem[], currency: string): Money {
  checkCurrency(currency);
  return moneyOf(checkTotal(roundMinor(weightedSum(items, currency)), ['pipeline']), currency);
}

/** Pipeline stocking against a goal. */
export interface PipelineStocking {
  /** The open pipeline, unweighted. */
  readonly openPipeline: Money;
  readonly weightedPipeline: Money;
  readonly goal: Money;
  /** `openPipeline / goal`; `null` when the goal is 0 (any pipeline meets it). */
  readonly coverage: number | null;
  /** What is missing: `max(0, goal - openPipeline)`. */
  readonly gap: Money;
  /** Whether the open pipeline reaches the goal. */
  readonly met: boolean;
}

/**
 * Pipeline stocking against a goal (seed 000: "growth and pipeline stocking goals"): the open
 * pipeline (unweighted, as stocking counts what is in the pipe) against the goal.
 *
 * @throws {ValidationError} as {@link weightedPipeline} does, and for a goal in another currency.
 */
export function pipelineStocking(
  items: readonly PipelineItem[],
  goal: Money,
  currency: string,
): PipelineStocking {
  checkCurrency(currency);
  const goalMinor = amountOf(goal, currency, ['goal']);
  let open = 0;
  items.forEach((item, i) => {
    open += amountOf(item.value, currency, ['pipeline', i, 'value']);
  });
  checkTotal(open, ['pipeline']);
  return {
    openPipeline: moneyOf(open, currency),
    weightedPipeline: moneyOf(roundMinor(weightedSum(items, currency)), currency),
    goal: moneyOf(goalMinor, currency),
    coverage: goalMinor === 0 ? null : open / goalMinor,
    gap: moneyOf(Math.max(0, goalMinor - open), currency),
    met: open >= goalMinor,
  };
}

/** One owner's stocking. */
export interface OwnerStocking extends PipelineStocking {
  readonly owner: string;
}

/**
 * Pipeline stocking per owner (rep) against each owner's goal. Every owner with a goal or an
 * item appears, sorted by name; an owner without a goal has a goal of 0. Items without an
 * owner are grouped under `(unassigned)`.
 *
 * @throws {ValidationError} as {@link pipelineStocking} does.
 */
export function pipelineStockingBy(
  items: readonly PipelineItem[],
  goals: Readonly<Record<string, Money>>,
  currency: string,
): OwnerStocking[] {
  checkCurrency(currency);
  const byOwner = new Map<string, PipelineItem[]>();
  for (const owner of Object.keys(goals)) byOwner.set(owner, []);
  for (const item of items) {
    const owner = item.owner ?? '(unassigned)';
    let list = byOwner.get(owner);
    if (!list) {
      list = [];
      byOwner.set(owner, list);
    }
    list.push(item);
  }
  return [...byOwner.keys()].sort().map((owner) => ({
    owner,
    ...pipelineStocking(
      byOwner.get(owner)!,
      Object.hasOwn(goals, owner) ? goals[owner]! : moneyOf(0, currency),
      currency,
    ),
  }));
}
