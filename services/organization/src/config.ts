import { envUrl, logLevel, nodeEnv, serviceEnvSchema } from "@grassroots/kit";
import { z } from "zod";

/** The subgraph's environment: the kit's common keys (PORT defaults to 4001 there). */
export const configSchema = serviceEnvSchema.extend({});
export type Config = z.output<typeof configSchema>;

/** Command-line tools (migrate, import-divisions, seed) need only the database. */
export const cliConfigSchema = z.object({
  NODE_ENV: nodeEnv,
  LOG_LEVEL: logLevel,
  DATABASE_URL: envUrl(["postgres", "postgresql"]),
});
export type CliConfig = z.output<typeof cliConfigSchema>;
