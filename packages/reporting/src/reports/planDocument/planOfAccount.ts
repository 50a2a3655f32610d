import { NotFoundError, type PlanCoverageState, type PlanState } from '@account-planning/core';

/**
 * The plan a document is for: the one named (it must be the account's), else the account's
 * plan that counts as plan coverage chooses it (the latest year's plan not archived, the latest
 * drafted first; else the latest archived one).
 *
 * @throws {NotFoundError} when the plan named is not one of the account's, or the account has
 * no plan at all.
 */
export function planOfAccount(
  plans: PlanCoverageState,
  accountId: string,
  planId?: string | null,
): PlanState {
  if (planId) {
    const plan = plans.plans[planId];
    if (plan === undefined || plan.accountId !== accountId) {
      throw new NotFoundError(
        'plan',
        planId,
        `No plan ${JSON.stringify(planId)} for account ${JSON.stringify(accountId)}`,
      );
    }
    return plan;
  }
  const ofAccount = (plans.byAccount[accountId] ?? []).map((id) => plans.plans[id]!);
  const latest = (a: PlanState, b: PlanState) =>
    (b.year ?? 0) - (a.year ?? 0) || (b.draftedAt ?? '').localeCompare(a.draftedAt ?? '');
  const plan =
    ofAccount.filter((p) => p.status !== 'archived').sort(latest)[0] ??
    [...ofAccount].sort(latest)[0];
  if (plan === undefined) {
    throw new NotFoundError('plan', accountId, `Account ${JSON.stringify(accountId)} has no plan`);
  }
  return plan;
}
