import "reflect-metadata";
import { runSubgraph } from "@grassroots/events";
import { createLogger, loadConfigOrExit, runMain } from "@grassroots/kit";
import { configSchema } from "./config";
import { createOrganizationDataSource } from "./db/data-source";
import { wireOrganization } from "./wire";

// Wiring only: config → logger → the subgraph bootstrap with this service's database and wiring.
const config = loadConfigOrExit(configSchema);
const logger = createLogger("organization", config.LOG_LEVEL);

runMain(logger, () =>
  runSubgraph({
    name: "organization",
    config,
    logger,
    dataSource: createOrganizationDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
    wire: (dataSource) => wireOrganization(dataSource),
  }),
);
