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
  BudgetInstalmentEntity,
  BudgetLineEntity,
  BudgetLineRevisionEntity,
  DisbursementEntity,
  FiscalYearClosureEntity,
} from "./entities/budget.entity";
import {
  AllocationRoundEntity,
  AssessmentResultSetEntity,
  AwardProgrammeEntity,
  AwardRuleVersionEntity,
  RoundAllocationEntity,
  RoundPaymentEntity,
  RoundStepEntity,
} from "./entities/award.entity";
import { PostAssignmentEntity } from "./entities/post.entity";
import {
  ClaimLineEntity,
  PaymentBatchEntity,
  SubsidyClaimEntity,
  SubsidyStandardEntity,
  SubsidyStandardItemEntity,
  TaskRecordEntity,
} from "./entities/subsidy.entity";
import { Projections1764600000000 } from "./migrations/1764600000000-projections";
import { Budget1764600001000 } from "./migrations/1764600001000-budget";
import { Award1764600002000 } from "./migrations/1764600002000-award";
import { Subsidy1764600003000 } from "./migrations/1764600003000-subsidy";

export const entities = [
  OrgUnitProjectionEntity,
  PostAssignmentEntity,
  IdempotencyKeyEntity,
  BudgetLineEntity,
  BudgetLineRevisionEntity,
  BudgetInstalmentEntity,
  DisbursementEntity,
  FiscalYearClosureEntity,
  RuleStatusPublishedEntity,
  AwardProgrammeEntity,
  AwardRuleVersionEntity,
  AssessmentResultSetEntity,
  AllocationRoundEntity,
  RoundAllocationEntity,
  RoundPaymentEntity,
  RoundStepEntity,
  SubsidyStandardEntity,
  SubsidyStandardItemEntity,
  TaskRecordEntity,
  SubsidyClaimEntity,
  ClaimLineEntity,
  PaymentBatchEntity,
];

/** In order; the outbox/inbox tables come from @grassroots/events. */
export const migrations = [
  OutboxAndInbox1764100000000,
  Projections1764600000000,
  Budget1764600001000,
  Award1764600002000,
  Subsidy1764600003000,
  InboxEventHashes1765000000000,
  OutboxTraceContext1765300000000,
];

export function createFinanceDataSource(url: string, poolSize = 10): DataSource {
  return createDataSource({ url, poolSize, entities, migrations, applicationName: "finance" });
}
