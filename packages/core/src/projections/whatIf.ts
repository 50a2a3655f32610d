import type { BuyingUnit, LossReason, OpportunityKind } from '../accounts/events.js';
import type { Position } from '../eventStore/position.js';
import { START_POSITION } from '../eventStore/position.js';
import type { EventStore } from '../eventStore/types.js';
import { averageChurnRate } from '../metrics/churnRate.js';
import {
  type PortfolioConcentration,
  portfolioConcentration,
} from '../metrics/portfolioConcentration.js';
import { type RevenuePlan, revenuePlan } from '../metrics/revenuePlan.js';
import {
  type PeriodRange,
  type Retention,
  type RevenueLine,
  revenueRetention,
} from '../metrics/revenueRetention.js';
import type { PipelineItem } from '../metrics/weightedPipeline.js';
import { addMonths, monthOf } from '../periods/period.js';
import { accountsInScope, type BookScope } from './bookScope.js';
import type { DomainEvent, ProjectedEvent } from './projection.js';
import { type ReadModels, readModelsProjection } from './readModels.js';
import { readProjection } from './readProjection.js';
import { revenueEntriesInRange, revenueInRange, trailingTwelveMonths } from './revenueInRange.js';

/** A hypothetical event: a domain event that is never written, only folded into a copy. */
export type HypotheticalEvent = DomainEvent;

/** Options of {@link whatIf}. */
export interface WhatIfOptions {
  /** The day the branch is judged from, `YYYY-MM-DD`: the plan covers the twelve months from its month. */
  readonly asOf: string;
  /** The currency of every figure; accounts kept in another are left out. */
  readonly currency: string;
  /** Whose book (default: every account). */
  readonly scope?: BookScope;
  /**
   * The expected churn rate, 0-1 (default: the book's revenue churn averaged over the three
   * calendar years before `asOf`'s, seed 003).
   */
  readonly churnRate?: number;
  /** An across-the-board price increase on kept revenue, as a fraction (default 0). */
  readonly priceIncreaseRate?: number;
}

/** The figures of one branch (the record as it is, or with the hypothetical events). */
export interface BranchFigures {
  /** Seed 003's plan: existing revenue less churn, plus weighted expansion and price increases. */
  readonly revenuePlan: RevenuePlan;
  /** Concentration of the projected twelve months over product lines (seed 001). */
  readonly concentration: PortfolioConcentration;
  /** Retention from the last twelve months to the projected next twelve (seed 004). */
  readonly retention: Retention;
  /** The projected revenue of the next twelve months by account, minor units. */
  readonly projectedByAccount: Readonly<Record<string, number>>;
}

/** A what-if: the figures of the record as it is and of the branch, and the branch itself. */
export interface WhatIf {
  readonly base: BranchFigures;
  readonly branch: BranchFigures;
  /** The read models with the hypothetical events folded in: a copy, never written anywhere. */
  readonly branchModels: ReadModels;
  /** The churn rate both branches were planned with. */
  readonly churnRate: number;
}

/**
 * What if (seeds 001, 003, 004): folds hypothetical events (lose an account, raise prices, win
 * a whitespace cell) into a copy of the read models and computes the revenue plan, the product
 * concentration and the retention of that branch beside the record as it is. Nothing is
 * written and `models` is not touched: the branch lives only in the result.
 *
 * The next twelve months are projected per account and product line: an account that is lost
 * brings nothing; any other brings its last twelve months' revenue, plus its open expansion and
 * price-increase opportunities weighted by probability (seed 003's revenue plan, account by
 * account). The portfolio-wide expected churn is in the revenue plan only.
 *
 * @throws {ValidationError} for a date that is not one, a rate out of range, or money in two currencies.
 * @example
 * ```ts
 * const lose = hypotheticalAccountLoss(acmeId, { at: '2026-03-02T09:00:00Z' });
 * const { base, branch } = whatIf(models, [lose], { asOf: '2026-03-02', currency: 'EUR' });
 * branch.revenuePlan.plannedRevenue.amountMinor - base.revenuePlan.plannedRevenue.amountMinor;
 * ```
 */
export function whatIf(
  models: ReadModels,
  hypothetical: readonly HypotheticalEvent[],
  options: WhatIfOptions,
): WhatIf {
  const branchModels = structuredClone(models) as ReadModels;
  // Hypothetical events sit after everything recorded; their positions mean nothing elsewhere.
  const position: Position = models.position ?? START_POSITION;
  for (const event of hypothetical) {
    readModelsProjection.evolve(branchModels, { ...event, position } as ProjectedEvent);
  }
  const churnRate = options.churnRate ?? historicalChurn(models, options);
  return {
    base: branchFigures(models, options, churnRate),
    branch: branchFigures(branchModels, options, churnRate),
    branchModels,
    churnRate,
  };
}

