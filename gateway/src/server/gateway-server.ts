import { ApolloGateway, IntrospectAndCompose } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import {
  createHttpServer,
  listen,
  makeFormatError,
  metricsRegistry,
  runWithContext,
  Headers,
  contextFrom,
  inSpan,
  operationSpanNamePlugin,
  SpanKind,
  type Logger,
} from "@grassroots/kit";
import {
  carriesInternalSecret,
  handleGraphQLRequest,
  refuseMetrics,
  sendGraphQLError,
  sendJson,
} from "@grassroots/kit";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createTokenVerifier, type TokenVerifier } from "../auth/verify-token";
import { EXPORTS_PREFIX, serveExport } from "../exports/export-route";
import { subgraphUrlOverrides, type GatewayConfig } from "../config";
import { responseCachePlugins } from "../cache/response-cache";
import { redisResponseStore } from "../cache/shared-store";
import { costWithVariablesPlugin } from "../limits/cost-with-variables-plugin";
import { queryLimitRules } from "../limits/validation-rules";
import { admissionControl, sendRefusal } from "../overload/admission";
import { readTrustedDocuments } from "../trusted-documents/manifest";
import { trustedDocumentsPlugin } from "../trusted-documents/trusted-documents-plugin";
import { authenticate } from "./authenticate";
import type { GatewayContext } from "./gateway-context";
import { knownOperationNames } from "./operation-label";
import { operationMetricsPlugin } from "./operation-metrics-plugin";
import { IDE_ASSET_PREFIX, serveIde } from "./ide";
import { keepAliveFetcher, SubgraphAgents } from "./keep-alive-fetcher";
import { SharedFetches } from "./shared-fetches";
import { installScalarChecks } from "./scalar-checks";
import { setSecurityHeaders } from "./security-headers";
import { SubgraphDataSource } from "./subgraph-data-source";

/** The composed supergraph (production), or subgraphs to introspect and compose at start (development). */
export type SupergraphSource = { sdl: string } | { introspect: { name: string; url: string }[] };

export interface GatewayServerOptions {
  config: GatewayConfig;
  logger: Logger;
  supergraph: SupergraphSource;
  /** Overrides config.PORT (tests listen on 0). */
  port?: number;
  /** Overrides the verifier built from config. */
  verifyToken?: TokenVerifier;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Stops taking requests, waits for in-flight ones, closes subgraph connections. */
  stop(): Promise<void>;
  /** Marks the process not ready (readiness probe fails) while it drains. */
  setDraining(): void;
}

const KNOWN_ROUTES = new Set(["/graphql", "/health/live", "/health/ready", "/metrics", "/", "/ide"]);

