import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { Headers } from "@grassroots/kit";
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
}
