import type { OpportunityKind, OpportunityStage } from '../accounts/events.js';
import { OpportunityKind as Kinds, OpportunityStage as Stages } from '../accounts/events.js';
import type { PeriodRange } from '../metrics/revenueRetention.js';
import type { PipelineItem } from '../metrics/weightedPipeline.js';
import type { Money } from '../money/money.js';
import { monthOf } from '../periods/period.js';
import type { AccountBookState } from './accountBook.js';
import { accountsInScope, type BookScope, mainCurrency } from './bookScope.js';
import { compareText } from './ordering.js';
import { monthNumber } from './revenueInRange.js';

/** One open opportunity of a pipeline, with its account. Money in the pipeline's currency. */
export interface PipelineOpportunity {
  readonly opportunityId: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly ownerRepId: string;
  readonly territoryId: string | null;
  readonly name: string;
  readonly kind: OpportunityKind;
  readonly stage: OpportunityStage;
  readonly value: Money;
  /** Whole percent. */
  readonly probability: number;
  /** `value x probability / 100`, unrounded minor units (round once, where shown). */
  readonly weightedMinor: number;
  /** `YYYY-MM-DD`. */
  readonly expectedClose: string;
  readonly productLine: string;
  readonly executiveSponsorContactId: string | null;
  /** True when the expected close is before `asOf`: the opportunity has slipped or stalled. */
  readonly closePassed: boolean;
}

/** The open pipeline of one stage, kind or product line. */
export interface PipelineBucket {
  readonly key: string;
  readonly count: number;
  readonly valueMinor: number;
  /** Unrounded minor units. */
  readonly weightedMinor: number;
}

/** Opportunities closed within a range: won and lost, with the value won. */
export interface ClosedOpportunities {
  readonly range: PeriodRange;
  readonly won: number;
  readonly wonValueMinor: number;
  readonly lost: number;
  /** `won / (won + lost)`; null when none closed. */
  readonly winRate: number | null;
}

/** A pipeline: its open opportunities and their totals by stage, kind and product line. */
export interface Pipeline {
  readonly scope: BookScope;
  readonly asOf: string;
  /** The currency of every amount; opportunities in other currencies are left out. */
  readonly currency: string | null;
  /** Open opportunities, by expected close, then id. */
  readonly opportunities: readonly PipelineOpportunity[];
  readonly total: PipelineBucket;
  /** Every stage, in stage order (empty ones too). */
  readonly byStage: readonly PipelineBucket[];
  /** Every kind, in the order of `OpportunityKind` (empty ones too). */
  readonly byKind: readonly PipelineBucket[];
  /** Every product line with an open opportunity, largest value first, then by name. */
  readonly byProductLine: readonly PipelineBucket[];
  /** What closed within `closedRange`, when asked for. */
  readonly closed: ClosedOpportunities | null;
}

/** Options of {@link pipelineBy}. */
export interface PipelineOptions {
  /** The day the pipeline is read for, `YYYY-MM-DD` (for `closePassed`). */
  readonly asOf: string;
  /** The currency (default: the one most accounts of the scope use). */
  readonly currency?: string;
  /** Also count what was won and lost in these months (by the outcome's date). */
  readonly closedRange?: PeriodRange;
}

/**
 * The open pipeline of a scope (seeds 000, 002) by stage, kind and product line: count, value
 * and probability-weighted value, with the opportunities themselves; and, when asked, what was
 * won and lost within a range. Pure.
 */
export function pipelineBy(
  book: AccountBookState,
  scope: BookScope,
  options: PipelineOptions,
): Pipeline {
  const accounts = accountsInScope(book, scope);
  const currency = options.currency ?? mainCurrency(accounts);
  const opportunities: PipelineOpportunity[] = [];
  let won = 0;
  let wonValue = 0;
  let lost = 0;
  const closedFrom = options.closedRange ? monthNumber(options.closedRange.from) : 0;
  const closedTo = options.closedRange ? monthNumber(options.closedRange.to) : -1;
  for (const account of accounts) {
    for (const o of Object.values(account.opportunities)) {
      if (o.value.currency !== currency) continue;
      if (o.status !== 'open') {
        const month = monthNumber(monthOf(o.outcome!.at));
        if (month < closedFrom || month > closedTo) continue;
        if (o.status === 'won') {
          won += 1;
          wonValue += o.value.amountMinor;
        } else {
          lost += 1;
        }
        continue;
      }
      opportunities.push({
        opportunityId: o.opportunityId,
        accountId: account.accountId!,
        accountName: account.name!,
        ownerRepId: account.ownerRepId!,
        territoryId: account.territoryId,
        name: o.name,
        kind: o.kind,
        stage: o.stage,
        value: { amountMinor: o.value.amountMinor, currency: o.value.currency },
        probability: o.probability,
        weightedMinor: (o.value.amountMinor * o.probability) / 100,
        expectedClose: o.expectedClose,
        productLine: o.productLine,
        executiveSponsorContactId: o.executiveSponsorContactId,
        closePassed: o.expectedClose < options.asOf.slice(0, 10),
      });
    }
  }
  opportunities.sort(
    (a, b) =>
      compareText(a.expectedClose, b.expectedClose) ||
      compareText(a.opportunityId, b.opportunityId),
  );
  const bucketsOf = (keys: readonly string[], keyOf: (o: PipelineOpportunity) => string) => {
    const buckets = new Map(
      keys.map((key) => [key, { key, count: 0, valueMinor: 0, weightedMinor: 0 }]),
    );
    for (const o of opportunities) {
      const key = keyOf(o);
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { key, count: 0, valueMinor: 0, weightedMinor: 0 };
        buckets.set(key, bucket);
      }
      bucket.count += 1;
      bucket.valueMinor += o.value.amountMinor;
      bucket.weightedMinor += o.weightedMinor;
    }
    return [...buckets.values()];
  };
  return {
    scope,
    asOf: options.asOf,
    currency,
    opportunities,
    total: bucketsOf(['all'], () => 'all')[0]!,
    byStage: bucketsOf(Stages.options, (o) => o.stage),
    byKind: bucketsOf(Kinds.options, (o) => o.kind),
    byProductLine: bucketsOf([], (o) => o.productLine).sort(
      (a, b) => b.valueMinor - a.valueMinor || compareText(a.key, b.key),
    ),
    closed: options.closedRange
      ? {
          range: options.closedRange,
          won,
          wonValueMinor: wonValue,
          lost,
          winRate: won + lost === 0 ? null : won / (won + lost),
        }
      : null,
  };
}

/**
 * The pipeline's opportunities as the metrics read them (`revenuePlan`, `weightedPipeline`,
 * `pipelineStockingBy`), each owned by its account's rep.
 */
export function pipelineItemsOf(pipeline: Pick<Pipeline, 'opportunities'>): PipelineItem[] {
  return pipeline.opportunities.map((o) => ({
    id: o.opportunityId,
    kind: o.kind,
    value: o.value,
    probability: o.probability,
    owner: o.ownerRepId,
  }));
}
