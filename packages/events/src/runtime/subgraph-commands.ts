import type { Logger, ServiceEnv } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { EventConsumer } from "../inbox/event-consumer";
import type { ReplayReport } from "../inbox/dead-letter-replay";
import { createKafka } from "../kafka/client";
import { kafkaSecurityOf } from "../kafka/security";
import type { SubgraphProcess, SubgraphWiring } from "./start-subgraph";

/**
 * An operator's command a subgraph offers beside serving (`node dist/main.js <name> [args]`), e.g.
 * organization's `republish-org-units`. It runs with the service's database and wiring; what it
 * publishes goes through the outbox, sent by the serving replicas' relays. Returns a line to print.
 */
export interface SubgraphCommand {
  describe: string;
  run(args: string[]): Promise<string>;
}

/** The commands every subgraph has, whatever its wiring. */
const builtIn = (
  config: ServiceEnv,
  name: string,
  logger: Logger,
  dataSource: DataSource,
  wiring: SubgraphWiring,
): Record<string, SubgraphCommand> => ({
  "replay-dead-letters": {
    describe:
      "[group]: hands this service's dead-lettered events (of every consumer group, or of one) back to their handlers",
    run: async ([only]) => {
      const kafka = createKafka(config.KAFKA_BROKERS, `${config.KAFKA_CLIENT_ID ?? name}-replay`, logger, {
        security: kafkaSecurityOf(config),
      });
      const groups = (wiring.consumers ?? []).filter((c) => !only || c.groupId === only);
      if (only && groups.length === 0) throw new Error(`${name} has no consumer group "${only}"`);
      const reports: ReplayReport[] = [];
      for (const { groupId, handlers } of groups) {
        const consumer = new EventConsumer({
          kafka,
          dataSource,
          groupId,
          handlers,
          logger,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
        });
        reports.push(await consumer.replayDeadLetters());
      }
      return reports.length
        ? reports.map((r) => JSON.stringify(r)).join("\n")
        : `${name} consumes no events: nothing to replay`;
    },
  },
});

/**
 * `node dist/main.js <command> [args]`: opens the database (no migrations, no HTTP, no relay or
 * consumers), wires the service, runs the command, prints its result and closes. Unknown commands
 * list the ones there are.
 */
export async function runSubgraphCommand<W extends SubgraphWiring>(
  process: SubgraphProcess<W>,
  command: string,
  args: string[],
): Promise<string> {
  const { name, config, logger, dataSource } = process;
  await dataSource.initialize();
  try {
    const wiring = await process.wire(dataSource);
    const commands = { ...builtIn(config, name, logger, dataSource, wiring), ...wiring.commands };
    const chosen = commands[command];
    if (!chosen) {
      const known = Object.entries(commands).map(([n, c]) => `  ${n} ${c.describe}`);
      throw new Error(`${name} has no command "${command}". Commands:\n${known.join("\n")}`);
    }
    return await chosen.run(args);
  } finally {
    await dataSource.destroy();
  }
}
