import "reflect-metadata";
import { runSubgraph } from "@grassroots/events";
import { createLogger, loadConfigOrExit, runMain } from "@grassroots/kit";
import { configSchema } from "./config";
import { createFinanceDataSource } from "./db/data-source";
import { wireFinance } from "./wire";

// Wiring only: config → logger → the subgraph bootstrap with this service's database and wiring
// (src/wire.ts: the schema, the consumer of organization's, personnel's and evaluation's events, the R8 check).
const config = loadConfigOrExit(configSchema);
const logger = createLogger("finance", config.LOG_LEVEL);

runMain(logger, () =>
  runSubgraph({
    name: "finance",
    config,
    logger,
    dataSource: createFinanceDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
    wire: (dataSource) =>
      wireFinance(dataSource, { r8CheckEveryMs: config.FINANCE_R8_CHECK_EVERY_SECONDS * 1000 }),
  }),
);
