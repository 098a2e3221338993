import { onShutdown } from "@grassroots/kit";
import { startSubgraph, type SubgraphProcess, type SubgraphWiring } from "./start-subgraph";

/**
 * A subgraph process: `startSubgraph` (database, migrations in development, wiring, relay,
 * consumers, HTTP) and, on SIGTERM or SIGINT, its stop in order within SHUTDOWN_TIMEOUT_MS: stop
 * taking requests and drain, stop consumers, flush the relay, close the pool.
 */
export async function runSubgraph<W extends SubgraphWiring>(process: SubgraphProcess<W>): Promise<void> {
  const running = await startSubgraph(process);
  onShutdown(process.logger, process.config.SHUTDOWN_TIMEOUT_MS, () => [
    { name: "subgraph", stop: () => running.stop() },
  ]);
}
