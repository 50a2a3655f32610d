import type { AddressInfo } from 'node:net';
import {
  type AccountPlanning,
  createAccountPlanning,
  createProjectionRunner,
  type EventStore,
  readModelsProjection,
} from '@account-planning/core';
import type { ReviewPackOptions } from '@account-planning/reporting';
import { serve } from '@hono/node-server';
import { createReviewApp } from './reviewApp.js';

/** Options of {@link startReviewService}. */
export interface ReviewServiceOptions {
  /** The event store of the tenant the service serves; the caller closes it. */
  readonly store: EventStore;
  /** Business time (default: now). */
  readonly clock?: () => Date;
  /** Makes new ids (default: ULIDs). */
  readonly ids?: () => string;
  /** Where unexpected errors go (default `console.error`). */
  readonly logError?: (error: unknown) => void;
  /** How review packs are laid out and whom ids name. */
  readonly packOptions?: ReviewPackOptions;
  /** The port (default 0: a free one the system picks). */
  readonly port?: number;
}

/** A running review service: its base URL, its application service, and how to stop it. */
export interface RunningReviewService {
  readonly url: string;
  readonly planning: AccountPlanning;
  /** Stops the server (closing idle connections) and the read model; leaves the store open. */
  close(): Promise<void>;
}

/**
 * Starts the review service on Node's HTTP server: the application service over `store`, the
 * read models kept current from it by a projection runner, and the Hono app in front.
 */
export async function startReviewService(
  options: ReviewServiceOptions,
): Promise<RunningReviewService> {
  const { store, clock, ids, logError } = options;
  const planning = createAccountPlanning({
    store,
    ...(clock ? { clock } : {}),
    ...(ids ? { ids } : {}),
  });
  const readModels = await createProjectionRunner({ store, projection: readModelsProjection });
  const app = createReviewApp({
    planning,
    store,
    readModels,
    ...(options.packOptions ? { packOptions: options.packOptions } : {}),
    ...(clock ? { clock } : {}),
    ...(logError ? { logError } : {}),
  });
  const hostname = '127.0.0.1';
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (info) => {
      resolve({
        url: `http://${hostname}:${(info as AddressInfo).port}`,
        planning,
        async close() {
          await new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would hold the process open until they time out.
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          });
          await readModels.stop();
        },
      });
    });
  });
}
