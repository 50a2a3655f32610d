import {
  type AccountPlanning,
  createAccountPlanning,
  type EventStore,
} from '@account-planning/core';
import { seedId } from './seedId.js';

/** The application service a scenario writes through, on a clock and ids the scenario sets. */
export interface ScenarioPlanning {
  readonly planning: AccountPlanning;
  /** Moves the scenario's clock to `instant` and returns it, for a command's `at`. */
  at(instant: string): string;
  /** The next fixed id (`01SEED…`), from the same counter the service's new ids come from. */
  id(): string;
}

/**
 * The application service over `store` for a scenario: business time starts at `start` and
 * moves only when `at` is called; ids count on from `firstId`, so that scenarios built on one
 * another never share an id and a scenario built twice is the same record.
 */
export function scenarioPlanning(
  store: EventStore,
  start: string,
  firstId: number,
): ScenarioPlanning {
  let now = Date.parse(start);
  let ids = firstId;
  const id = () => seedId(++ids);
  const planning = createAccountPlanning({ store, clock: () => new Date(now), ids: id });
  const at = (instant: string) => {
    now = Date.parse(instant);
    return instant;
  };
  return { planning, at, id };
}
