import "reflect-metadata";
import { checkKafka, createKafka, OutboxRelay } from "@grassroots/events";
import { createLogger, loadConfigOrExit, onShutdown, orgUnitHomePath, runMain, runMigrations, startSubgraphServer } from "@grassroots/kit";
import { configSchema } from "./config";
import { createOrganizationDataSource } from "./db/data-source";
import { createServices } from "./db/services";
import { buildOrganizationSchema } from "./schema/build-schema";

// Wiring only: config → logger → database (+ migrations) → schema → outbox relay → HTTP server → shutdown.
const config = loadConfigOrExit(configSchema);
const logger = createLogger("organization", config.LOG_LEVEL);

runMain(logger, async () => {
  const dataSource = createOrganizationDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  await dataSource.initialize();
  if (config.MIGRATE_ON_START) await runMigrations(dataSource, logger);

  const schema = await buildOrganizationSchema(createServices(dataSource));

  const kafka = createKafka(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID ?? "organization", logger);
  const relay = new OutboxRelay({
    databaseUrl: config.DATABASE_URL,
    kafka,
    logger,
    service: "organization",
    pollMs: config.OUTBOX_POLL_MS,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
  });
  await relay.start();

  const server = await startSubgraphServer({
    name: "organization",
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
    { name: "outbox relay", stop: () => relay.stop() },
    { name: "database", stop: () => dataSource.destroy() },
  ]);
});
