import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { Headers, type Logger } from "@grassroots/kit";
import { GraphQLError, parse, type DocumentNode } from "graphql";
import { randomUUID } from "node:crypto";
import type { GatewayContext } from "./gateway-context";
import type { Fetcher } from "./keep-alive-fetcher";
import { unavailableErrors } from "./subgraph-unavailable";

function parseOrUndefined(query: string | undefined): DocumentNode | undefined {
  try {
    return query ? parse(query) : undefined;
  } catch {
    return undefined;
  }
}

// The only headers a subgraph request may carry besides ours.
const KEPT_HEADERS = new Set(["content-type"]);

/**
 * Sends the gateway's own headers to a subgraph and nothing else: the verified caller, the internal
 * secret and the request id. Whatever a client sent (x-grassroots-*, Authorization, cookies) stays here.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly service: string,
    url: string,
    fetcher: Fetcher,
    private readonly internalSecret: string,
    private readonly logger: Logger,
  ) {
    super({ url, fetcher });
  }

  /**
   * A subgraph that cannot be reached (refused, timed out, answering 5xx) fails only its own fields:
   * instead of the transport error (which names host:port and no field), the fetch answers with one
   * SERVICE_UNAVAILABLE error per field it asked for, which the gateway places at the client's paths.
   * The technical cause goes to the log. A client's mistake (BAD_USER_INPUT) passes through as it is.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource["process"]> {
    try {
      return await super.process(options);
    } catch (error) {
      const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
      // Schema loading and health checks (no client waiting, no fields) keep the error as it is.
      if (!("document" in options) || code === "BAD_USER_INPUT") throw error;
      this.logger.warn(
        {
          subgraph: this.service,
          requestId: options.context?.requestId,
          cause: error instanceof Error ? error.message : String(error),
        },
        "subgraph unavailable: its fields answered SERVICE_UNAVAILABLE",
      );
      // The gateway does not always hand over the fetch's parsed document; its text is always there.
      const document = options.document ?? parseOrUndefined(options.request.query);
      // keepAliveFetcher's time limit (SUBGRAPH_TIMEOUT_MS) words its error so
      const timeout = error instanceof Error && /did not answer within/.test(error.message);
      return {
        errors: unavailableErrors(
          this.service,
          document,
          options.request.variables,
          timeout ? "timeout" : "unreachable",
        ),
      };
    }
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
