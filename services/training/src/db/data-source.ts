import {
  InboxEventHashes1765000000000,
  OutboxTraceContext1765300000000,
  OutboxAndInbox1764100000000,
  RuleStatusPublishedEntity,
} from "@grassroots/events";
import { createDataSource, IdempotencyKeyEntity } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import { CertificateCounterEntity, CertificateEntity } from "./entities/certificate.entity";
import { EnrollmentEntity } from "./entities/enrollment.entity";
import { TrainingSessionEntity } from "./entities/session.entity";
import { AssignmentProjection, StatisticianProjection } from "./entities/statistician.entity";
import { Projections1764300000000 } from "./migrations/1764300000000-projections";
import { Training1764300001000 } from "./migrations/1764300001000-training";
import { ActorNames1764300002000 } from "./migrations/1764300002000-actor-names";
import { ClientRequests1764300003000 } from "./migrations/1764300003000-client-requests";
import { OrgUnitProjection1764300004000 } from "./migrations/1764300004000-org-unit-projection";
import { RuleStatus1764300005000 } from "./migrations/1764300005000-rule-status";
import { PostPathIndex1765400000000 } from "./migrations/1765400000000-post-path-index";

export const entities = [
  OrgUnitProjectionEntity,
  StatisticianProjection,
  AssignmentProjection,
  TrainingSessionEntity,
  EnrollmentEntity,
  CertificateEntity,
  CertificateCounterEntity,
  IdempotencyKeyEntity,
  RuleStatusPublishedEntity,
];

/** In order; the outbox/inbox tables come from @grassroots/events. */
export const migrations = [
  OutboxAndInbox1764100000000,
  Projections1764300000000,
  Training1764300001000,
  ActorNames1764300002000,
  ClientRequests1764300003000,
  OrgUnitProjection1764300004000,
  RuleStatus1764300005000,
  InboxEventHashes1765000000000,
  OutboxTraceContext1765300000000,
  PostPathIndex1765400000000,
];

export function createTrainingDataSource(url: string, poolSize = 10): DataSource {
  return createDataSource({ url, poolSize, entities, migrations, applicationName: "training" });
}
