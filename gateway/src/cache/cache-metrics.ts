import { metricsRegistry } from "@grassroots/kit";
// prom-client through the kit's copy (one registry), as in server/gateway-metrics.ts.
import { Counter } from "prom-client";

/**
 * Calls to the shared cache store (Redis) that did not happen or failed; the request then went on
 * uncached. operation: read, write (answers), generation_read, generation_write; reason: unavailable
 * (not connected, or resting after a failure), failed (an error or the time bound).
 */
export const gatewayCacheStoreFailures = new Counter({
  name: "gateway_response_cache_store_failures_total",
  help: "Shared response cache (Redis) calls skipped or failed, the request answered uncached",
  labelNames: ["operation", "reason"] as const,
  registers: [metricsRegistry],
});

export type StoreOperation = "read" | "write" | "generation_read" | "generation_write";
