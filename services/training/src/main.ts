import "reflect-metadata";
import { runSubgraph } from "@grassroots/events";
import { createLogger, loadConfigOrExit, runMain } from "@grassroots/kit";
import { configSchema, ruleStatusSettingsOf } from "./config";
import { createTrainingDataSource } from "./db/data-source";
import { wireTraining } from "./wire";

// Wiring only: config → logger → the subgraph bootstrap with this service's database and wiring
// (src/wire.ts: the schema and the consumer of organization's and personnel's events).
const config = loadConfigOrExit(configSchema);
const logger = createLogger("training", config.LOG_LEVEL);

runMain(logger, () =>
  runSubgraph({
    name: "training",
    config,
    logger,
    dataSource: createTrainingDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
    wire: (dataSource) =>
      wireTraining(dataSource, {
        passRule: { minAttendancePercent: config.TRAINING_PASS_MIN_ATTENDANCE_PERCENT },
        ruleStatus: ruleStatusSettingsOf(config),
      }),
  }),
);
