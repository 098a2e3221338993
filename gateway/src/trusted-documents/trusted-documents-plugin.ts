import type { ApolloServerPlugin } from "@apollo/server";
import type { Logger } from "@grassroots/kit";
import type { GraphQLFormattedError } from "graphql";
import type { GatewayContext } from "../server/gateway-context";
import { gatewayRefusals } from "../server/gateway-metrics";
import { documentHash } from "./manifest";

export const NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED";

/**
 * Enforced trusted documents: an operation whose text (hashed) or Apollo persisted-query hash is
 * not on the list is refused in requestDidStart, before Apollo parses or validates anything; a
 * hash-only request of a listed one gets its text from the list. The gateway's own operations
 * (the spreadsheet exports) are its code, not a client's document, and pass.
 */
export function trustedDocumentsPlugin(
  documents: ReadonlyMap<string, string>,
  logger: Logger,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      if (contextValue.ownOperation) return;
      const given = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
      const sha256Hash = typeof given?.sha256Hash === "string" ? given.sha256Hash : undefined;
      if (request.query === undefined && sha256Hash === undefined) return; // Apollo's own 400 explains
      const hash = request.query !== undefined ? documentHash(request.query) : sha256Hash!;
      const listed = documents.get(hash);
      if (listed !== undefined) {
        request.query ??= listed;
        return;
      }
      gatewayRefusals.inc({ reason: "not_trusted" });
      logger.info(
        { hash, operationName: request.operationName },
        "operation refused: not a trusted document",
      );
      // An error thrown here would be a 500 (Apollo treats it as the plugin failing). Emptied, the
      // request is answered at once, unparsed, with Apollo's "no query" 400, which this refusal replaces.
      request.query = undefined;
      request.extensions = { ...request.extensions, persistedQuery: undefined };
      return {
        async willSendResponse({ response }) {
          response.http.status = 400;
          response.body = { kind: "single", singleResult: { errors: [refusal(hash)] } };
        },
      };
    },
  };
}

const refusal = (hash: string): GraphQLFormattedError => ({
  message:
    `This gateway runs only the operations registered for its known clients, and this one (sha256 ${hash}) ` +
    "is not among them. Use the operation as your client ships it, or have it added to " +
    "gateway/trusted-documents.json (pnpm --filter @grassroots/gateway trusted-documents).",
  extensions: { code: NOT_ALLOWED },
});
