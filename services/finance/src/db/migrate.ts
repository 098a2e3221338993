import { createLogger, loadConfigOrExit, migrateCommand } from "@grassroots/kit";
import { cliConfigSchema } from "../config";
import { createFinanceDataSource } from "./data-source";

// `pnpm migrate`: applies pending migrations to DATABASE_URL, then exits.
const config = loadConfigOrExit(cliConfigSchema);
void migrateCommand(
  createFinanceDataSource(config.DATABASE_URL, 1),
  createLogger("finance-migrate", config.LOG_LEVEL),
);
