import type { UserId } from '../ids/ids.js';
import type { SalesPlanPeriod } from './events.js';

/** The stream id of a rep's sales plan for a period: `salesplan-<rep>-<period>`. */
export function salesPlanStreamId(repId: UserId, period: SalesPlanPeriod): string {
  return `salesplan-${repId}-${period}`;
}
