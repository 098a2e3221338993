import "reflect-metadata";
import { checkKafka, createKafka, EventConsumer, OutboxRelay } from "@grassroots/events";
import { createLogger, loadConfigOrExit, onShutdown, orgUnitHomePath, runMain, runMigrations, startSubgraphServer } from "@grassroots/kit";
import { configSchema } from "./config";
import { createTrainingDataSource } from "./db/data-source";
import { createServices } from "./db/services";
import { projectionHandlers, PROJECTIONS_GROUP } from "./events/projections";
import { buildTrainingSchema } from "./schema/build-schema";

// Wiring only: config → logger → database (+ migrations) → schema → projections consumer → outbox
// relay → HTTP server → shutdown (HTTP first, then the consumer and the relay, the database last).
const config = loadConfigOrExit(configSchema);
const logger = createLogger("training", config.LOG_LEVEL);

runMain(logger, async () => {
  const dataSource = createTrainingDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  await dataSource.initialize();
  if (config.MIGRATE_ON_START) await runMigrations(dataSource, logger);

  const services = createServices(dataSource, { passRule: { minAttendancePercent: config.TRAINING_PASS_MIN_ATTENDANCE_PERCENT } });
  const schema = await buildTrainingSchema(services);

  const kafka = createKafka(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID ?? "training", logger);
  const consumer = new EventConsumer({
    kafka,
    dataSource,
    groupId: PROJECTIONS_GROUP,
    handlers: projectionHandlers(),
    logger,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
  });
  await consumer.start();
  const relay = new OutboxRelay({
    databaseUrl: config.DATABASE_URL,
    kafka,
    logger,
    service: "training",
    pollMs: config.OUTBOX_POLL_MS,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
  });
  await relay.start();

  const server = await startSubgraphServer({
    name: "training",
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
