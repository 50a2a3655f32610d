import type { Draft } from 'immer';
import { type PlanDrafted, type PlanEvent, PlanSectionName, planEvents } from '../plans/events.js';
import { evolvePlan, SECTION_WRITTEN_BY } from '../plans/evolve.js';
import type { PlanFreshness } from '../plans/planFreshness.js';
import { initialPlanState, type PlanState } from '../plans/planState.js';
import { freshState, instanceState } from './instanceState.js';
import {
  defineProjection,
  type ProjectedEvent,
  type Projection,
  type ProjectionHandlers,
} from './projection.js';

/**
 * Every strategic account plan as the Plan aggregate folds it (status, the nine sections of the
 * working version, goals, cadence, approved versions, reviews and checks), with each plan's
 * freshness kept as `planFreshness` computes it from the plan's events. `planCoverageOf` reads it
 * with the accounts' tiers: which top-tier accounts have no plan, an unapproved or a stale one.
 */
export interface PlanCoverageState {
  /** Plans by id, each the Plan aggregate's state. */
  readonly plans: Readonly<Record<string, PlanState>>;
  /** Each plan's freshness by plan id: equal to `planFreshness` of the plan's events. */
  readonly freshness: Readonly<Record<string, PlanFreshness>>;
  /** The ids of each account's plans, by account id, in the order drafted. */
  readonly byAccount: Readonly<Record<string, readonly string[]>>;
}

type Coverage = Draft<PlanCoverageState>;
const SECTIONS = PlanSectionName.options;

function applyPlanEvent(
  coverage: Coverage,
  data: { planId: string; at: string },
  event: ProjectedEvent,
): void {
  const id = data.planId;
  const plan = instanceState(coverage.plans, id, event, 'PlanDrafted', () => {
    const accountId = (data as PlanDrafted['data']).accountId;
    coverage.byAccount[accountId] ??= [];
    coverage.byAccount[accountId].push(id);
    coverage.freshness[id] = {
      lastReviewedAt: null,
      lastWrittenAt: {},
      touchedSinceLastReview: [],
      untouchedSinceLastReview: [...SECTIONS],
    };
    return freshState(initialPlanState) as Draft<PlanState>;
  });
  if (plan === undefined) return;
  evolvePlan(plan, event as PlanEvent);
  const freshness = coverage.freshness[id]!;
  if (event.type === 'PlanReviewed') {
    freshness.lastReviewedAt = data.at;
    freshness.touchedSinceLastReview = [];
    freshness.untouchedSinceLastReview = [...SECTIONS];
    return;
  }
  const section = SECTION_WRITTEN_BY[event.type as PlanEvent['type']];
  if (section === undefined) return;
  freshness.lastWrittenAt[section] = data.at;
  if (!freshness.touchedSinceLastReview.includes(section)) {
    const touched = new Set([...freshness.touchedSinceLastReview, section]);
    freshness.touchedSinceLastReview = SECTIONS.filter((name) => touched.has(name));
    freshness.untouchedSinceLastReview = SECTIONS.filter((name) => !touched.has(name));
  }
}

const handlers: Record<string, unknown> = {};
for (const { type } of planEvents) handlers[type] = applyPlanEvent;

/** Coverage with no plan. */
export function emptyPlanCoverage(): PlanCoverageState {
  return { plans: {}, freshness: {}, byAccount: {} };
}

/** The plan-coverage read model: folds every Plan event. See {@link PlanCoverageState}. */
export const planCoverageProjection: Projection<PlanCoverageState> = defineProjection({
  name: 'plan-coverage',
  version: '1',
  initial: emptyPlanCoverage,
  handlers: handlers as ProjectionHandlers<PlanCoverageState>,
});
