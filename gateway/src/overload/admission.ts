import { sendJson, type Logger } from "@grassroots/kit";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayConfig } from "../config";
import type { GatewayContext } from "../server/gateway-context";
import { gatewayRefusals } from "../server/gateway-metrics";
import { FairSlots, NoSlot, type Release } from "./fair-slots";
import { TokenBuckets } from "./token-buckets";

/** A request let through: Apollo's context function, and the slot to give back once it is answered. */
export interface Admitted {
  context(): Promise<GatewayContext>;
  release(): void;
}

/** A request refused before Apollo sees it: HTTP 429, Retry-After, one GraphQL error. */
export interface Refused {
  code: "RATE_LIMITED" | "OVERLOADED";
  message: string;
  retryAfterSeconds: number;
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
          config.MAX_CONCURRENT_PER_CALLER,
        )
      : undefined;

  const charge = (caller: string): Refused | undefined => {
    const wait = buckets?.take(caller) ?? 0;
    if (wait === 0) return undefined;
    const seconds = Math.max(1, Math.ceil(wait));
    gatewayRefusals.inc({ reason: "rate_limited" });
    logger.debug({ caller, retryAfter: seconds }, "request refused: rate limit");
    return {
      code: "RATE_LIMITED",
      message:
        `Too many requests from your account: this service takes ${rate} a second from one account ` +
        `(${config.RATE_LIMIT_BURST} at once). Nothing was done; wait ${seconds} s and try again.`,
      retryAfterSeconds: seconds,
    };
  };

  return {
    /**
     * Authenticates, takes a token of the caller's rate and a slot — before Apollo reads the body, so
     * a refusal costs the gateway next to nothing (a flood is mostly refusals). A request without a
     * valid token that is within its IP's rate goes on to Apollo, which answers the 401.
     */
    async admit(
      req: IncomingMessage,
      authenticate: () => Promise<GatewayContext>,
    ): Promise<Admitted | Refused> {
      let context: GatewayContext;
      try {
        context = await authenticate();
      } catch (error) {
        return (
          charge(`ip:${req.socket.remoteAddress ?? "unknown"}`) ?? {
            context: () => Promise.reject(error),
            release: () => {},
          }
        );
      }
      const caller = `sub:${context.identity.userId}`;
      const limited = charge(caller);
      if (limited) return limited;
      let release: Release = () => {};
      if (slots) {
        try {
          release = await slots.acquire(caller);
        } catch (error) {
          if (!(error instanceof NoSlot)) throw error;
          gatewayRefusals.inc({ reason: "overloaded" });
          logger.debug({ caller, reason: error.message }, "request refused: overloaded");
          return {
            code: "OVERLOADED",
            message:
              "The service is busy with many requests right now. Nothing was done; wait 1 s and try again.",
            retryAfterSeconds: 1,
          };
        }
      }
      return { context: async () => context, release };
    },
  };
}

/** Answers a refusal: HTTP 429 with Retry-After, so plain HTTP clients and GraphQL clients both see it. */
export function sendRefusal(res: ServerResponse, refusal: Refused): void {
  sendJson(
    res,
    429,
    {
      errors: [
        {
          message: refusal.message,
          extensions: { code: refusal.code, retryAfterSeconds: refusal.retryAfterSeconds },
        },
      ],
    },
    { "retry-after": String(refusal.retryAfterSeconds) },
  );
}
