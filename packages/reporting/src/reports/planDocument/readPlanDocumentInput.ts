import {
  type EventStore,
  NotFoundError,
  type ReadModels,
  readModelsProjection,
  readProjection,
} from '@account-planning/core';
import type { PlanDocumentInput, PlanDocumentOptions } from './buildPlanDocument.js';
import { planOfAccount } from './planOfAccount.js';

/** Options of {@link readPlanDocumentInput}. */
export interface ReadPlanDocumentOptions {
  /** The account whose plan the document shows. */
  readonly accountId: string;
  /** The plan (default: the account's plan that counts, as plan coverage chooses it). */
  readonly planId?: string;
  /** The day the document is for, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** When the document is made, an ISO instant (the caller's clock, not the library's). */
  readonly generatedAt: string;
  /**
   * The read models, when the host keeps them (a projection runner's `state`, or
   * `readAsOf(...).state` for the plan as it stood at a past position, say the March review).
   * Default: built from the store's whole log.
   */
  readonly models?: ReadModels;
  readonly options?: PlanDocumentOptions;
}

/**
 * Reads from a store everything {@link buildPlanDocument} needs: the read models (or the ones
 * given) and which plan of the account the document is for, checked to exist before anything is
 * built. Reads only; works on any store through the port.
 *
 * @throws {NotFoundError} when the account is unknown, or has no plan (or not the one named),
 * and whatever the store throws.
 * @example
 * ```ts
 * const input = await readPlanDocumentInput(store, {
 *   accountId, asOf: '2026-04-15', generatedAt: new Date().toISOString(),
 *   options: { names: { 'rep-ana': 'Ana Lima', 'mgr-sam': 'Sam Okafor' } },
 * });
 * const html = await renderHtml(buildPlanDocument(input));
 * ```
 */
export async function readPlanDocumentInput(
  store: Pick<EventStore, 'readAll' | 'readStream'>,
  read: ReadPlanDocumentOptions,
): Promise<PlanDocumentInput> {
  const models = read.models ?? (await readProjection(store, readModelsProjection)).state;
  if (models.book.accounts[read.accountId] === undefined) {
    throw new NotFoundError('account', read.accountId);
  }
  const plan = planOfAccount(models.plans, read.accountId, read.planId);
  return {
    models,
    accountId: read.accountId,
    planId: plan.planId!,
    asOf: read.asOf.slice(0, 10),
    generatedAt: read.generatedAt,
    options: read.options ?? {},
  };
}
