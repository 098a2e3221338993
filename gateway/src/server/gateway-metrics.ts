import { metricsRegistry } from "@grassroots/kit";
// prom-client is the kit's dependency; importing it through the kit keeps one copy of the library
// (one registry) without the gateway declaring it. See the gateway README.
import { Counter, Histogram } from "prom-client";

const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Whole GraphQL operations through the gateway. Operation names come from clients, so the label is
 * a trusted document's name or the gateway's own (an export), and "other" for the rest.
 */
export const gatewayOperationDuration = new Histogram({
  name: "gateway_operation_duration_seconds",
  help: "GraphQL operations served by the gateway, by operation name (known ones, else other), type and outcome",
  labelNames: ["operation", "type", "outcome"] as const,
  buckets,
  registers: [metricsRegistry],
});

/** Errors in the gateway's answers, once per operation and code (BAD_USER_INPUT, FORBIDDEN, ...). */
export const gatewayOperationErrors = new Counter({
  name: "gateway_operation_errors_total",
  help: "GraphQL operations answered with errors, by operation name (as in the duration) and error code",
  labelNames: ["operation", "code"] as const,
  registers: [metricsRegistry],
});

/** Each call the gateway makes to a subgraph. */
export const gatewaySubgraphRequestDuration = new Histogram({
  name: "gateway_subgraph_request_duration_seconds",
  help: "Requests from the gateway to subgraphs, by subgraph and HTTP status (or error)",
  labelNames: ["subgraph", "status"] as const,
  buckets,
  registers: [metricsRegistry],
});

/** Subgraph query fetches that joined an identical one in flight instead of sending their own. */
export const gatewaySharedSubgraphFetches = new Counter({
  name: "gateway_subgraph_fetches_shared_total",
  help: "Subgraph fetches answered by an identical fetch already in flight (same identity, queries only)",
  labelNames: ["subgraph"] as const,
  registers: [metricsRegistry],
});

/** Queries answered from the gateway's response cache (hit) or by the subgraphs (miss). */
export const gatewayResponseCache = new Counter({
  name: "gateway_response_cache_total",
  help: "Queries by whether the gateway's response cache answered them",
  labelNames: ["outcome"] as const,
  registers: [metricsRegistry],
});

/** Operations refused before they run: rate_limited, overloaded (concurrency cap), not_trusted. */
export const gatewayRefusals = new Counter({
  name: "gateway_refused_operations_total",
  help: "GraphQL requests the gateway refused before running them, by reason",
  labelNames: ["reason"] as const,
  registers: [metricsRegistry],
});
