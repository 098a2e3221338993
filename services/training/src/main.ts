import "reflect-metadata";
import { runSubgraph } from "@grassroots/events";
import { createLogger, loadConfigOrExit, runMain } from "@grassroots/kit";
import { configSchema } from "./config";
import { createTrainingDataSource } from "./db/data-source";
import { createServices } from "./db/services";
import { trainingConsumer } from "./events/consumers";
import { transactionOf } from "./db/unit-of-work";
import { buildTrainingSchema } from "./schema/build-schema";

// Wiring only: config → logger → the subgraph bootstrap with this service's database, schema and
// the events it consumes: organization's units and personnel's statisticians and posts (events/consumers.ts).
const config = loadConfigOrExit(configSchema);
const logger = createLogger("training", config.LOG_LEVEL);

runMain(logger, () =>
  runSubgraph({
    name: "training",
    config,
    logger,
    dataSource: createTrainingDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
    wire: async (dataSource) => {
      const services = createServices(dataSource, {
        passRule: { minAttendancePercent: config.TRAINING_PASS_MIN_ATTENDANCE_PERCENT },
      });
      return {
        schema: await buildTrainingSchema(services),
        consumers: [trainingConsumer(transactionOf)],
      };
    },
  }),
);
