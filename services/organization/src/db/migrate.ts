import { createLogger, loadConfigOrExit, migrateCommand } from "@grassroots/kit";
import { cliConfigSchema } from "../config";
import { createOrganizationDataSource } from "./data-source";

// `pnpm migrate`: applies pending migrations to DATABASE_URL, then exits.
const config = loadConfigOrExit(cliConfigSchema);
void migrateCommand(
  createOrganizationDataSource(config.DATABASE_URL, 1),
  createLogger("organization-migrate", config.LOG_LEVEL),
);
