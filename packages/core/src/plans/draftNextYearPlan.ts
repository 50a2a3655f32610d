import type { Instant } from '../periods/period.js';
import type { DraftPlan } from './commands.js';
import type { PlanState } from './planState.js';
import { violatePlanRule } from './rules.js';

/**
 * Builds the `DraftPlan` that starts next year's plan from a plan on which
 * `ClonePlanIntoNextYear` was recorded: same account, rep, currency and cadence, the year after,
 * and the sections of the cloned (approved) version carried over, except the revenue plan and
 * the next steps, which belong to their own year. Goals are not carried over: next year's goals
 * are worked back afresh (seed 003). Send the command to the stream of `state.clonedInto.planId`.
 *
 * @throws {DomainRuleViolation} `plan.not_cloned` when no clone was recorded on the plan.
 */
export function draftNextYearPlan(state: PlanState, at: Instant): DraftPlan {
  const into = state.clonedInto;
  const cloned = state.approvedVersions.find((version) => version.version === into?.version);
  if (
    !into ||
    !cloned ||
    state.planId === null ||
    state.accountId === null ||
    state.repId === null ||
    state.currency === null ||
    state.cadence === null
  ) {
    return violatePlanRule('plan.not_cloned', { planId: state.planId ?? '' });
  }
  const { revenuePlan: _revenuePlan, nextSteps: _nextSteps, ...carriedOver } = cloned.sections;
  return {
    type: 'DraftPlan',
    planId: into.planId,
    at,
    accountId: state.accountId,
    repId: state.repId,
    year: into.year,
    currency: state.currency,
    cadence: { ...state.cadence },
    clonedFrom: { planId: state.planId, version: cloned.version },
    carriedOver,
  };
}
