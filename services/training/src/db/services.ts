import { systemClock, type Clock } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import type { TrainingServices } from "../domain/ports";
import { DEFAULT_PASS_RULE, type PassRule } from "../rules/r7-pre-post-training";
import { SqlCoverageReads } from "./repositories/coverage.reads";
import { SqlAreaReads } from "./repositories/area.reads";
import { SqlCertificateReads } from "./repositories/certificate.reads";
import { SqlEnrollmentReads } from "./repositories/enrollment.reads";
import { SqlSessionReads } from "./repositories/session.reads";
import { TypeOrmUnitOfWork } from "./unit-of-work";
import type { RuleStatusSettings } from "../domain/rule-status/ports";

/** R6 rule status: every staff member trained in the year; checked every minute. */
export const DEFAULT_RULE_STATUS_SETTINGS: RuleStatusSettings = {
  coverageTargetPercent: 100,
  checkEveryMs: 60_000,
};

export function createServices(
  dataSource: DataSource,
  options: { clock?: Clock; passRule?: PassRule; ruleStatus?: RuleStatusSettings } = {},
): TrainingServices {
  return {
    uow: new TypeOrmUnitOfWork(dataSource),
    sessions: new SqlSessionReads(dataSource),
    enrollments: new SqlEnrollmentReads(dataSource),
    certificates: new SqlCertificateReads(dataSource),
    areas: new SqlAreaReads(dataSource),
    coverage: new SqlCoverageReads(dataSource.manager),
    clock: options.clock ?? systemClock,
    passRule: options.passRule ?? DEFAULT_PASS_RULE,
    ruleStatus: options.ruleStatus ?? DEFAULT_RULE_STATUS_SETTINGS,
  };
}
