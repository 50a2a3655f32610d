import type { CurrencyCode } from '../money/money.js';
import type { Instant } from '../periods/period.js';
import type { PlanGoal, PlanReviewCadence, PlanSections } from './events.js';

/** Where a plan is in its life cycle (seed 004: drafted, submitted, approved, revised). */
export type PlanStatus = 'none' | 'draft' | 'submitted' | 'approved' | 'archived';

/** One approved version of a plan, kept when the plan is revised. */
export interface ApprovedPlanVersion {
  readonly version: number;
  readonly sections: PlanSections;
  readonly goals: readonly PlanGoal[];
  readonly approvedBy: string;
  readonly approvedAt: Instant;
}

/** A review or check the plan went through. */
export interface PlanReviewRecord {
  readonly kind: 'strategic' | 'check';
  readonly at: Instant;
  readonly reviewId: string | null;
  readonly reviewedBy: string;
}

/**
 * A plan as its events leave it. `sections` and `goals` are the working version (`version`);
 * `approvedVersions` keeps every approved version, oldest first, so a revision never loses the
 * plan that was in force. Completeness and freshness are not stored: see `planCompleteness` and
 * `planFreshness`.
 */
export interface PlanState {
  readonly status: PlanStatus;
  /** The status before archiving (`none` until archived). */
  readonly archivedFrom: PlanStatus;
  readonly planId: string | null;
  readonly accountId: string | null;
  readonly repId: string | null;
  readonly year: number | null;
  readonly currency: CurrencyCode | null;
  /** The working version: 1 when drafted, one more on each revision. */
  readonly version: number;
  readonly sections: PlanSections;
  /** The goals of the working version, in the order they were first set. */
  readonly goals: readonly PlanGoal[];
  readonly cadence: PlanReviewCadence | null;
  readonly draftedAt: Instant | null;
  readonly submittedAt: Instant | null;
  readonly clonedFrom: { readonly planId: string; readonly version: number } | null;
  /** Next year's plan, once cloned. */
  readonly clonedInto: {
    readonly planId: string;
    readonly year: number;
    /** The approved version that was cloned. */
    readonly version: number;
  } | null;
  readonly approvedVersions: readonly ApprovedPlanVersion[];
  readonly reviews: readonly PlanReviewRecord[];
}

/** The state of a plan stream with no events. */
export const initialPlanState: PlanState = {
  status: 'none',
  archivedFrom: 'none',
  planId: null,
  accountId: null,
  repId: null,
  year: null,
  currency: null,
  version: 0,
  sections: {},
  goals: [],
  cadence: null,
  draftedAt: null,
  submittedAt: null,
  clonedFrom: null,
  clonedInto: null,
  approvedVersions: [],
  reviews: [],
};
