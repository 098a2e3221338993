import { runTool as runKitTool, type Logger } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { cliConfigSchema, type CliConfig } from "../config";
import { createPersonnelDataSource } from "../db/data-source";
import { personalDataCipherOf } from "../personal-data/settings";

/** The kit's tool runner with this service's config and data source. */
export function runTool(
  name: string,
  tool: (dataSource: DataSource, logger: Logger, config: CliConfig) => Promise<void>,
): void {
  runKitTool(
    name,
    {
      service: "personnel",
      configSchema: cliConfigSchema,
      createDataSource: (c) => createPersonnelDataSource(c.DATABASE_URL, 2, personalDataCipherOf(c)),
    },
    tool,
  );
}