function historicalChurn(models: ReadModels, options: WhatIfOptions): number {
  const lines: RevenueLine[] = [];
  for (const account of accountsInScope(models.book, options.scope ?? { all: true })) {
    if (account.currency !== options.currency) continue;
    for (const entry of account.revenue) {
      lines.push({
        accountId: account.accountId!,
        period: entry.period,
        productLine: entry.productLine,
        revenue: { amountMinor: entry.amount.amountMinor, currency: options.currency },
      });
    }
  }
  return averageChurnRate(lines, options.currency, {
    lastYear: Number(options.asOf.slice(0, 4)) - 1,
  }).rate;
}

const EXPANSION: ReadonlySet<OpportunityKind> = new Set([
  'cross_sell',
  'up_sell',
  'price_increase',
]);

function branchFigures(
  models: ReadModels,
  options: WhatIfOptions,
  churnRate: number,
): BranchFigures {
  const { currency } = options;
  const trailing = trailingTwelveMonths(options.asOf);
  const next: PeriodRange = {
    from: monthOf(options.asOf),
    to: addMonths(monthOf(options.asOf), 11),
  };
  const baseLines: RevenueLine[] = [];
  const projectedLines: RevenueLine[] = [];
  const byLine: Record<string, number> = {};
  const projectedByAccount: Record<string, number> = {};
  const pipeline: PipelineItem[] = [];
  let existing = 0;
  for (const account of accountsInScope(models.book, options.scope ?? { all: true })) {
    if (account.currency !== currency) continue;
    const id = account.accountId!;
    const entries = revenueEntriesInRange(account, trailing);
    for (const entry of entries) {
      baseLines.push({
        accountId: id,
        period: entry.period,
        productLine: entry.productLine,
        revenue: { amountMinor: entry.amount.amountMinor, currency },
      });
    }
    if (account.status === 'lost') {
      projectedByAccount[id] = 0;
      continue;
    }
    existing += revenueInRange(account, trailing);
    const projected: Record<string, number> = {};
    for (const entry of entries) {
      projected[entry.productLine] = (projected[entry.productLine] ?? 0) + entry.amount.amountMinor;
    }
    for (const o of Object.values(account.opportunities)) {
      if (o.status !== 'open' || o.value.currency !== currency) continue;
      pipeline.push({
        id: o.opportunityId,
        kind: o.kind,
        value: { amountMinor: o.value.amountMinor, currency },
        probability: o.probability,
        ...(account.ownerRepId ? { owner: account.ownerRepId } : {}),
      });
      if (EXPANSION.has(o.kind)) {
        projected[o.productLine] =
          (projected[o.productLine] ?? 0) + Math.round((o.value.amountMinor * o.probability) / 100);
      }
    }
    let total = 0;
    for (const [productLine, amount] of Object.entries(projected)) {
      total += amount;
      byLine[productLine] = (byLine[productLine] ?? 0) + amount;
      projectedLines.push({
        accountId: id,
        period: next.from,
        productLine,
        revenue: { amountMinor: amount, currency },
      });
    }
    projectedByAccount[id] = total;
  }
  return {
    revenuePlan: revenuePlan(
      {
        existingRevenue: { amountMinor: existing, currency },
        churnRate,
        pipeline,
        ...(options.priceIncreaseRate === undefined
          ? {}
          : { priceIncreaseRate: options.priceIncreaseRate }),
      },
      currency,
    ),
    concentration: portfolioConcentration(
      Object.entries(byLine).map(([productLine, amountMinor]) => ({
        productLine,
        revenue: { amountMinor, currency },
      })),
      currency,
    ),
    retention: revenueRetention(
      [...baseLines, ...projectedLines],
      { base: trailing, current: next },
      currency,
    ),
    projectedByAccount,
  };
}

/**
 * A hypothetical loss of an account (seed 004), to pass to {@link whatIf}: `AccountLost` with
 * the reason given (default: controllable, competitor). `from` is the account's status then
 * (default `active`).
 */
export function hypotheticalAccountLoss(
  accountId: string,
  options: {
    readonly at: string;
    readonly reason?: LossReason;
    readonly from?: 'prospect' | 'active' | 'inactive';
  },
): HypotheticalEvent {
  return {
    type: 'AccountLost',
    data: {
      accountId,
      at: options.at,
      from: options.from ?? 'active',
      reason: options.reason ?? { category: 'controllable', cause: 'competitor', note: null },
    },
  };
}

