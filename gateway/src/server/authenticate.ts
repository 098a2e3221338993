import { HeaderMap } from "@apollo/server";
import { encodeIdentity, type Logger } from "@grassroots/kit";
import { GraphQLError } from "graphql";
import type { IncomingMessage } from "node:http";
import { AuthenticationFailure, type TokenVerifier } from "../auth/verify-token";
import type { GatewayContext } from "./gateway-context";

/**
 * Builds the GraphQL context: verifies the bearer token or refuses the request. A refusal is HTTP 401
 * with `WWW-Authenticate: Bearer` and a GraphQL error coded UNAUTHENTICATED, so both plain HTTP
 * clients and GraphQL clients see it; no subgraph is called.
 */
export async function authenticate(
  req: IncomingMessage,
  requestId: string,
  verify: TokenVerifier,
  logger: Logger,
): Promise<GatewayContext> {
  try {
    const identity = await verify(req.headers.authorization);
    return { requestId, identity, identityHeader: encodeIdentity(identity) };
  } catch (error) {
    if (!(error instanceof AuthenticationFailure)) throw error;
    logger.info({ reason: error.reason }, "request refused: no valid access token");
    throw new GraphQLError(error.message, {
      extensions: {
        code: "UNAUTHENTICATED",
        http: { status: 401, headers: new HeaderMap([["www-authenticate", 'Bearer realm="grassroots"']]) },
      },
    });
  }
}
