import {
  InboxEventHashes1765000000000,
  OutboxTraceContext1765300000000,
  OutboxAndInbox1764100000000,
  RuleStatusPublishedEntity,
} from "@grassroots/events";
import { createDataSource, IdempotencyKeyEntity } from "@grassroots/kit";
import type { DataSource } from "typeorm";
import { DivisionImportResultEntity } from "./entities/division-import.entity";
import { OrgUnitEntity, RegisterCountEntity } from "./entities/org-unit.entity";
import {
  AssessmentEntity,
  AssessmentItemEntity,
  StandardEntity,
  StandardItemEntity,
} from "./entities/standardization.entity";
import { OrgUnits1764200000000 } from "./migrations/1764200000000-org-units";
import { Standardization1764200001000 } from "./migrations/1764200001000-standardization";
import { ActorNames1764200002100 } from "./migrations/1764200002100-actor-names";
import { ClientRequests1764200003000 } from "./migrations/1764200003000-client-requests";
import { DivisionImportResults1764200003100 } from "./migrations/1764200003100-division-import-results";
import { RuleStatus1764200004000 } from "./migrations/1764200004000-rule-status";

export const entities = [
  OrgUnitEntity,
  RegisterCountEntity,
  StandardEntity,
  StandardItemEntity,
  AssessmentEntity,
  AssessmentItemEntity,
  DivisionImportResultEntity,
  IdempotencyKeyEntity,
  RuleStatusPublishedEntity,
];

/** In order; the outbox/inbox tables come from @grassroots/events. */
export const migrations = [
  OutboxAndInbox1764100000000,
  OrgUnits1764200000000,
  Standardization1764200001000,
  ActorNames1764200002100,
  ClientRequests1764200003000,
  DivisionImportResults1764200003100,
  RuleStatus1764200004000,
  InboxEventHashes1765000000000,
  OutboxTraceContext1765300000000,
];

export function createOrganizationDataSource(url: string, poolSize = 10): DataSource {
  return createDataSource({ url, poolSize, entities, migrations, applicationName: "organization" });
}
