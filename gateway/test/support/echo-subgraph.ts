import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { Headers } from "@grassroots/kit";
// The gateway does not depend on @apollo/subgraph; the tests borrow the kit's copy (the one services use).
import { buildSubgraphSchema } from "@apollo/subgraph";
import { handleGraphQLRequest } from "@grassroots/kit";
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { GraphQLScalarType, parse } from "graphql";

export const echoSdl = readFileSync(join(__dirname, "..", "fixtures", "echo-subgraph.graphql"), "utf8");

interface EchoContext {
  headers: IncomingHttpHeaders;
}

const unit = (id: string) => ({ id, name: `unit ${id}` });

const resolvers = {
  Query: {
    received: (_: unknown, __: unknown, { headers }: EchoContext) => ({
      headers: Object.entries(headers)
        .filter(([name]) => name.startsWith("x-grassroots-") || name === Headers.requestId)
        .map(([name, value]) => ({ name, value: String(value) })),
      authorization: headers.authorization ?? null,
      cookie: headers.cookie ?? null,
    }),
    units: (_: unknown, { first }: { first?: number }) =>
      Array.from({ length: Math.min(first ?? 3, 5) }, (_, i) => unit(`u${i}`)),
    unit: (_: unknown, { id }: { id: string }) => unit(id),
    slow: (_: unknown, { ms }: { ms: number }) => new Promise((r) => setTimeout(() => r("done"), ms)),
    day: (_: unknown, { on }: { on: string }) => on,
    plan: (_: unknown, { input }: { input: { title: string; startsOn: string } }) =>
      `${input.title} on ${input.startsOn}`,
    opaque: (_: unknown, { value }: { value: string }) => value,
  },
  // Accepts any date (the gateway must check it first); refuses "bad" the way a subgraph scalar does.
  LocalDate: new GraphQLScalarType({ name: "LocalDate" }),
  Opaque: new GraphQLScalarType({
    name: "Opaque",
    parseValue: (value) => {
      if (value === "bad") throw new Error("Opaque refuses the value bad");
      return value;
    },
  }),
  Unit: {
    parent: ({ id }: { id: string }) => unit(`${id}.parent`),
    children: ({ id }: { id: string }, { first }: { first?: number }) =>
      Array.from({ length: Math.min(first ?? 2, 5) }, (_, i) => unit(`${id}.${i}`)),
  },
};

export interface EchoSubgraph {
  url: string;
  /** GraphQL requests that carried the internal secret. */
  calls: number;
  /** TCP connections opened to the subgraph (keep-alive reuses them). */
  connections: number;
  stop(): Promise<void>;
}

/** A real federated subgraph on Node's http that, like the services, answers only the gateway. */
export async function startEchoSubgraph(internalSecret: string): Promise<EchoSubgraph> {
  const apollo = new ApolloServer<EchoContext>({
    schema: buildSubgraphSchema([{ typeDefs: parse(echoSdl), resolvers }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const state = { calls: 0, connections: 0 };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.headers[Headers.internalSecret] !== internalSecret) {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          errors: [
            { message: "This service only answers the gateway.", extensions: { code: "UNAUTHENTICATED" } },
          ],
        }),
      );
      return;
    }
    state.calls += 1;
    handleGraphQLRequest(apollo, req, res, url, async () => ({ headers: req.headers }), 1_000_000).catch(
      () => {
        res.statusCode = 500;
        res.end();
      },
    );
  });
  server.on("connection", () => (state.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get calls() {
      return state.calls;
    },
    get connections() {
      return state.connections;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
