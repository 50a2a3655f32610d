import { addDays, addMonths, daysBetween } from '../periods/period.js';
import type { ReviewKind } from '../reviews/events.js';
import type { ReviewState } from '../reviews/evolve.js';
import type { AccountBookState } from './accountBook.js';
import { type AccountTier, accountTiers } from './accountTiers.js';
import { compareText } from './ordering.js';
import type { PlanCoverageState } from './planCoverage.js';
import type { ReviewCalendarState } from './reviewCalendar.js';

/**
 * When a review of one kind falls due after the last one: due from `dueAfterMonths` months on,
 * overdue after `overdueAfterMonths` months and `graceDays` days.
 */
export interface ReviewCadenceRule {
  readonly dueAfterMonths: number;
  readonly overdueAfterMonths: number;
  readonly graceDays: number;
}

/**
 * The cadence rules: a monthly review every month per rep (seed 001, a week's grace), an annual
 * review every year per rep (seed 000, a month's grace), and a strategic plan review of each
 * top-tier account every six to nine months (seed 002: due at six, overdue after nine, or after
 * the plan's own cadence when it has one in force).
 */
export const DEFAULT_REVIEW_CADENCES: Readonly<Record<ReviewKind, ReviewCadenceRule>> =
  Object.freeze({
    monthly: { dueAfterMonths: 1, overdueAfterMonths: 1, graceDays: 7 },
    annual: { dueAfterMonths: 12, overdueAfterMonths: 12, graceDays: 30 },
    strategic_plan: { dueAfterMonths: 6, overdueAfterMonths: 9, graceDays: 0 },
  });

/** A review in the calendar that has not concluded or been cancelled. */
export interface ScheduledReviewLine {
  readonly reviewId: string;
  readonly kind: ReviewKind;
  readonly repId: string;
  readonly managerId: string;
  readonly accountIds: readonly string[];
  readonly planId: string | null;
  readonly scheduledFor: string;
  readonly status: 'scheduled' | 'in_progress';
  /** When the notice went out for the current time, or null (seed 000: a week, preferably two). */
  readonly noticeSentAt: string | null;
  readonly noticeDays: number | null;
  readonly noticeWarning: 'below_minimum' | 'below_preferred' | null;
  /** Where the rep's preparation document is. */
  readonly preparation: 'none' | 'draft' | 'submitted';
  /** True when its time is before `asOf` and it has still not concluded. */
  readonly past: boolean;
}

/** One review that the cadence rules expect: a rep's monthly or annual, an account's strategic. */
export interface ReviewObligation {
  readonly kind: ReviewKind;
  readonly repId: string;
  /** The rep's manager (their latest review's), or null. */
  readonly managerId: string | null;
  /** The account of a strategic plan review; null for monthly and annual reviews. */
  readonly accountId: string | null;
  /** The last one held (concluded, or a plan's strategic review recorded), or null. */
  readonly lastHeld: { readonly at: string; readonly reviewId: string | null } | null;
  /**
   * What the cadence counts from: the last one held, else when the obligation began (the rep's
   * first account, the plan's first approval); null when there is nothing to count from.
   */
  readonly countingFrom: string | null;
  /** The first day it is due, `YYYY-MM-DD`; null when it is due with nothing to count from. */
  readonly dueFrom: string | null;
  /** The last day before it is overdue; null as `dueFrom`. */
  readonly dueBy: string | null;
  /** `upcoming` before `dueFrom`, `overdue` after `dueBy`, else `due`. */
  readonly status: 'upcoming' | 'due' | 'overdue';
  /** Days past `dueBy`; 0 unless overdue. */
  readonly daysOverdue: number;
  /** The next review of this kind in the calendar for it, or null. */
  readonly next: ScheduledReviewLine | null;
}

/** The review calendar as of a day. */
export interface ReviewsDue {
  readonly asOf: string;
  /** Overdue first (most days first), then due, then upcoming, each by date, kind, rep, account. */
  readonly obligations: readonly ReviewObligation[];
  /** Reviews in the calendar not yet concluded or cancelled, by time. */
  readonly scheduled: readonly ScheduledReviewLine[];
  readonly counts: { readonly upcoming: number; readonly due: number; readonly overdue: number };
}

