import { onShutdown, startTracing } from "@grassroots/kit";
import { startSubgraph, type SubgraphProcess, type SubgraphWiring } from "./start-subgraph";
import { runSubgraphCommand } from "./subgraph-commands";

/**
 * A subgraph process: `startSubgraph` (database, migrations in development, wiring, relay,
 * consumers, HTTP) and, on SIGTERM or SIGINT, its stop in order within SHUTDOWN_TIMEOUT_MS: stop
 * taking requests and drain, stop consumers, flush the relay, close the pool. With arguments
 * (`node dist/main.js replay-dead-letters`) it runs that operator's command instead, and exits.
 */
export async function runSubgraph<W extends SubgraphWiring>(
  process: SubgraphProcess<W>,
  argv: string[] = globalThis.process.argv.slice(2),
): Promise<void> {
  const [command, ...args] = argv;
  if (command) {
    const result = await runSubgraphCommand(process, command, args);
    // A command is done when it returns: exit even if a client library left a timer behind.
    globalThis.process.stdout.write(`${result}\n`, () => globalThis.process.exit(0));
    return;
  }
  const tracing = startTracing(process.name, process.config);
  const running = await startSubgraph(process);
  onShutdown(process.logger, process.config.SHUTDOWN_TIMEOUT_MS, () => [
    { name: "subgraph", stop: () => running.stop() },
    // Last: the spans of the drained requests and the relay's final publishes are sent too.
    { name: "tracing", stop: () => tracing.stop() },
  ]);
}
