import { type PlanCompleteness, planCompleteness } from '../plans/planCompleteness.js';
import type { PlanFreshness } from '../plans/planFreshness.js';
import { type PlanReviewsDue, planReviewsDue } from '../plans/planReviewsDue.js';
import type { PlanState, PlanStatus } from '../plans/planState.js';
import type { AccountBookState } from './accountBook.js';
import { type AccountTier, accountTiers } from './accountTiers.js';
import { compareText } from './ordering.js';
import type { PlanCoverageState } from './planCoverage.js';

/** What is wrong with a top-tier account's plan, most serious first. */
export type PlanGap = 'no_plan' | 'unapproved' | 'stale';

/** Why a plan in force counts as stale. */
export type StaleReason = 'strategic_review_overdue' | 'check_overdue' | 'previous_year';

/** The plan of one account: the one that counts, with its completeness and freshness. */
export interface AccountPlanSummary {
  readonly planId: string;
  readonly year: number;
  readonly status: PlanStatus;
  /** The working version. */
  readonly version: number;
  /** The version in force (the latest approved), or null if never approved. */
  readonly approvedVersion: number | null;
  readonly approvedAt: string | null;
  readonly completeness: PlanCompleteness;
  readonly freshness: PlanFreshness;
  readonly reviewsDue: PlanReviewsDue;
}

/** One top-tier account and how its plan stands. */
export interface PlanCoverageLine {
  readonly accountId: string;
  readonly accountName: string;
  readonly tier: 'A' | 'B' | 'C';
  readonly ownerRepId: string;
  /** The plan that counts (see {@link planCoverageOf}), or null. */
  readonly plan: AccountPlanSummary | null;
  /** The most serious gap, or null when the plan is approved and fresh. */
  readonly gap: PlanGap | null;
  /** Every reason the plan is stale (empty when it is not, or has no approved version). */
  readonly staleReasons: readonly StaleReason[];
}

/** Which top-tier accounts have a plan, and how good it is. */
export interface PlanCoverage {
  readonly asOf: string;
  readonly topTiers: readonly ('A' | 'B' | 'C')[];
  /** Gaps first (no plan, unapproved, stale), then covered, each by owner and name. */
  readonly accounts: readonly PlanCoverageLine[];
  readonly counts: {
    readonly topTier: number;
    /** Approved and fresh. */
    readonly covered: number;
    readonly noPlan: number;
    readonly unapproved: number;
    readonly stale: number;
  };
}

/** Options of {@link planCoverageOf}. */
export interface PlanCoverageOptions {
  /** The day, `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly tiers?: Readonly<Record<string, AccountTier>>;
  /** The tiers that warrant a plan (default `['A']`, seed 004: "usually your top-tier accounts"). */
  readonly topTiers?: readonly ('A' | 'B' | 'C')[];
  /** Only accounts of this rep. */
  readonly rep?: string;
}

/**
 * Plan coverage (seed 004: identify the accounts that warrant a plan, have one, check it
 * monthly or quarterly): every top-tier account that is not lost, with the plan that counts
 * for it (the latest year's plan not archived, else the latest archived one), its completeness,
 * freshness and reviews due, and its gap: no plan; a plan never approved; or stale (a
 * strategic review or check overdue, or a plan for a year before `asOf`'s). Pure.
 */
export function planCoverageOf(
  models: { readonly book: AccountBookState; readonly plans: PlanCoverageState },
  options: PlanCoverageOptions,
): PlanCoverage {
  const asOf = options.asOf.slice(0, 10);
  const topTiers = options.topTiers ?? ['A'];
  const wanted = new Set(topTiers);
  const tiers = options.tiers ?? accountTiers(models.book, { asOf });
  const lines: PlanCoverageLine[] = [];
  for (const account of Object.values(models.book.accounts)) {
    const tier = tiers[account.accountId!]?.tier;
    if (account.status === 'lost' || tier === undefined || !wanted.has(tier)) continue;
    if (options.rep !== undefined && account.ownerRepId !== options.rep) continue;
    const plan = planThatCounts(
      (models.plans.byAccount[account.accountId!] ?? []).map((id) => models.plans.plans[id]!),
    );
    const summary = plan ? summaryOf(plan, models.plans, asOf) : null;
    const staleReasons: StaleReason[] = [];
    if (summary && summary.approvedVersion !== null) {
      if (summary.reviewsDue.strategicReview.overdue) staleReasons.push('strategic_review_overdue');
      if (summary.reviewsDue.check.overdue) staleReasons.push('check_overdue');
      if (summary.year < Number(asOf.slice(0, 4))) staleReasons.push('previous_year');
    }
    const gap: PlanGap | null =
      summary === null || summary.status === 'archived'
        ? 'no_plan'
        : summary.approvedVersion === null
          ? 'unapproved'
          : staleReasons.length > 0
            ? 'stale'
            : null;
    lines.push({
      accountId: account.accountId!,
      accountName: account.name!,
      tier,
      ownerRepId: account.ownerRepId!,
      plan: summary,
      gap,
      staleReasons,
    });
  }
  const rank = { no_plan: 0, unapproved: 1, stale: 2 } as const;
  lines.sort(
    (a, b) =>
      (a.gap === null ? 3 : rank[a.gap]) - (b.gap === null ? 3 : rank[b.gap]) ||
      compareText(a.ownerRepId, b.ownerRepId) ||
      compareText(a.accountName, b.accountName) ||
      compareText(a.accountId, b.accountId),
  );
  const counts = { topTier: lines.length, covered: 0, noPlan: 0, unapproved: 0, stale: 0 };
  for (const line of lines) {
    if (line.gap === null) counts.covered += 1;
    else if (line.gap === 'no_plan') counts.noPlan += 1;
    else if (line.gap === 'unapproved') counts.unapproved += 1;
    else counts.stale += 1;
  }
  return { asOf, topTiers, accounts: lines, counts };
}

function planThatCounts(plans: readonly PlanState[]): PlanState | null {
  const byYear = (a: PlanState, b: PlanState) =>
    (b.year ?? 0) - (a.year ?? 0) || compareText(b.draftedAt ?? '', a.draftedAt ?? '');
  const live = plans.filter((p) => p.status !== 'archived').sort(byYear);
  return live[0] ?? [...plans].sort(byYear)[0] ?? null;
}

function summaryOf(plan: PlanState, coverage: PlanCoverageState, asOf: string): AccountPlanSummary {
  const approved = plan.approvedVersions.at(-1);
  return {
    planId: plan.planId!,
    year: plan.year!,
    status: plan.status,
    version: plan.version,
    approvedVersion: approved?.version ?? null,
    approvedAt: approved?.approvedAt ?? null,
    completeness: planCompleteness(plan),
    freshness: coverage.freshness[plan.planId!]!,
    reviewsDue: planReviewsDue(plan, asOf),
  };
}
