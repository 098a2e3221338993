import "reflect-metadata";
import type { DataSource } from "typeorm";
import type { z } from "zod";
import { loadConfigOrExit } from "../config/load-config";
import { createLogger, type Logger } from "../logging/logger";

export interface ToolOptions<S extends z.ZodType<{ DATABASE_URL: string; LOG_LEVEL: string }>> {
  /** Service name, for log lines: `<service>-<tool>`. */
  service: string;
  configSchema: S;
  createDataSource(config: z.output<S>): DataSource;
}

/**
 * Start and stop of a service's command-line tools (migrate, import, seed): config, logger, a
 * database connection. An exception is fatal (exit 1); what a tool reports as rejected is not.
 */
export function runTool<S extends z.ZodType<{ DATABASE_URL: string; LOG_LEVEL: string }>>(
  name: string,
  options: ToolOptions<S>,
  tool: (dataSource: DataSource, logger: Logger, config: z.output<S>) => Promise<void>,
): void {
  const config = loadConfigOrExit(options.configSchema);
  const logger = createLogger(`${options.service}-${name}`, config.LOG_LEVEL);
  const dataSource = options.createDataSource(config);
  dataSource
    .initialize()
    .then(() => tool(dataSource, logger, config))
    .catch((error) => {
      logger.fatal({ err: error }, `${name} failed`);
      process.exitCode = 1;
    })
    .finally(() => (dataSource.isInitialized ? dataSource.destroy() : undefined));
}
