import { type AccountBookState, accountBookProjection } from './accountBook.js';
import { type CombinedState, combineProjections } from './combineProjections.js';
import { type CommitmentLedgerState, commitmentLedgerProjection } from './commitmentLedger.js';
import { type PlanCoverageState, planCoverageProjection } from './planCoverage.js';
import type { Projection } from './projection.js';
import { type ReviewCalendarState, reviewCalendarProjection } from './reviewCalendar.js';
import { type SalesPlanBookState, salesPlanBookProjection } from './salesPlanBook.js';

const parts = {
  book: accountBookProjection,
  calendar: reviewCalendarProjection,
  ledger: commitmentLedgerProjection,
  plans: planCoverageProjection,
  salesPlans: salesPlanBookProjection,
};

/**
 * Every read model, kept by one fold: the book of business, the review calendar, the
 * commitment ledger, plan coverage and the sales plans, with the position of the last event
 * folded. Every query and report model takes it (or one part of it).
 */
export interface ReadModels extends CombinedState<typeof parts> {
  readonly book: AccountBookState;
  readonly calendar: ReviewCalendarState;
  readonly ledger: CommitmentLedgerState;
  readonly plans: PlanCoverageState;
  readonly salesPlans: SalesPlanBookState;
}

/**
 * The projection of every read model at once (see {@link ReadModels}): run it with
 * `foldProjection`, `readModelsAsOf`, or keep it current with `createProjectionRunner`.
 *
 * @example
 * ```ts
 * const models = foldProjection(readModelsProjection, (await store.readAll()).events);
 * bookOfBusiness(models.book, { rep: 'rep-1' }, { asOf: '2026-03-02' });
 * ```
 */
export const readModelsProjection: Projection<ReadModels> = combineProjections(
  'read-models',
  parts,
) as Projection<ReadModels>;