/** Options of {@link reviewsDue}. */
export interface ReviewsDueOptions {
  /** The day, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Each account's tier (default: `accountTiers(book, { asOf })`). */
  readonly tiers?: Readonly<Record<string, AccountTier>>;
  /** The tiers whose accounts need strategic plan reviews (default `['A']`). */
  readonly topTiers?: readonly ('A' | 'B' | 'C')[];
  /** Cadence rules to replace the defaults, by kind. */
  readonly cadences?: Partial<Readonly<Record<ReviewKind, ReviewCadenceRule>>>;
  /** Only these reps (default: every rep who owns an account that is not lost). */
  readonly reps?: readonly string[];
}

/**
 * The review calendar under the cadence rules (seeds 000, 001, 002, 004: "overdue reviews are
 * visible"): for every rep a monthly and an annual review, for every top-tier account a
 * strategic plan review, each upcoming, due or overdue as of `asOf` with the next one booked;
 * and every review booked and not yet held, with its notice and preparation. Pure.
 *
 * @throws {ValidationError} when tiers must be computed and `asOf` is not a date.
 */
export function reviewsDue(
  models: {
    readonly book: AccountBookState;
    readonly calendar: ReviewCalendarState;
    readonly plans: PlanCoverageState;
  },
  options: ReviewsDueOptions,
): ReviewsDue {
  const { book, calendar, plans } = models;
  const asOf = options.asOf.slice(0, 10);
  const cadences = { ...DEFAULT_REVIEW_CADENCES, ...options.cadences };
  const reviews = Object.values(calendar.reviews);
  const scheduled = reviews
    .filter((r) => r.status === 'scheduled' || r.status === 'in_progress')
    .map((r) => scheduledLine(r, asOf))
    .sort(
      (a, b) => compareText(a.scheduledFor, b.scheduledFor) || compareText(a.reviewId, b.reviewId),
    );

  const repSince = new Map<string, string>();
  for (const history of Object.values(book.assignments)) {
    for (const assignment of history) {
      const since = repSince.get(assignment.ownerRepId);
      if (since === undefined || assignment.at < since)
        repSince.set(assignment.ownerRepId, assignment.at);
    }
  }
  const reps =
    options.reps ??
    [
      ...new Set(
        Object.values(book.accounts)
          .filter((a) => a.status !== 'lost')
          .map((a) => a.ownerRepId!),
      ),
    ].sort(compareText);

  const obligations: ReviewObligation[] = [];
  for (const repId of reps) {
    for (const kind of ['monthly', 'annual'] as const) {
      const held = reviews.filter(
        (r) => r.kind === kind && r.repId === repId && r.status === 'concluded',
      );
      const last = latest(held.map((r) => ({ at: r.concludedAt!, reviewId: r.reviewId })));
      obligations.push(
        obligation({
          kind,
          repId,
          managerId: book.managers[repId] ?? null,
          accountId: null,
          lastHeld: last,
          baseline: repSince.get(repId) ?? null,
          rule: cadences[kind],
          overdueAfterMonths: cadences[kind].overdueAfterMonths,
          asOf,
          next: scheduled.find((s) => s.kind === kind && s.repId === repId) ?? null,
        }),
      );
    }
  }

  const topTiers = new Set(options.topTiers ?? ['A']);
  const tiers = options.tiers ?? accountTiers(book, { asOf });
  for (const account of Object.values(book.accounts)) {
    const accountId = account.accountId!;
    const tier = tiers[accountId]?.tier;
    if (account.status === 'lost' || tier === undefined || !topTiers.has(tier)) continue;
    if (options.reps && !options.reps.includes(account.ownerRepId!)) continue;
    const accountPlans = (plans.byAccount[accountId] ?? []).map((id) => plans.plans[id]!);
    const held = [
      ...reviews
        .filter(
          (r) =>
            r.kind === 'strategic_plan' &&
            r.status === 'concluded' &&
            r.accountIds.includes(accountId),
        )
        .map((r) => ({ at: r.concludedAt!, reviewId: r.reviewId })),
      ...accountPlans.flatMap((p) =>
        p.reviews
          .filter((r) => r.kind === 'strategic')
          .map((r) => ({ at: r.at, reviewId: r.reviewId })),
      ),
    ];
    const firstApproval = latest(
      accountPlans.flatMap((p) =>
        p.approvedVersions.slice(0, 1).map((v) => ({ at: v.approvedAt, reviewId: null })),
      ),
      'earliest',
    );
    const inForce = accountPlans
      .filter((p) => p.status !== 'archived' && p.approvedVersions.length > 0 && p.cadence)
      .sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
    obligations.push(
      obligation({
        kind: 'strategic_plan',
        repId: account.ownerRepId!,
        managerId: book.managers[account.ownerRepId!] ?? null,
        accountId,
        lastHeld: latest(held),
        baseline: firstApproval?.at ?? null,
        rule: cadences.strategic_plan,
        overdueAfterMonths:
          inForce?.cadence?.strategicReviewEveryMonths ??
          cadences.strategic_plan.overdueAfterMonths,
        asOf,
        next:
          scheduled.find((s) => s.kind === 'strategic_plan' && s.accountIds.includes(accountId)) ??
          null,
      }),
    );
  }

  const rank = { overdue: 0, due: 1, upcoming: 2 } as const;
  obligations.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      b.daysOverdue - a.daysOverdue ||
      compareText(a.dueFrom ?? '', b.dueFrom ?? '') ||
      compareText(a.kind, b.kind) ||
      compareText(a.repId, b.repId) ||
      compareText(a.accountId ?? '', b.accountId ?? ''),
  );
  const counts = { upcoming: 0, due: 0, overdue: 0 };
  for (const o of obligations) counts[o.status] += 1;
  return { asOf, obligations, scheduled, counts };
}

