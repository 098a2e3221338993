import "reflect-metadata";
import { runSubgraph } from "@grassroots/events";
import { createLogger, loadConfigOrExit, runMain } from "@grassroots/kit";
import { configSchema, settingsOf } from "./config";
import { createPersonnelDataSource } from "./db/data-source";
import { personalDataCipherOf } from "./personal-data/settings";
import { wirePersonnel } from "./wire";

// Wiring only: config → logger → the subgraph bootstrap with this service's database, schema and
// the events it consumes: organization's units (the local projection) and training's pre-post
// certificates (R7).
const config = loadConfigOrExit(configSchema);
const logger = createLogger("personnel", config.LOG_LEVEL);

runMain(logger, () =>
  runSubgraph({
    name: "personnel",
    config,
    logger,
    dataSource: createPersonnelDataSource(
      config.DATABASE_URL,
      config.DATABASE_POOL_SIZE,
      personalDataCipherOf(config),
    ),
    wire: (dataSource) => wirePersonnel(dataSource, settingsOf(config)),
  }),
);
