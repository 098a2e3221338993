import {
  InboxEventHashes1765000000000,
  OutboxTraceContext1765300000000,
  OutboxAndInbox1764100000000,
  RuleStatusPublishedEntity,
} from "@grassroots/events";
import { createDataSource, IdempotencyKeyEntity } from "@grassroots/kit";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import type { DataSource } from "typeorm";
import { PostAssignmentEntity } from "./entities/assignment.entity";
import { PrePostCertificateEntity } from "./entities/certificate.entity";
import { FilingEntity, FilingStepEntity } from "./entities/filing.entity";
import { StaffingStatusEntity } from "./entities/staffing.entity";
import { StatisticianEntity } from "./entities/statistician.entity";
import { RosterImportResultEntity } from "./entities/roster-import.entity";
import { Personnel1764300000000 } from "./migrations/1764300000000-personnel";
import { ActorNames1764400000000 } from "./migrations/1764400000000-actor-names";
import { OrgUnitProjection1764500000000 } from "./migrations/1764500000000-org-unit-projection";
import { RuleStatus1764600000000 } from "./migrations/1764600000000-rule-status";
import { RosterImport1764700000000 } from "./migrations/1764700000000-roster-import";
import { PersonalDataAtRest1764800000000 } from "./migrations/1764800000000-personal-data-at-rest";
import { KeyedRequestFingerprints1765100000000 } from "./migrations/1765100000000-keyed-request-fingerprints";
import type { PersonalDataCipher } from "../personal-data/cipher";
import { personalDataCipherOf } from "../personal-data/settings";
import { bindPersonalDataCipher } from "./personal-data";

/** Every table personnel writes (explicit column names, as the migrations made them); org_unit and
 * idempotency_key are the shared packages' entities. */
export const entities = [
  OrgUnitProjectionEntity,
  StatisticianEntity,
  PrePostCertificateEntity,
  PostAssignmentEntity,
  FilingEntity,
  FilingStepEntity,
  StaffingStatusEntity,
  IdempotencyKeyEntity,
  RuleStatusPublishedEntity,
  RosterImportResultEntity,
];

/** In order; the outbox/inbox tables come from @grassroots/events. */
export const migrations = [
  OutboxAndInbox1764100000000,
  Personnel1764300000000,
  ActorNames1764400000000,
  OrgUnitProjection1764500000000,
  RuleStatus1764600000000,
  RosterImport1764700000000,
  PersonalDataAtRest1764800000000,
  InboxEventHashes1765000000000,
  OutboxTraceContext1765300000000,
  KeyedRequestFingerprints1765100000000,
];

/**
 * Personnel's data source, with the keys of its personal data bound to it (stores, reads, the
 * migration and the tools find them there). Without `cipher`, the PERSONAL_DATA_* settings of the
 * environment (the dev-only keys outside production: the tests' harness creates it this way).
 */
export function createPersonnelDataSource(
  url: string,
  poolSize = 10,
  cipher: PersonalDataCipher = personalDataCipherOf(process.env),
): DataSource {
  const dataSource = createDataSource({ url, poolSize, entities, migrations, applicationName: "personnel" });
  return bindPersonalDataCipher(dataSource, cipher);
}
