import { PlanSectionName } from './events.js';
import type { PlanState } from './planState.js';

/** How much of a plan is written. Derived from the state, never stored. */
export interface PlanCompleteness {
  /** The sections written so far, in the plan's order. */
  readonly written: readonly PlanSectionName[];
  /** The sections not yet written, in the plan's order. */
  readonly missing: readonly PlanSectionName[];
  /** Written sections over all nine, from 0 to 1. */
  readonly ratio: number;
  /** Whether the plan has at least one goal. */
  readonly hasGoals: boolean;
  /** Every section written and at least one goal set. */
  readonly complete: boolean;
}

/**
 * Which of the nine sections of a plan's working version are written (seed 002), and whether
 * it has goals (seed 003). A one-page plan is allowed (seed 004): completeness informs, it does
 * not block submission.
 */
export function planCompleteness(state: PlanState): PlanCompleteness {
  const names = PlanSectionName.options;
  const written = names.filter((name) => state.sections[name] !== undefined);
  const missing = names.filter((name) => state.sections[name] === undefined);
  const hasGoals = state.goals.length > 0;
  return {
    written,
    missing,
    ratio: written.length / names.length,
    hasGoals,
    complete: missing.length === 0 && hasGoals,
  };
}
