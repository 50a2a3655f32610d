import {
  type EventStore,
  type ReadModels,
  readModelsProjection,
  readProjection,
} from '@account-planning/core';
import type { TeamViewInput, TeamViewOptions } from './buildTeamView.js';

/** Options of {@link readTeamViewInput}. */
export interface ReadTeamViewOptions {
  /** The manager whose team the view shows. */
  readonly managerId: string;
  /** The day the view is for, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** When the view is made, an ISO instant (the caller's clock, not the library's). */
  readonly generatedAt: string;
  /**
   * The read models, when the host keeps them (a projection runner's `state`, or
   * `readAsOf(...).state` for the view as it stood at a past position). Default: built from the
   * store's whole log.
   */
  readonly models?: ReadModels;
  readonly options?: TeamViewOptions;
}

/**
 * Reads from a store everything {@link buildTeamView} needs: the read models (or the ones
 * given), and the view's manager, day and options. Reads only; works on any store through
 * the port.
 *
 * @throws whatever the store throws; the view itself checks the manager and the day.
 * @example
 * ```ts
 * const input = await readTeamViewInput(store, {
 *   managerId: 'mgr-sam', asOf: '2026-04-15', generatedAt: new Date().toISOString(),
 *   options: { names: { 'mgr-sam': 'Sam Okafor', 'rep-ana': 'Ana Lima' } },
 * });
 * const html = await renderHtml(buildTeamView(input));
 * ```
 */
export async function readTeamViewInput(
  store: Pick<EventStore, 'readAll'>,
  read: ReadTeamViewOptions,
): Promise<TeamViewInput> {
  const models = read.models ?? (await readProjection(store, readModelsProjection)).state;
  return {
    models,
    managerId: read.managerId,
    asOf: read.asOf,
    generatedAt: read.generatedAt,
    ...(read.options ? { options: read.options } : {}),
  };
}
