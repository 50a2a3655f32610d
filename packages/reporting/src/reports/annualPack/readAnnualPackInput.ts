import {
  type EventStore,
  type ReadModels,
  readModelsProjection,
  readProjection,
} from '@account-planning/core';
import type { AnnualPackInput, AnnualPackOptions } from './buildAnnualPack.js';

/** Options of {@link readAnnualPackInput}. */
export interface ReadAnnualPackOptions {
  /** The manager whose team the pack covers. */
  readonly managerId: string;
  /** The year under review (`2025`). */
  readonly year: number;
  /** When the pack is made, an ISO instant (the caller's clock, not the library's). */
  readonly generatedAt: string;
  /**
   * The read models, when the host keeps them (a projection runner's `state`, or
   * `readAsOf(...).state`). Default: built from the store's whole log.
   */
  readonly models?: ReadModels;
  readonly options?: AnnualPackOptions;
}

/**
 * Reads from a store everything {@link buildAnnualPack} needs: the read models (or the ones
 * given), and the pack's manager, year and options. Reads only; works on any store through
 * the port.
 *
 * @throws whatever the store throws; the pack itself checks the manager and the year.
 * @example
 * ```ts
 * const input = await readAnnualPackInput(store, {
 *   managerId: 'mgr-sam', year: 2025, generatedAt: new Date().toISOString(),
 * });
 * const html = await renderHtml(buildAnnualPack(input));
 * ```
 */
export async function readAnnualPackInput(
  store: Pick<EventStore, 'readAll'>,
  read: ReadAnnualPackOptions,
): Promise<AnnualPackInput> {
  const models = read.models ?? (await readProjection(store, readModelsProjection)).state;
  return {
    models,
    managerId: read.managerId,
    year: read.year,
    generatedAt: read.generatedAt,
    ...(read.options ? { options: read.options } : {}),
  };
}
