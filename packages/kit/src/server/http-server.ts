import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Headers } from "../identity/identity";
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
            {
              route: options.routeLabel(url.pathname),
              method: req.method ?? "",
              status: String(res.statusCode),
            },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        });
        route(req, res, url).catch((error) => {
          if (error instanceof BodyTooLargeError)
            return sendGraphQLError(res, 413, "BAD_USER_INPUT", error.message);
          options.logger.error({ err: error }, "request failed");
          if (!res.headersSent) sendGraphQLError(res, 500, "INTERNAL_SERVER_ERROR", "Internal error");
          else res.end();
        });
      });
    },
  };
}

/**
 * Listens on `host` (HOST; loopback unless told otherwise, so a laptop's network cannot reach a
 * development process; the chart sets 0.0.0.0 for pods) and resolves with the bound port (0 picks one).
 */
export function listen(server: Server, port: number, host = DEFAULT_HOST): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Where processes listen when HOST is not set. */
export const DEFAULT_HOST = "127.0.0.1";

/** Constant-time equality of a value a request carried and the internal secret. */
export function isInternalSecret(given: unknown, secret: string): boolean {
  if (typeof given !== "string") return false;
  const candidate = Buffer.from(given);
  const expected = Buffer.from(secret);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

/**
 * True when the request carries the internal secret, as `x-grassroots-internal-secret` (the gateway's
 * calls) or `Authorization: Bearer <secret>` (a Prometheus scrape, from the chart's Secret).
 */
export function carriesInternalSecret(req: IncomingMessage, secret: string): boolean {
  const auth = req.headers.authorization;
  const bearer = typeof auth === "string" && auth.startsWith("Bearer ") ? auth.slice(7) : undefined;
  return isInternalSecret(req.headers[Headers.internalSecret], secret) || isInternalSecret(bearer, secret);
}

/** /metrics is for the cluster's monitoring, not for clients: it needs the internal secret. */
export function refuseMetrics(res: ServerResponse): void {
  res.writeHead(401, { "content-type": "application/json", "www-authenticate": 'Bearer realm="metrics"' });
  res.end(
    JSON.stringify({ error: "/metrics is for monitoring: send the internal secret as a bearer token" }),
  );
}
