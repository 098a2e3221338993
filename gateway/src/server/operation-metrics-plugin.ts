import type { ApolloServerPlugin } from "@apollo/server";
import { gatewayOperationDuration } from "./gateway-metrics";

/** Observes each operation's duration by type (query, mutation) and outcome. */
export function operationMetricsPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, errors }) {
          gatewayOperationDuration.observe(
            { type: operation?.operation ?? "unknown", outcome: errors?.length ? "error" : "ok" },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        },
      };
    },
  };
}
