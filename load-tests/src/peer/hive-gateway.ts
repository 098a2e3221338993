import { createGatewayRuntime } from "@graphql-hive/gateway";
import { Headers, parseArgs } from "@grassroots/kit";
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { identityHeaderOf, supergraphFor } from "./peer-identity";

// node dist/peer/hive-gateway.js --port P --supergraph FILE --subgraphs '{"organization":"http://…"}'
//   --dedupe yes|no [--log-level error]    (INTERNAL_SECRET from the environment, as the services take it)
/**
 * The peer gateway of the benchmark (issue 15), a measurement tool only: Hive Gateway
 * (`@graphql-hive/gateway`'s createGatewayRuntime on a node:http server) serving the same supergraph
 * against the same subgraph processes as our gateway, in its own process started by the bench
 * (src/peer/start-peer.ts). The product keeps @apollo/gateway.
 *
 * A subgraph gets from it what ours sends (gateway/src/server/subgraph-data-source.ts): content-type,
 * the internal secret, a request id and the caller's identity header, built from the token's claims as
 * ours builds it (peer-identity.ts). What it does not do: README, "A peer in the same run".
 */
const args = parseArgs(process.argv.slice(2));
const internalSecret = process.env.INTERNAL_SECRET;
if (!args.port || !args.supergraph || !args.subgraphs || !internalSecret)
  throw new Error("--port, --supergraph, --subgraphs and INTERNAL_SECRET are required");
if (!["yes", "no"].includes(args.dedupe ?? "")) throw new Error("--dedupe yes|no: say it explicitly");

const gateway = createGatewayRuntime({
  supergraph: supergraphFor(
    readFileSync(args.supergraph, "utf8"),
    JSON.parse(args.subgraphs) as Record<string, string>,
  ),
  logging: (args["log-level"] ?? "error") as "error",
  graphiql: false,
  landingPage: false,
  // Hive's in-flight de-duplication of identical subgraph query fetches (executor-http's
  // deduplicateInflightRequests, on by default), set explicitly. Its key holds URL, body and the headers
  // set below (so the identity: never across callers), not the request id, added after it; mutations
  // are never shared. Ours: SUBGRAPH_FETCH_SHARING, on by default.
  transportEntries: { "*.http": { options: { deduplicateInflightRequests: args.dedupe === "yes" } } },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      [Headers.internalSecret]: internalSecret,
      // The server below refused a request without a usable token before Hive saw it.
      [Headers.identity]: identityHeaderOf(request.headers.get("authorization") ?? undefined),
    }),
  },
});

function refuse(res: ServerResponse) {
  res.writeHead(401, { "content-type": "application/json", "www-authenticate": 'Bearer realm="grassroots"' });
  res.end(
    JSON.stringify({
      errors: [{ message: "no usable bearer token", extensions: { code: "UNAUTHENTICATED" } }],
    }),
  );
}

const server = createServer((req, res) => {
  if (req.method === "POST" && !identityHeaderOf(req.headers.authorization)) return refuse(res);
  void gateway(req, res);
});
server.listen(Number(args.port), "127.0.0.1");

const stop = () => {
  server.close();
  void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
