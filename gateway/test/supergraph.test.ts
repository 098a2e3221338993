import { createLogger } from "@grassroots/kit";
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { composeFromFiles, missingSchemas } from "../src/compose/compose-supergraph";
import { readSubgraphList } from "../src/compose/subgraph-list";
import { defaultSupergraphPath, loadGatewayConfig } from "../src/config";
import { startGatewayServer } from "../src/server/gateway-server";

const RECOMPOSE =
  "run `pnpm --filter @grassroots/gateway compose` (after `pnpm --filter @grassroots/gateway build`)";
const subgraphs = readSubgraphList();
const missing = missingSchemas(subgraphs);
const repoPath = (p: string) => relative(`${__dirname}/../..`, p);

describe("the committed supergraph (gateway/supergraph.graphql)", () => {
  test("subgraphs.json lists each subgraph once, with a URL and a schema path", () => {
    expect(subgraphs.length).toBeGreaterThan(0);
    expect(subgraphs.map((s) => s.name)).toContain("organization");
  });

  if (missing.length > 0) {
    // Not a silent pass: jest reports this as a todo, naming the missing files.
    test.todo(
      `is up to date — CANNOT CHECK YET: ${missing.map((s) => repoPath(s.schemaPath)).join(", ")} ` +
        "does not exist (each service commits its printSubgraphSchema output there)",
    );
    return;
  }

  test("matches what the subgraphs' committed SDL composes to", () => {
    const outcome = composeFromFiles(subgraphs);
    if (!outcome.ok) throw new Error(`Composition fails:\n${outcome.errors.join("\n")}`);
    if (!existsSync(defaultSupergraphPath))
      throw new Error(`gateway/supergraph.graphql is missing: ${RECOMPOSE}`);
    const committed = readFileSync(defaultSupergraphPath, "utf8");
    if (committed !== outcome.supergraphSdl) {
      throw new Error(`gateway/supergraph.graphql is stale (a subgraph's SDL changed): ${RECOMPOSE}`);
    }
  });

  test("the gateway starts from it", async () => {
    const gateway = await startGatewayServer({
      config: loadGatewayConfig({
        NODE_ENV: "test",
        INTERNAL_SECRET: "0123456789abcdef",
        JWT_SECRET: "x".repeat(32),
      }),
      logger: createLogger("gateway-test", "silent"),
      supergraph: { sdl: readFileSync(defaultSupergraphPath, "utf8") },
      port: 0,
    });
    const ready = await fetch(gateway.url.replace(/graphql$/, "health/ready"));
    await gateway.stop();
    expect(ready.status).toBe(200);
  });
});
