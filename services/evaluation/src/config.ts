import { envInt, envPort, envUrl, logLevel, nodeEnv, serviceEnvSchema } from "@grassroots/kit";
import { z } from "zod";
import { parseRuleWeights } from "./rules/r13-scorecard";

/**
 * R13's scorecard weights per rule, "R3.township-staffing=20,R5.filing-timeliness=10": the rules named
 * replace their default weight (src/rules/r13-scorecard.ts), the others keep it. Empty: the defaults.
 */
const ruleWeights = z
  .string()
  .default("")
  .transform((text, ctx) => {
    try {
      return parseRuleWeights(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  });

/**
 * The subgraph's environment: the kit's common keys, port 4005, R13's scorecard weights and the
 * periodic checks (R11 problems overdue, R13 findings overdue and escalated after a number of days).
 */
export const configSchema = serviceEnvSchema.safeExtend({
  PORT: envPort(4005),
  EVALUATION_SCORECARD_WEIGHTS: ruleWeights,
  /** R13: days past its rectification deadline after which an unrectified finding is escalated. */
  EVALUATION_ESCALATE_AFTER_DAYS: envInt(15, 1),
  /** How often the periodic checks (overdue problems and findings) run. */
  EVALUATION_CHECK_EVERY_MS: envInt(60_000, 1000),
});
export type Config = z.output<typeof configSchema>;

/** Command-line tools (migrate, seed, republish) need only the database. */
export const cliConfigSchema = z.object({
  NODE_ENV: nodeEnv,
  LOG_LEVEL: logLevel,
  DATABASE_URL: envUrl(["postgres", "postgresql"]),
  /** How long the seed waits for the org tree to arrive by events. */
  SEED_WAIT_SECONDS: envInt(90, 1),
});
export type CliConfig = z.output<typeof cliConfigSchema>;
