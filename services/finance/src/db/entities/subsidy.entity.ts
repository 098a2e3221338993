import { Column, Entity, PrimaryColumn } from "typeorm";
import type { ClaimStatus, PaymentBatch, SubsidyClaim, TaskRecord } from "../../domain/subsidy";
import { fenColumn } from "./money-column";

@Entity("subsidy_standard")
export class SubsidyStandardEntity {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "banner_unit_id", type: "uuid" }) bannerUnitId: string;
  @Column("integer") version: number;
  @Column({ name: "effective_from", type: "date" }) effectiveFrom: string;
  @Column({ name: "effective_to", type: "date", nullable: true }) effectiveTo: string | null;
  @Column({ name: "document_title", type: "text" }) documentTitle: string;
  @Column({ name: "document_number", type: "text" }) documentNumber: string;
  @Column({ name: "is_sample", type: "boolean" }) isSample: boolean;
  @Column({ name: "created_by", type: "text" }) createdBy: string;
  @Column({ name: "created_by_name", type: "text" }) createdByName: string;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
}

@Entity("subsidy_standard_item")
export class SubsidyStandardItemEntity {
  @PrimaryColumn({ name: "standard_id", type: "uuid" }) standardId: string;
  @PrimaryColumn({ name: "task_kind", type: "text" }) taskKind: string;
  @Column({ name: "unit_of_work", type: "text" }) unitOfWork: string;
  @Column({ name: "rate_fen", type: "bigint", transformer: fenColumn }) rateFen: bigint;
  @Column({ name: "is_minimum", type: "boolean" }) isMinimum: boolean;
}

@Entity("task_record")
export class TaskRecordEntity implements TaskRecord {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "statistician_id", type: "uuid" }) statisticianId: string;
  @Column({ name: "unit_id", type: "uuid" }) unitId: string;
  @Column({ name: "banner_unit_id", type: "uuid" }) bannerUnitId: string;
  @Column({ name: "task_kind", type: "text" }) taskKind: string;
  @Column("integer") quantity: number;
  @Column("text") period: string;
  @Column({ name: "business_date", type: "date" }) businessDate: string;
  @Column({ name: "evidence_ref", type: "text" }) evidenceRef: string;
  @Column({ name: "claim_id", type: "uuid", nullable: true }) claimId: string | null;
  @Column({ name: "recorded_by", type: "text" }) recordedBy: string;
  @Column({ name: "recorded_by_name", type: "text" }) recordedByName: string;
  @Column({ name: "recorded_at", type: "timestamptz" }) recordedAt: Date;
}

@Entity("subsidy_claim")
export class SubsidyClaimEntity implements SubsidyClaim {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "statistician_id", type: "uuid" }) statisticianId: string;
  @Column({ name: "banner_unit_id", type: "uuid" }) bannerUnitId: string;
  @Column("text") period: string;
  @Column("text") status: ClaimStatus;
  @Column({ name: "computed_fen", type: "bigint", transformer: fenColumn }) computedFen: bigint;
  @Column({ name: "approved_fen", type: "bigint", nullable: true, transformer: fenColumn }) approvedFen:
    bigint | null;
  @Column({ name: "difference_reason", type: "text", nullable: true }) differenceReason: string | null;
  @Column({ name: "return_reason", type: "text", nullable: true }) returnReason: string | null;
  @Column({ name: "submitted_by", type: "text", nullable: true }) submittedBy: string | null;
  @Column({ name: "submitted_at", type: "timestamptz", nullable: true }) submittedAt: Date | null;
  @Column({ name: "approved_by", type: "text", nullable: true }) approvedBy: string | null;
  @Column({ name: "approved_by_name", type: "text", nullable: true }) approvedByName: string | null;
  @Column({ name: "approved_at", type: "timestamptz", nullable: true }) approvedAt: Date | null;
  @Column({ name: "batch_id", type: "uuid", nullable: true }) batchId: string | null;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}

@Entity("claim_line")
export class ClaimLineEntity {
  @PrimaryColumn({ name: "claim_id", type: "uuid" }) claimId: string;
  @PrimaryColumn("integer") computation: number;
  @PrimaryColumn({ name: "task_id", type: "uuid" }) taskId: string;
  @Column({ name: "standard_id", type: "uuid" }) standardId: string;
  @Column({ name: "rate_fen", type: "bigint", transformer: fenColumn }) rateFen: bigint;
  @Column({ name: "amount_fen", type: "bigint", transformer: fenColumn }) amountFen: bigint;
}

@Entity("payment_batch")
export class PaymentBatchEntity implements PaymentBatch {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "banner_unit_id", type: "uuid" }) bannerUnitId: string;
  @Column("text") period: string;
  @Column({ name: "claim_count", type: "integer" }) claimCount: number;
  @Column({ name: "total_fen", type: "bigint", transformer: fenColumn }) totalFen: bigint;
  @Column({ name: "voucher_number", type: "text" }) voucherNumber: string;
  @Column({ name: "paid_on", type: "date" }) paidOn: string;
  @Column({ name: "paid_by", type: "text" }) paidBy: string;
  @Column({ name: "paid_by_name", type: "text" }) paidByName: string;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
}
