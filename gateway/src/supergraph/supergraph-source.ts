import { existsSync, readFileSync } from "node:fs";
import type { GatewayConfig } from "../config";
import { readSubgraphList } from "../compose/subgraph-list";
import type { SupergraphSource } from "../server/gateway-server";

/** File mode reads the committed supergraph; introspect mode (development only) asks the subgraphs. */
export function supergraphSource(config: GatewayConfig): SupergraphSource {
  if (config.SUPERGRAPH_MODE === "introspect") {
    return { introspect: readSubgraphList().map(({ name, url }) => ({ name, url })) };
  }
  if (!existsSync(config.SUPERGRAPH_PATH)) {
    throw new Error(
      `No supergraph at ${config.SUPERGRAPH_PATH}: run \`pnpm --filter @grassroots/gateway compose\` ` +
        "or set SUPERGRAPH_PATH.",
    );
  }
  return { sdl: readFileSync(config.SUPERGRAPH_PATH, "utf8") };
}
