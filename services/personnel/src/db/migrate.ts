import { createLogger, loadConfigOrExit, migrateCommand } from "@grassroots/kit";
import { cliConfigSchema } from "../config";
import { personalDataCipherOf } from "../personal-data/settings";
import { createPersonnelDataSource } from "./data-source";

// `pnpm migrate`: applies pending migrations to DATABASE_URL, then exits.
const config = loadConfigOrExit(cliConfigSchema);
void migrateCommand(
  createPersonnelDataSource(config.DATABASE_URL, 1, personalDataCipherOf(config)),
  createLogger("personnel-migrate", config.LOG_LEVEL),
);
