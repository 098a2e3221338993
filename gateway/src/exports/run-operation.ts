import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { GatewayContext } from "../server/gateway-context";
import { ExportRefusal, type RunOperation } from "./report";

/**
 * Runs a report's operation through the gateway's own Apollo server with the caller's context: the
 * same validation, limits, cache and subgraph calls as a /graphql request, so the subgraphs scope
 * and mask exactly as they do for the API. The first GraphQL error refuses the export with its code.
 */
export function operationRunner(
  apollo: ApolloServer<GatewayContext>,
  context: GatewayContext,
  cacheControl: string | undefined,
): RunOperation {
  const headers = new HeaderMap([["content-type", "application/json"]]);
  if (cacheControl) headers.set("cache-control", cacheControl);
  return async <T>(query: string, variables: Record<string, unknown>) => {
    const response = await apollo.executeOperation(
      { query, variables, http: { method: "POST", headers, search: "", body: undefined } },
      { contextValue: { ...context, ownOperation: true } },
    );
    if (response.body.kind !== "single") throw new Error("an export operation must not be incremental");
    const { data, errors } = response.body.singleResult;
    const first = errors?.[0];
    if (first) {
      const code =
        typeof first.extensions?.code === "string" ? first.extensions.code : "INTERNAL_SERVER_ERROR";
      throw new ExportRefusal(code, first.message);
    }
    return data as T;
  };
}
