import { envInt, envPort, envUrl, logLevel, nodeEnv, serviceEnvSchema } from "@grassroots/kit";
import { z } from "zod";
import type { RuleStatusSettings } from "./domain/rule-status/ports";

/** R7: the share of a session's hours a PASSED pre-post participant attended, in percent (1–100). */
const passPercent = envInt(80, 1).pipe(z.number().max(100));

/** R6's rule status (issue 12): the coverage target in percent (1–100), and how often it is checked. */
const ruleStatusKeys = {
  TRAINING_COVERAGE_TARGET_PERCENT: envInt(100, 1).pipe(z.number().max(100)),
  RULE_STATUS_CHECK_EVERY_MS: envInt(60_000, 1000),
};

/**
 * The subgraph's environment: the kit's common keys, port 4003, and the R7 pass rule (the share of a
 * session's hours a person must attend for a PASSED pre-post result to earn the certificate).
 */
export const configSchema = serviceEnvSchema.safeExtend({
  PORT: envPort(4003),
  TRAINING_PASS_MIN_ATTENDANCE_PERCENT: passPercent,
  ...ruleStatusKeys,
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
  ...ruleStatusKeys,
});
export type CliConfig = z.output<typeof cliConfigSchema>;

/** The rule-status settings of either config. */
export const ruleStatusSettingsOf = (config: {
  TRAINING_COVERAGE_TARGET_PERCENT: number;
  RULE_STATUS_CHECK_EVERY_MS: number;
}): RuleStatusSettings => ({
  coverageTargetPercent: config.TRAINING_COVERAGE_TARGET_PERCENT,
  checkEveryMs: config.RULE_STATUS_CHECK_EVERY_MS,
});
