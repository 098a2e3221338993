import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { createLogger, Headers } from "@grassroots/kit";
import type { GatewayContext } from "../src/server/gateway-context";
import { keepAliveFetcher, SubgraphAgents } from "../src/server/keep-alive-fetcher";
import { SubgraphDataSource } from "../src/server/subgraph-data-source";

describe("headers the gateway sends to a subgraph", () => {
  const agents = new SubgraphAgents();
  afterAll(() => agents.destroy());

  test("only content-type survives; identity, secret and request id are the gateway's own", () => {
    const source = new SubgraphDataSource(
      "x",
      "http://127.0.0.1:1/graphql",
      keepAliveFetcher("x", agents, 1000),
      "the-real-secret-0123",
      createLogger("gateway-test", "silent"),
    );
    // As if something upstream had copied client headers into the subgraph request.
    const headers = new globalThis.Headers({
      "content-type": "application/json",
      [Headers.identity]: "spoofed",
      [Headers.internalSecret]: "guess",
      "x-grassroots-other": "1",
      authorization: "Bearer client-token",
      cookie: "a=b",
    });
    const context: GatewayContext = {
      requestId: "req-1",
      identity: { userId: "u", roles: ["INSPECTOR"], orgUnitId: "o" },
      identityHeader: "encoded-identity",
    };
    const options = {
      request: { query: "{ __typename }", http: { method: "POST", url: "", headers } },
      context,
    } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
    source.willSendRequest(options);
    expect(Object.fromEntries(headers)).toEqual({
      "content-type": "application/json",
      [Headers.identity]: "encoded-identity",
      [Headers.internalSecret]: "the-real-secret-0123",
      [Headers.requestId]: "req-1",
    });
  });
});
