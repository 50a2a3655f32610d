import type { Draft } from 'immer';
import { type SalesPlanEvent, salesPlanEvents } from '../salesPlans/events.js';
import { evolveSalesPlan } from '../salesPlans/evolve.js';
import { initialSalesPlanState, type SalesPlanState } from '../salesPlans/salesPlanState.js';
import { salesPlanStreamId } from '../salesPlans/salesPlanStreamId.js';
import { freshState, instanceState } from './instanceState.js';
import {
  defineProjection,
  type ProjectedEvent,
  type Projection,
  type ProjectionHandlers,
} from './projection.js';

/**
 * Every rep's sales plans (targets, growth goal, pipeline-stocking goal, growth allocated to
 * accounts), for goals against actuals: the manager's pipeline stocking against goal, the
 * annual pack's last year against goals.
 */
export interface SalesPlanBookState {
  /** Sales plans by stream id (`salesplan-<rep>-<period>`), each the Sales plan aggregate's state. */
  readonly plans: Readonly<Record<string, SalesPlanState>>;
}

function applySalesPlanEvent(
  book: Draft<SalesPlanBookState>,
  data: { repId: string; period: string },
  event: ProjectedEvent,
): void {
  const id = salesPlanStreamId(data.repId, data.period);
  const plan = instanceState(
    book.plans,
    id,
    event,
    'SalesPlanOpened',
    () => freshState(initialSalesPlanState) as Draft<SalesPlanState>,
  );
  if (plan !== undefined) evolveSalesPlan(plan, event as SalesPlanEvent);
}

const handlers: Record<string, unknown> = {};
for (const { type } of salesPlanEvents) handlers[type] = applySalesPlanEvent;

/** A book with no sales plan. */
export function emptySalesPlanBook(): SalesPlanBookState {
  return { plans: {} };
}

/** The sales-plan read model: folds every Sales plan event. See {@link SalesPlanBookState}. */
export const salesPlanBookProjection: Projection<SalesPlanBookState> = defineProjection({
  name: 'sales-plan-book',
  version: '1',
  initial: emptySalesPlanBook,
  handlers: handlers as ProjectionHandlers<SalesPlanBookState>,
});
