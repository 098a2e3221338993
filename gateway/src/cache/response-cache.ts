import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { createHash } from "node:crypto";
import type { GatewayContext } from "../server/gateway-context";
import { gatewayResponseCache } from "../server/gateway-metrics";
import { WriteGenerations } from "./write-generations";

export interface ResponseCacheOptions {
  /** Upper bound on how long an answer is kept, whatever the subgraphs' hints allow. */
  maxAgeSeconds: number;
  maxBytes: number;
}

type Context = GraphQLRequestContext<GatewayContext>;

/**
 * Whole answers to queries, cached in this process per caller (the verified identity: id, roles and
 * home unit) for as long as the subgraphs' cache hints allow — only answers made entirely of hinted
 * objects (the org tree, staffing and coverage summaries) qualify. A caller's own mutation starts them
 * afresh; `Cache-Control: no-cache` on a request reads fresh, `no-store` also leaves the cache alone.
 * Other callers' writes show once the answer's age runs out (at most `maxAgeSeconds`).
 */
export function responseCachePlugins(options: ResponseCacheOptions): ApolloServerPlugin<GatewayContext>[] {
  const generations = new WriteGenerations(options.maxAgeSeconds * 1000);
  const sessionOf = (rc: Context) =>
    createHash("sha256").update(rc.contextValue.identityHeader).digest("base64url");

  const cache = responseCachePlugin<GatewayContext>({
    cache: new InMemoryLRUCache({ maxSize: options.maxBytes }),
    sessionId: async (rc) => sessionOf(rc),
    extraCacheKeyData: async (rc) => generations.current(sessionOf(rc)),
    shouldReadFromCache: async (rc) =>
      !requestDirectives(rc).some((d) => d === "no-cache" || d === "no-store"),
    shouldWriteToCache: async (rc) => {
      if (requestDirectives(rc).includes("no-store")) return false;
      rc.overallCachePolicy.restrict({ maxAge: options.maxAgeSeconds });
      return true;
    },
  });

  const writesAndMetrics: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const type = rc.operation?.operation;
          if (type === "mutation" && !rc.errors?.length) generations.bump(sessionOf(rc));
          if (type === "query")
            gatewayResponseCache.inc({ outcome: rc.metrics.responseCacheHit ? "hit" : "miss" });
        },
      };
    },
  };

  return [cache, writesAndMetrics];
}

// The request's Cache-Control directives, lower case (`no-cache`, `no-store`, `max-age=0`).
function requestDirectives(rc: Context): string[] {
  const header = rc.request.http?.headers.get("cache-control") ?? "";
  return header
    .split(",")
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
}
