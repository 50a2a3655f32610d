import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A running server: its base URL, and how to stop it. */
export interface RunningServer {
  readonly url: string;
  /** Stops accepting connections and closes the idle ones; resolves when the server is closed. */
  close(): Promise<void>;
}

/** Serves the app on Node's HTTP server, on `port` (0: a free port the system picks). */
export function listen(app: Hono, port = 0, hostname = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would hold the process open until they time out.
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
  });
}
