import { Column, Entity, PrimaryColumn } from "typeorm";
import type {
  BudgetLevel,
  BudgetLineRevision,
  Disbursement,
  DisbursementKind,
  Purpose,
  ScheduleKind,
} from "../../domain/budget";
import { fenColumn } from "./money-column";

@Entity("budget_line")
export class BudgetLineEntity {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "fiscal_year", type: "integer" }) fiscalYear: number;
  @Column("text") level: BudgetLevel;
  @Column({ name: "owner_unit_id", type: "uuid" }) ownerUnitId: string;
  @Column("text") purpose: Purpose;
  @Column({ name: "purpose_name", type: "text", nullable: true }) purposeName: string | null;
  @Column({ name: "current_revision", type: "integer" }) currentRevision: number;
  @Column({ name: "created_by", type: "text" }) createdBy: string;
  @Column({ name: "created_by_name", type: "text" }) createdByName: string;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}

@Entity("budget_line_revision")
export class BudgetLineRevisionEntity implements BudgetLineRevision {
  @PrimaryColumn({ name: "line_id", type: "uuid" }) lineId: string;
  @PrimaryColumn("integer") revision: number;
  @Column({ name: "revises_revision", type: "integer", nullable: true }) revisesRevision: number | null;
  @Column({ name: "amount_fen", type: "bigint", transformer: fenColumn }) amountFen: bigint;
  @Column({ name: "beneficiary_unit_id", type: "uuid", nullable: true }) beneficiaryUnitId: string | null;
  @Column({ name: "classification_code", type: "text" }) classificationCode: string;
  @Column({ name: "document_title", type: "text" }) documentTitle: string;
  @Column({ name: "document_number", type: "text" }) documentNumber: string;
  @Column({ name: "schedule_kind", type: "text" }) scheduleKind: ScheduleKind;
  @Column({ type: "text", nullable: true }) reason: string | null;
  @Column({ name: "revised_by", type: "text" }) revisedBy: string;
  @Column({ name: "revised_by_name", type: "text" }) revisedByName: string;
  @Column({ name: "revised_at", type: "timestamptz" }) revisedAt: Date;
}

@Entity("budget_instalment")
export class BudgetInstalmentEntity {
  @PrimaryColumn({ name: "line_id", type: "uuid" }) lineId: string;
  @PrimaryColumn("integer") revision: number;
  @PrimaryColumn("integer") seq: number;
  @Column({ name: "due_date", type: "date" }) dueDate: string;
  @Column({ name: "amount_fen", type: "bigint", transformer: fenColumn }) amountFen: bigint;
}

@Entity("disbursement")
export class DisbursementEntity implements Disbursement {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "line_id", type: "uuid" }) lineId: string;
  @Column({ name: "instalment_seq", type: "integer" }) instalmentSeq: number;
  @Column("text") kind: DisbursementKind;
  @Column({ name: "amount_fen", type: "bigint", transformer: fenColumn }) amountFen: bigint;
  @Column({ name: "paid_on", type: "date" }) paidOn: string;
  @Column({ name: "voucher_number", type: "text" }) voucherNumber: string;
  @Column("text") payer: string;
  @Column({ name: "reverses_id", type: "uuid", nullable: true }) reversesId: string | null;
  @Column({ type: "text", nullable: true }) reason: string | null;
  @Column({ name: "over_budget_document", type: "text", nullable: true }) overBudgetDocument: string | null;
  @Column({ name: "over_budget_reason", type: "text", nullable: true }) overBudgetReason: string | null;
  @Column({ name: "recorded_by", type: "text" }) recordedBy: string;
  @Column({ name: "recorded_by_name", type: "text" }) recordedByName: string;
  @Column({ name: "recorded_at", type: "timestamptz" }) recordedAt: Date;
}

@Entity("fiscal_year_closure")
export class FiscalYearClosureEntity {
  @PrimaryColumn({ name: "owner_unit_id", type: "uuid" }) ownerUnitId: string;
  @PrimaryColumn({ name: "fiscal_year", type: "integer" }) fiscalYear: number;
  @Column({ name: "closed_by", type: "text" }) closedBy: string;
  @Column({ name: "closed_by_name", type: "text" }) closedByName: string;
  @Column({ name: "closed_at", type: "timestamptz" }) closedAt: Date;
}