/**
 * A hypothetical price increase across a scope (seed 003: "net growth from existing accounts,
 * such as that from price increases"): for every account of the scope that is not lost and has
 * revenue in the last twelve months, a certain (100%) `price_increase` opportunity per product
 * line worth `rate` of that line's revenue, rounded to whole minor units. Ids are made from
 * `idPrefix` (they must be ULID-shaped only if the events are ever validated).
 */
export function hypotheticalPriceIncrease(
  models: Pick<ReadModels, 'book'>,
  options: {
    readonly rate: number;
    readonly asOf: string;
    readonly at: string;
    readonly currency: string;
    readonly scope?: BookScope;
    readonly idPrefix?: string;
  },
): HypotheticalEvent[] {
  const events: HypotheticalEvent[] = [];
  const trailing = trailingTwelveMonths(options.asOf);
  let n = 0;
  for (const account of accountsInScope(models.book, options.scope ?? { all: true })) {
    if (account.status === 'lost' || account.currency !== options.currency) continue;
    const byLine: Record<string, number> = {};
    for (const entry of revenueEntriesInRange(account, trailing)) {
      byLine[entry.productLine] = (byLine[entry.productLine] ?? 0) + entry.amount.amountMinor;
    }
    for (const [productLine, amount] of Object.entries(byLine).sort(([a], [b]) =>
      a < b ? -1 : 1,
    )) {
      if (amount <= 0) continue;
      events.push(
        hypotheticalOpportunity(account.accountId!, {
          opportunityId: `${options.idPrefix ?? 'WHATIF-PRICE-'}${++n}`,
          name: `Price increase ${Math.round(options.rate * 1000) / 10}% on ${productLine}`,
          kind: 'price_increase',
          amountMinor: Math.round(amount * options.rate),
          currency: options.currency,
          productLine,
          at: options.at,
          expectedClose: options.asOf.slice(0, 10),
        }),
      );
    }
  }
  return events;
}

/**
 * A hypothetical win of a whitespace cell (seed 002: "is this customer aware of our complete
 * portfolio?"): the cell assessed `in_pipeline` at its estimated potential and a certain (100%,
 * committed) cross-sell of that offering for the same amount, so that the revenue plan counts
 * it as expansion.
 */
export function hypotheticalWhitespaceWin(
  accountId: string,
  options: {
    readonly buyingUnit?: BuyingUnit;
    readonly offering: string;
    readonly amountMinor: number;
    readonly currency: string;
    readonly at: string;
    readonly expectedClose: string;
    readonly opportunityId?: string;
  },
): HypotheticalEvent[] {
  const value = { amountMinor: options.amountMinor, currency: options.currency };
  return [
    {
      type: 'WhitespaceCellAssessed',
      data: {
        accountId,
        at: options.at,
        buyingUnit: options.buyingUnit ?? { kind: 'account' },
        offering: options.offering,
        state: 'in_pipeline',
        estimatedPotential: value,
      },
    },
    hypotheticalOpportunity(accountId, {
      opportunityId: options.opportunityId ?? `WHATIF-WHITESPACE-${options.offering}`,
      name: `Whitespace: ${options.offering}`,
      kind: 'cross_sell',
      amountMinor: options.amountMinor,
      currency: options.currency,
      productLine: options.offering,
      at: options.at,
      expectedClose: options.expectedClose,
    }),
  ];
}

function hypotheticalOpportunity(
  accountId: string,
  o: {
    opportunityId: string;
    name: string;
    kind: OpportunityKind;
    amountMinor: number;
    currency: string;
    productLine: string;
    at: string;
    expectedClose: string;
  },
): HypotheticalEvent {
  return {
    type: 'OpportunityIdentified',
    data: {
      accountId,
      at: o.at,
      opportunityId: o.opportunityId,
      name: o.name,
      kind: o.kind,
      value: { amountMinor: o.amountMinor, currency: o.currency },
      stage: 'committed',
      probability: 100,
      expectedClose: o.expectedClose,
      productLine: o.productLine,
      executiveSponsorContactId: null,
      source: 'existing_relationship',
    },
  };
}

/**
 * Reads the read models from a store and runs {@link whatIf} on them: the store is only read
 * (`readAll`), never written, whatever the hypothetical events say.
 */
export async function whatIfFromStore(
  store: Pick<EventStore, 'readAll'>,
  hypothetical: readonly HypotheticalEvent[],
  options: WhatIfOptions,
): Promise<WhatIf> {
  const { state } = await readProjection(store, readModelsProjection);
  return whatIf(state, hypothetical, options);
}
