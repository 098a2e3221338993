import "reflect-metadata";
import { checkKafka, createKafka, EventConsumer, OutboxRelay } from "@grassroots/events";
import {
  createLogger,
  loadConfigOrExit,
  onShutdown,
  orgUnitHomePath,
  runMain,
  runMigrations,
  startSubgraphServer,
} from "@grassroots/kit";
import { configSchema, settingsOf } from "./config";
import { createPersonnelDataSource } from "./db/data-source";
import { createServices } from "./db/services";
import { transactionOf } from "./db/unit-of-work";
import { CONSUMER_GROUP, personnelHandlers } from "./events/consumers";
import { buildPersonnelSchema } from "./schema/build-schema";

// Wiring only: config → logger → database (+ migrations) → schema → outbox relay → event consumer → HTTP server → shutdown.
const config = loadConfigOrExit(configSchema);
const logger = createLogger("personnel", config.LOG_LEVEL);

runMain(logger, async () => {
  const dataSource = createPersonnelDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  await dataSource.initialize();
  if (config.MIGRATE_ON_START) await runMigrations(dataSource, logger);

  const services = createServices(dataSource, settingsOf(config));
  const schema = await buildPersonnelSchema(services);

  const kafka = createKafka(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID ?? "personnel", logger);
  const relay = new OutboxRelay({
    databaseUrl: config.DATABASE_URL,
    kafka,
    logger,
    service: "personnel",
    pollMs: config.OUTBOX_POLL_MS,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
  });
  await relay.start();

  // organization's units (the local projection) and training's pre-post certificates (R7).
  const consumer = new EventConsumer({
    kafka,
    dataSource,
    groupId: CONSUMER_GROUP,
    handlers: personnelHandlers(services, transactionOf),
    logger,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
  });
  await consumer.start();

  const server = await startSubgraphServer({
    name: "personnel",
    port: config.PORT,
    production: config.NODE_ENV === "production",
    internalSecret: config.INTERNAL_SECRET,
    schema,
    logger,
    homePathOf: orgUnitHomePath(dataSource),
    readiness: [
      { name: "database", check: async () => void (await dataSource.query("SELECT 1")) },
      { name: "kafka", check: () => checkKafka(kafka) },
    ],
  });

  onShutdown(logger, config.SHUTDOWN_TIMEOUT_MS, () => [
    {
      name: "http",
      stop: async () => {
        server.setDraining();
        await server.stop();
      },
    },
    { name: "event consumer", stop: () => consumer.stop() },
    { name: "outbox relay", stop: () => relay.stop() },
    { name: "database", stop: () => dataSource.destroy() },
  ]);
});
