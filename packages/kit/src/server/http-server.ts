import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { BodyTooLargeError, sendGraphQLError } from "./http-io";
import { httpRequestDuration } from "./metrics";

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<unknown>;

export interface HttpServerOptions {
  logger: Logger;
  /** Metric label of a path: a fixed set, so random URLs cannot grow the metric without bound. */
  routeLabel(pathname: string): string;
}

/** Node's http with request timing, one error policy for every route, and keep-alive behind proxies. */
export function createHttpServer(options: HttpServerOptions): { server: Server; handle(route: Route): void } {
  const server = createServer();
  // Longer than the usual load balancer idle timeout, so it closes idle connections first.
  server.keepAliveTimeout = 65_000;
  return {
    server,
    handle(route) {
      server.on("request", (req, res) => {
        const started = process.hrtime.bigint();
        const url = new URL(req.url ?? "/", "http://localhost");
        res.on("finish", () => {
          httpRequestDuration.observe(
            { route: options.routeLabel(url.pathname), method: req.method ?? "", status: String(res.statusCode) },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        });
        route(req, res, url).catch((error) => {
          if (error instanceof BodyTooLargeError) return sendGraphQLError(res, 413, "BAD_USER_INPUT", error.message);
          options.logger.error({ err: error }, "request failed");
          if (!res.headersSent) sendGraphQLError(res, 500, "INTERNAL_SERVER_ERROR", "Internal error");
          else res.end();
        });
      });
    },
  };
}

/** Listens on all interfaces; resolves with the bound port (0 picks a free one). */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "0.0.0.0", () => resolve((server.address() as AddressInfo).port));
  });
}
