import {
  onShutdown,
  orgUnitHomePath,
  runMigrations,
  startSubgraphServer,
  type HomePathLookup,
  type Logger,
  type ServiceEnv,
  type ShutdownStep,
} from "@grassroots/kit";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { EventConsumer, type EventHandler } from "../inbox/event-consumer";
import { checkKafka, createKafka } from "../kafka/client";
import { OutboxRelay } from "../outbox/outbox-relay";

/** What a service contributes once its database is open: its schema and what it consumes. */
export interface SubgraphWiring {
  schema: GraphQLSchema;
  consumers?: { groupId: string; handlers: EventHandler[] }[];
  /** Defaults to the `org_unit` table (the service's tree or its projection of it). */
  homePathOf?: HomePathLookup;
}

export interface SubgraphProcess {
  name: string;
  config: ServiceEnv;
  logger: Logger;
  dataSource: DataSource;
  wire(dataSource: DataSource): Promise<SubgraphWiring>;
}

/**
 * The one bootstrap of every subgraph: database (+ migrations in development) → the service's
 * schema and handlers → outbox relay and event consumers → HTTP server → on SIGTERM: stop taking
 * requests and drain, stop consumers, flush the relay, close the pool.
 */
export async function runSubgraph({
  name,
  config,
  logger,
  dataSource,
  wire,
}: SubgraphProcess): Promise<void> {
  await dataSource.initialize();
  if (config.MIGRATE_ON_START) await runMigrations(dataSource, logger);
  const wiring = await wire(dataSource);

  const kafka = createKafka(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID ?? name, logger);
  const topicPrefix = config.KAFKA_TOPIC_PREFIX;
  const relay = new OutboxRelay({
    databaseUrl: config.DATABASE_URL,
    kafka,
    logger,
    service: name,
    pollMs: config.OUTBOX_POLL_MS,
    topicPrefix,
  });
  await relay.start();
  const consumers = (wiring.consumers ?? []).map(
    ({ groupId, handlers }) =>
      new EventConsumer({ kafka, dataSource, groupId, handlers, logger, topicPrefix }),
  );
  for (const consumer of consumers) await consumer.start();

  const server = await startSubgraphServer({
    name,
    port: config.PORT,
    host: config.HOST,
    production: config.NODE_ENV === "production",
    internalSecret: config.INTERNAL_SECRET,
    schema: wiring.schema,
    logger,
    homePathOf: wiring.homePathOf ?? orgUnitHomePath(dataSource),
    readiness: [
      { name: "database", check: async () => void (await dataSource.query("SELECT 1")) },
      { name: "kafka", check: () => checkKafka(kafka) },
    ],
  });

  onShutdown(logger, config.SHUTDOWN_TIMEOUT_MS, (): ShutdownStep[] => [
    {
      name: "http",
      stop: async () => {
        server.setDraining();
        await server.stop();
      },
    },
    ...consumers.map((consumer) => ({
      name: `consumer ${consumer.topics.join(", ")}`,
      stop: () => consumer.stop(),
    })),
    { name: "outbox relay", stop: () => relay.stop() },
    { name: "database", stop: () => dataSource.destroy() },
  ]);
}
