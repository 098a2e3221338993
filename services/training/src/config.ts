import { envInt, envPort, envUrl, logLevel, nodeEnv, serviceEnvSchema } from "@grassroots/kit";
import { z } from "zod";

/** R7: the share of a session's hours a PASSED pre-post participant attended, in percent (1–100). */
const passPercent = envInt(80, 1).pipe(z.number().max(100));

/**
 * The subgraph's environment: the kit's common keys, port 4003, and the R7 pass rule (the share of a
 * session's hours a person must attend for a PASSED pre-post result to earn the certificate).
 */
export const configSchema = serviceEnvSchema.safeExtend({
  PORT: envPort(4003),
  TRAINING_PASS_MIN_ATTENDANCE_PERCENT: passPercent,
});
export type Config = z.output<typeof configSchema>;

/** Command-line tools (migrate, seed) need only the database (and the pass rule, for the seed's results). */
export const cliConfigSchema = z.object({
  NODE_ENV: nodeEnv,
  LOG_LEVEL: logLevel,
  DATABASE_URL: envUrl(["postgres", "postgresql"]),
  TRAINING_PASS_MIN_ATTENDANCE_PERCENT: passPercent,
  /** How long the seed waits for the org tree and the statisticians to arrive by events. */
  SEED_WAIT_SECONDS: envInt(90, 1),
});
export type CliConfig = z.output<typeof cliConfigSchema>;
