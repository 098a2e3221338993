import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { createHash } from "node:crypto";
import type { GatewayContext } from "../server/gateway-context";
import { gatewayResponseCache } from "../server/gateway-metrics";
import { accessKey } from "./access-key";
import { InFlight } from "./in-flight";
import type { SharedResponseStore } from "./shared-store";
import { WriteGenerations } from "./write-generations";

export interface ResponseCacheOptions {
  /** Upper bound on how long an answer is kept, whatever the subgraphs' hints allow. */
  maxAgeSeconds: number;
  maxBytes: number;
  /** Answers and write generations shared by every replica (Redis); absent: this process's memory. */
  shared?: Pick<SharedResponseStore, "cache" | "generations">;
}

type Context = GraphQLRequestContext<GatewayContext>;
type SharedAnswer = {
  data: Record<string, unknown>;
  policy: { maxAge: number; scope: "PUBLIC" | "PRIVATE" };
};

/**
 * Whole answers to queries, cached in this process per access (roles + home unit) for as long as the
 * subgraphs' cache hints allow: only answers made entirely of hinted objects (the org tree, staffing
 * and coverage summaries) qualify. A write by someone with that access starts them afresh;
 * `Cache-Control: no-cache` on a request reads fresh, `no-store` also leaves the cache alone. Others'
 * writes show once the answer's age runs out (at most `maxAgeSeconds`). Identical queries missing the
 * cache at the same moment are computed once.
 *
 * With `shared`, answers and generations are every replica's: a write through one shows at once
 * through all. A request whose generation cannot be read there (Redis down) neither reads nor writes
 * the cache: it is answered by the subgraphs.
 */
export function responseCachePlugins(options: ResponseCacheOptions): ApolloServerPlugin<GatewayContext>[] {
  const generations = options.shared?.generations ?? new WriteGenerations(options.maxAgeSeconds * 1000);
  const inFlight = new InFlight<SharedAnswer>();
  // Hashed once per request: every hook below asks for it.
  const accessKeys = new WeakMap<GatewayContext, string>();
  const accessOf = (rc: Context) => {
    let key = accessKeys.get(rc.contextValue);
    if (key === undefined) accessKeys.set(rc.contextValue, (key = accessKey(rc.contextValue.identity)));
    return key;
  };
  // Read once per request, so the answer is looked up and stored under the same generation.
  const generationsOf = new WeakMap<object, Promise<number | string | undefined>>();
  const generationOf = (rc: Context) => {
    let generation = generationsOf.get(rc.request);
    if (generation === undefined)
      generationsOf.set(rc.request, (generation = Promise.resolve(generations.current(accessOf(rc)))));
    return generation;
  };
  const readsCache = (rc: Context) =>
    !requestDirectives(rc).some((d) => d === "no-cache" || d === "no-store");

  const cache = responseCachePlugin<GatewayContext>({
    cache: options.shared?.cache ?? new InMemoryLRUCache({ maxSize: options.maxBytes }),
    sessionId: async (rc) => accessOf(rc),
    extraCacheKeyData: async (rc) => (await generationOf(rc)) ?? null,
    shouldReadFromCache: async (rc) => readsCache(rc) && (await generationOf(rc)) !== undefined,
    shouldWriteToCache: async (rc) => {
      if (requestDirectives(rc).includes("no-store")) return false;
      rc.overallCachePolicy.restrict({ maxAge: options.maxAgeSeconds });
      return (await generationOf(rc)) !== undefined;
    },
  });

  // Runs after the cache plugin: reached only on a miss.
  const coalesce: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      let settle: ((answer: SharedAnswer | undefined) => void) | undefined;
      return {
        async responseForOperation(rc) {
          if (rc.operation.operation !== "query" || !readsCache(rc)) return null;
          const generation = await generationOf(rc);
          if (generation === undefined) return null;
          const key = inFlightKey(rc, accessOf(rc), generation);
          const running = inFlight.running(key);
          if (!running) {
            settle = inFlight.start(key);
            return null;
          }
          const answer = await running;
          if (!answer) return null;
          rc.metrics.responseCacheHit = true;
          rc.overallCachePolicy.replace(answer.policy);
          return {
            body: { kind: "single", singleResult: { data: answer.data } },
            http: { status: undefined, headers: new HeaderMap() },
          };
        },
        async willSendResponse(rc) {
          const type = rc.operation?.operation;
          // Awaited: the caller's next read, through any replica, must find the new generation.
          if (type === "mutation" && !rc.errors?.length) await generations.bump(accessOf(rc));
          if (type === "query")
            gatewayResponseCache.inc({ outcome: rc.metrics.responseCacheHit ? "hit" : "miss" });
          if (!settle) return;
          const body = rc.response.body;
          const policy = rc.overallCachePolicy.policyIfCacheable();
          const shared =
            body.kind === "single" && !body.singleResult.errors && body.singleResult.data && policy;
          settle(shared ? { data: body.singleResult.data as Record<string, unknown>, policy } : undefined);
        },
        async didEncounterErrors() {
          settle?.(undefined);
        },
      };
    },
  };

  return [cache, coalesce];
}

function inFlightKey(rc: Context, access: string, generation: number | string): string {
  const key = JSON.stringify([rc.source, rc.operationName, rc.request.variables ?? {}, access, generation]);
  return createHash("sha256").update(key).digest("base64url");
}

// The request's Cache-Control directives, lower case (`no-cache`, `no-store`, `max-age=0`).
function requestDirectives(rc: Context): string[] {
  const header = rc.request.http?.headers.get("cache-control") ?? "";
  return header
    .split(",")
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
}