function obligation(input: {
  kind: ReviewKind;
  repId: string;
  managerId: string | null;
  accountId: string | null;
  lastHeld: { at: string; reviewId: string | null } | null;
  baseline: string | null;
  rule: ReviewCadenceRule;
  overdueAfterMonths: number;
  asOf: string;
  next: ScheduledReviewLine | null;
}): ReviewObligation {
  const countingFrom = input.lastHeld?.at ?? input.baseline;
  const dueFrom =
    countingFrom === null ? null : addMonthsToDay(countingFrom, input.rule.dueAfterMonths);
  const dueBy =
    countingFrom === null
      ? null
      : addDays(addMonthsToDay(countingFrom, input.overdueAfterMonths), input.rule.graceDays);
  const status =
    dueFrom === null || dueBy === null
      ? 'due'
      : input.asOf < dueFrom
        ? 'upcoming'
        : input.asOf > dueBy
          ? 'overdue'
          : 'due';
  return {
    kind: input.kind,
    repId: input.repId,
    managerId: input.managerId,
    accountId: input.accountId,
    lastHeld: input.lastHeld,
    countingFrom,
    dueFrom,
    dueBy,
    status,
    daysOverdue: status === 'overdue' ? daysBetween(dueBy!, input.asOf) : 0,
    next: input.next,
  };
}

function scheduledLine(review: ReviewState, asOf: string): ScheduledReviewLine {
  return {
    reviewId: review.reviewId!,
    kind: review.kind!,
    repId: review.repId!,
    managerId: review.managerId!,
    accountIds: review.accountIds,
    planId: review.planId,
    scheduledFor: review.scheduledFor!,
    status: review.status as 'scheduled' | 'in_progress',
    noticeSentAt: review.notice?.sentAt ?? null,
    noticeDays: review.notice?.noticeDays ?? null,
    noticeWarning: review.notice?.warning ?? null,
    preparation: review.preparation?.status ?? 'none',
    past: review.scheduledFor!.slice(0, 10) < asOf,
  };
}

function latest<T extends { at: string }>(
  items: readonly T[],
  which: 'latest' | 'earliest' = 'latest',
): T | null {
  let best: T | null = null;
  for (const item of items) {
    if (best === null) {
      best = item;
      continue;
    }
    // Instants may carry different offsets: compare the moments, not the strings.
    const delta = Date.parse(item.at) - Date.parse(best.at);
    if (which === 'latest' ? delta > 0 : delta < 0) best = item;
  }
  return best;
}

/** The same day `count` months later (the month's last day when it has no such day). */
function addMonthsToDay(from: string, count: number): string {
  const month = addMonths(from.slice(0, 7), count);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const day = Math.min(Number(from.slice(8, 10)), lastDay);
  return `${month}-${String(day).padStart(2, '0')}`;
}
