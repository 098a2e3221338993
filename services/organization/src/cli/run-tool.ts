import "reflect-metadata";
import { createLogger, loadConfigOrExit, type Logger } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { cliConfigSchema } from "../config";
import { createOrganizationDataSource } from "../db/data-source";

/**
 * Shared start/stop of the command-line tools: config, logger, a migrated-schema database connection.
 * An exception is fatal (exit 1); everything the tool reports as rejected is not.
 */
export function runTool(name: string, tool: (dataSource: DataSource, logger: Logger) => Promise<void>): void {
  const config = loadConfigOrExit(cliConfigSchema);
  const logger = createLogger(`organization-${name}`, config.LOG_LEVEL);
  const dataSource = createOrganizationDataSource(config.DATABASE_URL, 2);
  dataSource
    .initialize()
    .then(() => tool(dataSource, logger))
    .catch((error) => {
      logger.fatal({ err: error }, `${name} failed`);
      process.exitCode = 1;
    })
    .finally(() => (dataSource.isInitialized ? dataSource.destroy() : undefined));
}
