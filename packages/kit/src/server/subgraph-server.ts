import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { createContext, type GraphQLContext, type HomePathLookup } from "../graphql/context";
import { makeFormatError } from "../graphql/format-error";
import { decodeIdentity, Headers, type Identity } from "../identity/identity";
import { isAppError } from "../errors/app-error";
import { runWithContext } from "../logging/request-context";
import { operationSpanNamePlugin } from "../tracing/operation-span-name";
import { contextFrom, inSpan, SpanKind } from "../tracing/trace-context";
import { handleGraphQLRequest } from "./apollo-http";
import { checkReadiness, type ReadinessCheck } from "./health";
import { sendGraphQLError, sendJson } from "./http-io";
import {
  carriesInternalSecret,
  createHttpServer,
  isInternalSecret,
  listen,
  refuseMetrics,
} from "./http-server";
import { graphqlOperations, metricsRegistry, readinessCheck, serviceReady } from "./metrics";

const SUBGRAPH_ROUTES = new Set(["/graphql", "/health/live", "/health/ready", "/metrics"]);

export interface SubgraphServerOptions {
  name: string;
  port: number;
  /** Interface to listen on (HOST); loopback by default. */
  host?: string;
  production: boolean;
  internalSecret: string;
  schema: GraphQLSchema;
  logger: Logger;
  readiness: ReadinessCheck[];
  homePathOf: HomePathLookup;
  bodyLimitBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking requests and waits for in-flight ones. */
  stop(): Promise<void>;
  /** Marks the process not ready (readiness probe fails) while it drains. */
  setDraining(): void;
}

/**
 * A subgraph on Node's http: /graphql (internal secret required), /health/live, /health/ready, /metrics.
 * Only the gateway knows the internal secret, so clients cannot bypass its JWT check.
 */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningServer> {
  const { logger } = options;
  let draining = false;
  const { server: httpServer, handle } = createHttpServer({
    logger,
    routeLabel: (path) => (SUBGRAPH_ROUTES.has(path) ? path : "other"),
  });
  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    introspection: !options.production,
    hideSchemaDetailsFromClientErrors: options.production,
    includeStacktraceInErrorResponses: !options.production,
    formatError: makeFormatError(options.production, logger),
    logger,
    // The process's own onShutdown drains HTTP, consumers and the relay in order; Apollo must not
    // act on SIGTERM by itself (it would stop early and re-raise the signal mid-drain).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No Apollo Studio on government intranets: federated tracing would only cost time.
      ApolloServerPluginInlineTraceDisabled(),
      operationSpanNamePlugin(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ operationName, errors }) {
              graphqlOperations.inc({
                operation: operationName ?? "anonymous",
                outcome: errors?.length ? "error" : "ok",
              });
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname === "/health/live") return sendJson(res, 200, { status: "live" });
    if (url.pathname === "/health/ready") {
      const report = await checkReadiness(options.readiness);
      const ready = report.ready && !draining;
      serviceReady.set(ready ? 1 : 0);
      for (const [check, result] of Object.entries(report.checks))
        readinessCheck.set({ check }, result === "ok" ? 1 : 0);
      return sendJson(res, ready ? 200 : 503, {
        status: ready ? "ready" : draining ? "draining" : "not ready",
        ...report,
      });
    }
    if (url.pathname === "/metrics") {
      if (!carriesInternalSecret(req, options.internalSecret)) return refuseMetrics(res);
      res.writeHead(200, { "content-type": metricsRegistry.contentType });
      return res.end(await metricsRegistry.metrics());
    }
    if (url.pathname !== "/graphql") return sendJson(res, 404, { error: "not found" });
    if (!isInternalSecret(req.headers[Headers.internalSecret], options.internalSecret)) {
      return sendGraphQLError(res, 401, "UNAUTHENTICATED", "This service only answers the gateway.");
    }
    let identity: Identity | undefined;
    const identityHeader = req.headers[Headers.identity];
    try {
      identity = typeof identityHeader === "string" ? decodeIdentity(identityHeader) : undefined;
    } catch (error) {
      return sendGraphQLError(
        res,
        401,
        "UNAUTHENTICATED",
        isAppError(error) ? error.message : "bad identity",
      );
    }
    const requestId = headerValue(req, Headers.requestId) ?? randomUUID();
    res.setHeader(Headers.requestId, requestId);
    // One server span per request, continuing the gateway's trace (its traceparent header).
    await inSpan("graphql", { kind: SpanKind.SERVER, parent: contextFrom(req.headers) }, () =>
      runWithContext({ requestId, userId: identity?.userId }, () =>
        handleGraphQLRequest(
          apollo,
          req,
          res,
          url,
          async () => createContext(requestId, identity, logger, options.homePathOf),
          options.bodyLimitBytes ?? 1_000_000,
        ),
      ),
    );
  };

  handle(route);
  const port = await listen(httpServer, options.port, options.host);
  logger.info({ port }, `${options.name} subgraph listening`);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    setDraining: () => {
      draining = true;
    },
    stop: () => apollo.stop(),
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" && value.length > 0 && value.length <= 128 ? value : undefined;
}
