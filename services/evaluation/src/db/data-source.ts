import {
  InboxEventHashes1765000000000,
  OutboxTraceContext1765300000000,
  OutboxAndInbox1764100000000,
  RuleStatusPublishedEntity,
} from "@grassroots/events";
import { createDataSource, IdempotencyKeyEntity } from "@grassroots/kit";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import type { DataSource } from "typeorm";
import {
  AssessmentAdjustmentEntity,
  AssessmentEntity,
  AssessmentResultEntity,
  AssessmentScoreEntity,
  ResultSetEntity,
} from "./entities/assessment.entity";
import { CommendationEntity, CommendationQuotaEntity } from "./entities/commendation.entity";
import { MeetingProblemEntity, WorkMeetingEntity } from "./entities/meeting.entity";
import { RuleStatusEntity, RuleStatusHistoryEntity } from "./entities/rule-status.entity";
import { AssessmentSchemeEntity } from "./entities/scheme.entity";
import { AssignmentProjection, StatisticianProjection } from "./entities/statistician.entity";
import { FindingEntity, InspectionEntity, RectificationEntity } from "./entities/supervision.entity";
import { Projections1765100000000 } from "./migrations/1765100000000-projections";
import { Supervision1765100001000 } from "./migrations/1765100001000-supervision";
import { Assessment1765100002000 } from "./migrations/1765100002000-assessment";
import { Meetings1765100003000 } from "./migrations/1765100003000-meetings";
import { Commendations1765100004000 } from "./migrations/1765100004000-commendations";

export const entities = [
  OrgUnitProjectionEntity,
  RuleStatusEntity,
  RuleStatusHistoryEntity,
  AssessmentSchemeEntity,
  AssessmentEntity,
  AssessmentScoreEntity,
  AssessmentAdjustmentEntity,
  ResultSetEntity,
  AssessmentResultEntity,
  WorkMeetingEntity,
  MeetingProblemEntity,
  RuleStatusPublishedEntity,
  InspectionEntity,
  FindingEntity,
  RectificationEntity,
  StatisticianProjection,
  AssignmentProjection,
  CommendationQuotaEntity,
  CommendationEntity,
  IdempotencyKeyEntity,
];

/** In order; the outbox/inbox tables come from @grassroots/events. */
export const migrations = [
  OutboxAndInbox1764100000000,
  Projections1765100000000,
  Supervision1765100001000,
  Assessment1765100002000,
  Meetings1765100003000,
  Commendations1765100004000,
  InboxEventHashes1765000000000,
  OutboxTraceContext1765300000000,
];

export function createEvaluationDataSource(url: string, poolSize = 10): DataSource {
  return createDataSource({ url, poolSize, entities, migrations, applicationName: "evaluation" });
}
