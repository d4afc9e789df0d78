import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Handler } from "./routes.js";

/**
 * The listener of its own that serves `/metrics` when METRICS_PORT is set: nothing else is answered there, and the
 * webhook port does not serve metrics at all. It binds to one host (127.0.0.1 unless METRICS_HOST says otherwise) so
 * that a scraper on the same host or internal network reaches it and the internet does not.
 */

export interface MetricsListener {
  port: number;
  close(): Promise<void>;
}

export async function startMetricsListener(options: {
  host: string;
  port: number;
  route: Handler;
  onError: (error: unknown) => void;
}): Promise<MetricsListener> {
  const server = createServer((request, response) => {
    options.route(request, response).then(
      (handled) => {
        if (!handled) response.writeHead(404).end();
      },
      (error: unknown) => {
        options.onError(error);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: options.host, port: options.port }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
