import { createLogger, loadConfigOrExit, migrateCommand } from "@grassroots/kit";
import { cliConfigSchema } from "../config";
import { createEvaluationDataSource } from "./data-source";

// `pnpm migrate`: applies pending migrations to DATABASE_URL, then exits.
const config = loadConfigOrExit(cliConfigSchema);
void migrateCommand(
  createEvaluationDataSource(config.DATABASE_URL, 1),
  createLogger("evaluation-migrate", config.LOG_LEVEL),
);
