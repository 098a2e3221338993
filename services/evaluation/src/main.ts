import "reflect-metadata";
import { runSubgraph } from "@grassroots/events";
import { createLogger, loadConfigOrExit, runMain } from "@grassroots/kit";
import { configSchema } from "./config";
import { createEvaluationDataSource } from "./db/data-source";
import { wireEvaluation } from "./wire";

// Wiring only: config → logger → the subgraph bootstrap with this service's database and wiring
// (src/wire.ts: the schema, the consumer of units and rule statuses, the periodic checks).
const config = loadConfigOrExit(configSchema);
const logger = createLogger("evaluation", config.LOG_LEVEL);

runMain(logger, () =>
  runSubgraph({
    name: "evaluation",
    config,
    logger,
    dataSource: createEvaluationDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
    wire: (dataSource) =>
      wireEvaluation(dataSource, {
        weights: config.EVALUATION_SCORECARD_WEIGHTS,
        escalateAfterDays: config.EVALUATION_ESCALATE_AFTER_DAYS,
        checkEveryMs: config.EVALUATION_CHECK_EVERY_MS,
      }),
  }),
);
