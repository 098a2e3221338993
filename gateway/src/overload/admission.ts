import { HeaderMap } from "@apollo/server";
import type { Logger } from "@grassroots/kit";
import { GraphQLError } from "graphql";
import type { IncomingMessage } from "node:http";
import type { GatewayConfig } from "../config";
import type { GatewayContext } from "../server/gateway-context";
import { gatewayRefusals } from "../server/gateway-metrics";
import { FairSlots, NoSlot, type Release } from "./fair-slots";
import { TokenBuckets } from "./token-buckets";

export interface AdmittedRequest {
  /** Apollo's context function: authenticates, then takes a token of the caller's rate and a slot. */
  context(): Promise<GatewayContext>;
  /** Gives the slot back once the answer is sent (a no-op when none was taken). */
  release(): void;
}

/**
 * Overload protection of /graphql: a token bucket per caller (the token's subject; the client's IP
 * for a request without a valid token, so token guessing is limited too) and a cap on operations in
 * flight, shared fairly between callers. A refusal is HTTP 429 with Retry-After (whole seconds) and
 * a GraphQL error coded RATE_LIMITED or OVERLOADED; nothing has run, so the caller may simply retry.
 * HTTP 429 for both, not 503: the remedy is the client's (wait), and a 503 reads as an unhealthy
 * pod to load balancers.
 */
export function admissionControl(config: GatewayConfig, logger: Logger) {
  const rate = config.RATE_LIMIT_PER_SECOND;
  const buckets = rate > 0 ? new TokenBuckets(rate, config.RATE_LIMIT_BURST) : undefined;
  const slots =
    config.MAX_CONCURRENT_OPERATIONS > 0
      ? new FairSlots(
          config.MAX_CONCURRENT_OPERATIONS,
          config.OPERATION_QUEUE_TIMEOUT_MS,
          config.OPERATION_QUEUE_PER_CALLER,
        )
      : undefined;

  const charge = (caller: string) => {
    const wait = buckets?.take(caller) ?? 0;
    if (wait === 0) return;
    const seconds = Math.max(1, Math.ceil(wait));
    gatewayRefusals.inc({ reason: "rate_limited" });
    logger.debug({ caller, retryAfter: seconds }, "request refused: rate limit");
    throw refusal(
      "RATE_LIMITED",
      `Too many requests from your account: this service takes ${rate} a second from one account ` +
        `(${config.RATE_LIMIT_BURST} at once). Nothing was done; wait ${seconds} s and try again.`,
      seconds,
    );
  };

  return {
    request(req: IncomingMessage, authenticate: () => Promise<GatewayContext>): AdmittedRequest {
      let release: Release | undefined;
      return {
        context: async () => {
          let context: GatewayContext;
          try {
            context = await authenticate();
          } catch (error) {
            charge(`ip:${req.socket.remoteAddress ?? "unknown"}`);
            throw error;
          }
          const caller = `sub:${context.identity.userId}`;
          charge(caller);
          if (slots) {
            try {
              release = await slots.acquire(caller);
            } catch (error) {
              if (!(error instanceof NoSlot)) throw error;
              gatewayRefusals.inc({ reason: "overloaded" });
              logger.debug({ caller, reason: error.message }, "request refused: overloaded");
              throw refusal(
                "OVERLOADED",
                "The service is busy with many requests right now. Nothing was done; wait 1 s and try again.",
                1,
              );
            }
          }
          return context;
        },
        release: () => release?.(),
      };
    },
  };
}

function refusal(code: "RATE_LIMITED" | "OVERLOADED", message: string, retryAfterSeconds: number) {
  return new GraphQLError(message, {
    extensions: {
      code,
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) },
    },
  });
}
