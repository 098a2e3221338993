import { createLogger, loadConfigOrExit, migrateCommand } from "@grassroots/kit";
import { cliConfigSchema } from "../config";
import { createTrainingDataSource } from "./data-source";

// `pnpm migrate`: applies pending migrations to DATABASE_URL, then exits.
const config = loadConfigOrExit(cliConfigSchema);
void migrateCommand(
  createTrainingDataSource(config.DATABASE_URL, 1),
  createLogger("training-migrate", config.LOG_LEVEL),
);
