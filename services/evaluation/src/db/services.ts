import { systemClock, type Clock } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import type { EvaluationServices } from "../domain/ports";
import { DEFAULT_RULE_WEIGHTS, type RuleWeights } from "../rules/r13-scorecard";
import { SqlAssessmentReads } from "./repositories/assessment.reads";
import { SqlCommendationReads } from "./repositories/commendation.reads";
import { SqlMeetingReads } from "./repositories/meeting.reads";
import { SqlSupervisionReads } from "./repositories/supervision.reads";
import { SqlScorecardReads } from "./repositories/scorecard.reads";
import { TypeOrmUnitOfWork } from "./unit-of-work";

export interface ServiceOptions {
  clock?: Clock;
  weights?: RuleWeights;
  /** R13: days past its deadline after which an unrectified finding is escalated (default 15). */
  escalateAfterDays?: number;
}

export function createServices(dataSource: DataSource, options: ServiceOptions = {}): EvaluationServices {
  return {
    uow: new TypeOrmUnitOfWork(dataSource),
    scorecards: new SqlScorecardReads(dataSource),
    assessments: new SqlAssessmentReads(dataSource),
    meetings: new SqlMeetingReads(dataSource),
    supervision: new SqlSupervisionReads(dataSource),
    commendations: new SqlCommendationReads(dataSource),
    clock: options.clock ?? systemClock,
    weights: options.weights ?? DEFAULT_RULE_WEIGHTS,
    escalateAfterDays: options.escalateAfterDays ?? 15,
  };
}
