import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** One registry per process, shared by the kit, the events package and the service. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: "http_request_duration_seconds",
  help: "HTTP request duration by route and status",
  labelNames: ["route", "method", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const graphqlOperations = new Counter({
  name: "graphql_operations_total",
  help: "GraphQL operations by name and outcome",
  labelNames: ["operation", "outcome"] as const,
  registers: [metricsRegistry],
});

/** Set at each readiness probe (/health/ready): 1 ready, 0 not ready or draining. */
export const serviceReady = new Gauge({
  name: "service_ready",
  help: "Whether the process answered its last readiness probe as ready (1) or not (0)",
  registers: [metricsRegistry],
});

/** Each readiness check's last result (database, kafka, events): 1 passed, 0 failed. */
export const readinessCheck = new Gauge({
  name: "service_readiness_check",
  help: "The last result of each readiness check: 1 passed, 0 failed",
  labelNames: ["check"] as const,
  registers: [metricsRegistry],
});
