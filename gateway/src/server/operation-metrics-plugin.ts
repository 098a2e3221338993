import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type DocumentNode, type OperationDefinitionNode } from "graphql";
import type { GatewayContext } from "./gateway-context";
import { gatewayOperationDuration, gatewayOperationErrors } from "./gateway-metrics";
import { errorCodeLabel, OTHER_OPERATION } from "./operation-label";

/**
 * Observes each operation's duration by name, type (query, mutation) and outcome, and counts its
 * errors by code. A name is a label only when it is one of `known` (the trusted documents) or the
 * gateway's own operation (an export): a client's made-up names all fall into "other".
 */
export function operationMetricsPlugin(known: ReadonlySet<string>): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, request, document, response }) {
          // Resolved only once the operation validated: a refused one is named by its document.
          const parsed = firstOperation(document);
          const given = operationName ?? request.operationName ?? parsed?.name?.value;
          const name = given && (known.has(given) || contextValue.ownOperation) ? given : OTHER_OPERATION;
          // The errors as the client gets them (after formatError), including a plugin's refusal.
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          gatewayOperationDuration.observe(
            {
              operation: name,
              type: operation?.operation ?? parsed?.operation ?? "unknown",
              outcome: errors.length ? "error" : "ok",
            },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
          for (const code of new Set(errors.map((e) => errorCodeLabel(e.extensions?.code))))
            gatewayOperationErrors.inc({ operation: name, code });
        },
      };
    },
  };
}

const firstOperation = (document: DocumentNode | undefined) =>
  document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
