import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { Headers } from "@grassroots/kit";
import { GraphQLError } from "graphql";
import { randomUUID } from "node:crypto";
import type { GatewayContext } from "./gateway-context";
import type { Fetcher } from "./keep-alive-fetcher";

// The only headers a subgraph request may carry besides ours.
const KEPT_HEADERS = new Set(["content-type"]);

/**
 * Sends the gateway's own headers to a subgraph and nothing else: the verified caller, the internal
 * secret and the request id. Whatever a client sent (x-grassroots-*, Authorization, cookies) stays here.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    fetcher: Fetcher,
    private readonly internalSecret: string,
  ) {
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    for (const [name] of [...headers]) {
      if (!KEPT_HEADERS.has(name.toLowerCase())) headers.delete(name);
    }
    headers.set(Headers.internalSecret, this.internalSecret);
    // Schema loading and health checks run outside a client request and carry no identity.
    headers.set(Headers.requestId, context?.requestId ?? randomUUID());
    if (context?.identityHeader) headers.set(Headers.identity, context.identityHeader);
  }

  /**
   * A subgraph answers a request it refuses before execution (a value its own scalars reject) with
   * HTTP 400 and GraphQL errors in the body. Those are the client's mistake: pass the first one on as
   * BAD_USER_INPUT with its message, instead of Apollo's default "400: Bad Request" as an internal error
   * with the subgraph's body (and stack traces) in the details.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0]) {
    if (response.status === 400) {
      const body: unknown = await this.parseBody(response.clone()).catch(() => undefined);
      const first = (
        body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined
      )?.errors?.[0];
      if (first && typeof first.message === "string" && first.extensions?.code === "BAD_USER_INPUT") {
        return new GraphQLError(first.message, { extensions: { code: "BAD_USER_INPUT" } });
      }
    }
    return super.errorFromResponse(response);
  }
}
