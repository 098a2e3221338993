import { envInt, envPort, envUrl, logLevel, nodeEnv, serviceEnvSchema } from "@grassroots/kit";
import { z } from "zod";

/**
 * The subgraph's environment: the kit's common keys, port 4004, and how often the R8 check of
 * instalments past their due date runs (a day turns over once; every 10 minutes catches it soon).
 */
export const configSchema = serviceEnvSchema.safeExtend({
  PORT: envPort(4004),
  FINANCE_R8_CHECK_EVERY_SECONDS: envInt(600, 5),
});
export type Config = z.output<typeof configSchema>;

/** Command-line tools (migrate, seed, republish) need only the database. */
export const cliConfigSchema = z.object({
  NODE_ENV: nodeEnv,
  LOG_LEVEL: logLevel,
  DATABASE_URL: envUrl(["postgres", "postgresql"]),
  /** How long the seed waits for the org tree and the posts to arrive by events. */
  SEED_WAIT_SECONDS: envInt(90, 1),
});
export type CliConfig = z.output<typeof cliConfigSchema>;
