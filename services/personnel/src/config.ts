import { envInt, envPort, envUrl, logLevel, nodeEnv, serviceEnvSchema } from "@grassroots/kit";
import { z } from "zod";
import type { PersonnelSettings } from "./domain/ports";
import { checkPersonalDataSettings, personalDataSettings } from "./personal-data/settings";
import { DEFAULT_THRESHOLDS as D } from "./rules/staffing-requirement";

/** The rules' numbers: configuration, not literals (README lists them). */
const ruleSettings = {
  STAFFING_LARGE_REGISTER_THRESHOLD: envInt(D.largeRegisterThreshold, 1),
  STAFFING_TOWNSHIP_MIN_FULL_TIME: envInt(D.townshipMinFullTimeInEstablishment, 0),
  STAFFING_LARGE_REGISTER_MIN_STATISTICIANS: envInt(D.largeRegisterMinStatisticians, 0),
  STAFFING_PARK_COMMUNITY_MIN_STATISTICIANS: envInt(D.parkCommunityMinStatisticians, 0),
  STAFFING_VILLAGE_MIN_LIAISONS: envInt(D.villageMinLiaisons, 0),
  FILING_DUE_DAYS: envInt(30, 1),
  PENDING_TRAINING_MAX_DAYS: envInt(30, 1),
  RULE_STATUS_CHECK_EVERY_MS: envInt(60_000, 1000),
};

/** The subgraph's environment: the kit's common keys (PORT 4002 here), the rules' settings and the
 * keys of personal data at rest (required in production). */
export const configSchema = serviceEnvSchema
  .safeExtend({ PORT: envPort(4002), ...ruleSettings, ...personalDataSettings })
  .superRefine(checkPersonalDataSettings);
export type Config = z.output<typeof configSchema>;

/** Command-line tools (migrate, seed, reevaluate-staffing, rotate-personal-data-key) need the database,
 * the rules' settings and the keys of personal data (the migration encrypts, the seed registers people). */
export const cliConfigSchema = z
  .object({
    NODE_ENV: nodeEnv,
    LOG_LEVEL: logLevel,
    DATABASE_URL: envUrl(["postgres", "postgresql"]),
    ...ruleSettings,
    ...personalDataSettings,
  })
  .superRefine(checkPersonalDataSettings);
export type CliConfig = z.output<typeof cliConfigSchema>;

export function settingsOf(config: z.output<z.ZodObject<typeof ruleSettings>>): PersonnelSettings {
  return {
    thresholds: {
      largeRegisterThreshold: config.STAFFING_LARGE_REGISTER_THRESHOLD,
      townshipMinFullTimeInEstablishment: config.STAFFING_TOWNSHIP_MIN_FULL_TIME,
      largeRegisterMinStatisticians: config.STAFFING_LARGE_REGISTER_MIN_STATISTICIANS,
      parkCommunityMinStatisticians: config.STAFFING_PARK_COMMUNITY_MIN_STATISTICIANS,
      villageMinLiaisons: config.STAFFING_VILLAGE_MIN_LIAISONS,
    },
    filingDueDays: config.FILING_DUE_DAYS,
    pendingTrainingMaxDays: config.PENDING_TRAINING_MAX_DAYS,
    ruleStatusCheckEveryMs: config.RULE_STATUS_CHECK_EVERY_MS,
  };
}