/**
 * The public endpoint: /graphql (JWT required), /exports/<report>.xlsx (same token), the IDE at / and
 * /ide, /health/live, /health/ready,
 * /metrics. Listens first and loads the supergraph after, so liveness answers while it loads.
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<RunningGateway> {
  const { config, logger } = options;
  const production = config.NODE_ENV === "production";
  const verify = options.verifyToken ?? createTokenVerifier(config);
  // Read before listening: an enforced list that cannot be read stops the start.
  const trusted =
    config.TRUSTED_DOCUMENTS === "enforce" ? readTrustedDocuments(config.TRUSTED_DOCUMENTS_FILE) : undefined;
  const admission = admissionControl(config, logger);
  const agents = new SubgraphAgents();
  const shared = config.SUBGRAPH_FETCH_SHARING ? new SharedFetches() : undefined;
  const overrides: Record<string, string | undefined> = subgraphUrlOverrides(config);
  // Optional: never awaited, never part of readiness; unreachable, requests go on uncached.
  const sharedCache =
    config.RESPONSE_CACHE_ENABLED && config.RESPONSE_CACHE_REDIS_URL
      ? redisResponseStore(
          {
            url: config.RESPONSE_CACHE_REDIS_URL,
            keyPrefix: config.RESPONSE_CACHE_REDIS_PREFIX,
            timeoutMs: config.RESPONSE_CACHE_REDIS_TIMEOUT_MS,
            maxAgeSeconds: config.RESPONSE_CACHE_MAX_AGE_SECONDS,
            maxEntryBytes: config.RESPONSE_CACHE_REDIS_MAX_ENTRY_KB * 1024,
          },
          logger,
        )
      : undefined;
  const { server: httpServer, handle } = createHttpServer({
    logger,
    // Unknown paths share one label so random URLs cannot grow the metric without bound.
    routeLabel: (path) =>
      KNOWN_ROUTES.has(path)
        ? path
        : path.startsWith(IDE_ASSET_PREFIX)
          ? IDE_ASSET_PREFIX
          : path.startsWith(EXPORTS_PREFIX)
            ? EXPORTS_PREFIX
            : "other",
  });

  const gateway = new ApolloGateway({
    ...("sdl" in options.supergraph
      ? { supergraphSdl: options.supergraph.sdl }
      : {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: options.supergraph.introspect.map((s) => ({
              name: s.name,
              url: overrides[s.name] ?? s.url,
            })),
          }),
        }),
    buildService: ({ name, url }) =>
      new SubgraphDataSource(
        name,
        overrides[name] ?? url!,
        keepAliveFetcher(name, agents, config.SUBGRAPH_TIMEOUT_MS, shared),
        config.INTERNAL_SECRET,
        logger.child({ component: "subgraph" }),
      ),
    logger: logger.child({ component: "apollo-gateway" }),
  });
  // Registered before Apollo Server's own listener, so every schema it serves has the checks.
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => installScalarChecks(apiSchema));

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    // The kit's onShutdown owns SIGTERM; Apollo's own handler would stop early and re-raise the signal.
    stopOnTerminationSignals: false,
    introspection: !production,
    // Without introspection, "Did you mean …?" in validation errors would still disclose the schema.
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: !production,
    formatError: withoutClientErrorStacks(makeFormatError(production, logger)),
    validationRules: queryLimitRules({
      maxDepth: config.MAX_DEPTH,
      maxAliases: config.MAX_ALIASES,
      maxCost: config.MAX_COST,
    }),
    logger: logger.child({ component: "apollo-server" }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's default landing page loads from a CDN; our IDE is served at / instead.
      ApolloServerPluginLandingPageDisabled(),
      operationSpanNamePlugin(),
      ...(trusted ? [trustedDocumentsPlugin(trusted, logger)] : []),
      costWithVariablesPlugin(config.MAX_COST),
      operationMetricsPlugin(knownOperationNames(config.TRUSTED_DOCUMENTS_FILE)),
      ...(config.RESPONSE_CACHE_ENABLED
        ? responseCachePlugins({
            maxAgeSeconds: config.RESPONSE_CACHE_MAX_AGE_SECONDS,
            maxBytes: config.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
            shared: sharedCache,
          })
        : []),
    ],
  });

  let ready = false;
  let draining = false;

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    setSecurityHeaders(req, res);
    if (url.pathname === "/health/live") return sendJson(res, 200, { status: "live" });
    if (url.pathname === "/health/ready") {
      const status = draining ? "draining" : ready ? "ready" : "loading supergraph";
      return sendJson(res, ready && !draining ? 200 : 503, { status });
    }
    if (url.pathname === "/metrics") {
      // Not for clients: the public port serves it only to callers with the internal secret.
      if (!carriesInternalSecret(req, config.INTERNAL_SECRET)) return refuseMetrics(res);
      res.writeHead(200, { "content-type": metricsRegistry.contentType });
      return res.end(await metricsRegistry.metrics());
    }
    if (serveIde(req, res, url.pathname)) return;
    if (url.pathname.startsWith(EXPORTS_PREFIX)) {
      if (!ready)
        return sendJson(res, 503, { code: "SERVICE_UNAVAILABLE", message: "The gateway is starting." });
      return inServerSpan(req, "export", (requestId) => {
        res.setHeader(Headers.requestId, requestId);
        return runWithContext({ requestId }, () =>
          serveExport({ apollo, verify, logger }, req, res, url, requestId),
        );
      });
    }
    if (url.pathname !== "/graphql") return sendJson(res, 404, { error: "not found" });
    if (!ready)
      return sendGraphQLError(res, 503, "SERVICE_UNAVAILABLE", "The gateway is starting; try again shortly.");
    await inServerSpan(req, "graphql", (requestId) => {
      res.setHeader(Headers.requestId, requestId);
      return runWithContext({ requestId }, async () => {
        const admitted = await admission.admit(req, () => authenticate(req, requestId, verify, logger));
        if ("code" in admitted) return sendRefusal(res, admitted);
        try {
          await handleGraphQLRequest(apollo, req, res, url, admitted.context, config.BODY_LIMIT_BYTES);
        } finally {
          admitted.release();
        }
      });
    });
  };

  handle(route);
  const port = await listen(httpServer, options.port ?? config.PORT, config.HOST);
  try {
    await apollo.start();
  } catch (error) {
    httpServer.close();
    agents.destroy();
    sharedCache?.close();
    throw error;
  }
  ready = true;
  logger.info({ port }, "gateway listening");

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    setDraining: () => {
      draining = true;
    },
    stop: async () => {
      await apollo.stop();
      agents.destroy();
      sharedCache?.close();
    },
  };
}

// Stack traces (development only) help with internal errors; on a refused token or query they are noise.
function withoutClientErrorStacks(
  format: ReturnType<typeof makeFormatError>,
): ReturnType<typeof makeFormatError> {
  return (formatted, error) => {
    const result = format(formatted, error);
    if (result.extensions?.code === "INTERNAL_SERVER_ERROR" || !result.extensions?.stacktrace) return result;
    const { stacktrace: _stacktrace, ...extensions } = result.extensions;
    return { ...result, extensions };
  };
}

/**
 * One server span per request, continuing the caller's W3C `traceparent` (or starting a trace, also
 * with tracing off). The request id is the trace id — unless the caller sent a short, plain
 * `x-request-id`, which is kept as before so its logs can be matched across systems (the trace id is
 * in every log line as `traceId` either way).
 */
function inServerSpan<T>(req: IncomingMessage, name: string, fn: (requestId: string) => Promise<T>) {
  return inSpan(name, { kind: SpanKind.SERVER, parent: contextFrom(req.headers) }, (span) => {
    const given = req.headers[Headers.requestId];
    const plain = typeof given === "string" && /^[A-Za-z0-9._:-]{1,128}$/.test(given);
    return fn(plain ? given : span.spanContext().traceId);
  });
}
