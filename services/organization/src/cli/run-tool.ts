import { runTool as runKitTool, type Logger } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { cliConfigSchema } from "../config";
import { createOrganizationDataSource } from "../db/data-source";

/** The kit's tool runner with this service's config and data source. */
export function runTool(name: string, tool: (dataSource: DataSource, logger: Logger) => Promise<void>): void {
  runKitTool(
    name,
    {
      service: "organization",
      configSchema: cliConfigSchema,
      createDataSource: (c) => createOrganizationDataSource(c.DATABASE_URL, 2),
    },
    tool,
  );
}
