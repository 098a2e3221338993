import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { measureOperation } from "./measure-operation";
import { costMessage, operationLabel } from "./validation-rules";

/**
 * Validation cannot see variable values, so `first: $n` counts there as its default. Once the operation
 * is resolved the real values are known: measure the cost again before anything is sent to a subgraph.
 */
export function costWithVariablesPlugin(maxCost: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation || !request.variables || Object.keys(request.variables).length === 0) return;
          const { cost } = measureOperation(schema, document, operation, request.variables);
          if (cost <= maxCost) return;
          throw new GraphQLError(costMessage(operationLabel(operation), cost, maxCost), {
            extensions: {
              code: "GRAPHQL_VALIDATION_FAILED",
              limit: "MAX_COST",
              max: maxCost,
              measured: cost,
              http: { status: 400 },
            },
          });
        },
      };
    },
  };
}
