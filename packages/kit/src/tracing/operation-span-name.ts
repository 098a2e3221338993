import type { ApolloServerPlugin } from "@apollo/server";
import { trace } from "@opentelemetry/api";

/**
 * Names the request's server span after its operation ("graphql" until known), so a trace reads as
 * what the caller did. The name is the document's own; variables never reach the span.
 */
export function operationSpanNamePlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const span = trace.getActiveSpan();
      return {
        async didResolveOperation({ operationName, operation }) {
          if (!span) return;
          span.updateName(operationName ?? "graphql");
          if (operation) span.setAttribute("graphql.operation.type", operation.operation);
          if (operationName) span.setAttribute("graphql.operation.name", operationName);
        },
      };
    },
  };
}
