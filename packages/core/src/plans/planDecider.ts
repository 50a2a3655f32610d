import { defineAggregate } from '../catalog/aggregateDefinition.js';
import type { Decider } from '../decider/decider.js';
import { PlanCommand } from './commands.js';
import { decidePlan } from './decide.js';
import { type PlanEvent, planEvents } from './events.js';
import { evolvePlan } from './evolve.js';
import { initialPlanState, type PlanState } from './planState.js';
import { planRules } from './rules.js';

/**
 * The strategic account plan's behaviour: `decidePlan` and `evolvePlan` over `PlanState`. Run it
 * with `createCommandHandler` on streams `plan-<ulid>`.
 *
 * @example
 * ```ts
 * const plans = createCommandHandler({ store, decider: planDecider, commandSchema: PlanCommand });
 * await plans.handle(streamIdFor('plan', planId), { type: 'DraftPlan', planId, at, accountId, repId: 'rep-7', year: 2026, currency: 'EUR' });
 * ```
 */
export const planDecider: Decider<PlanState, PlanCommand, PlanEvent> = {
  initialState: initialPlanState,
  decide: decidePlan,
  evolve: evolvePlan,
};

/** The Plan aggregate for the catalog: events, commands, rules and decider. */
export const planAggregate = defineAggregate({
  name: 'Plan',
  streamKind: 'plan',
  description:
    'A strategic account plan for one account and year (seeds 002-004): nine structured sections, goals worked back to opportunities, a life cycle from draft to approval by a manager, revisions as new versions, and a review cadence.',
  events: planEvents,
  commandSchema: PlanCommand,
  rules: planRules,
  decider: planDecider,
});
