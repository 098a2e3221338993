import type { RuleId } from "@grassroots/events/contracts";
import { Column, Entity, PrimaryColumn } from "typeorm";
import type {
  Finding,
  FindingStatus,
  Inspection,
  InspectionKind,
  Rectification,
  Severity,
} from "../../domain/supervision";

@Entity("inspection")
export class InspectionEntity implements Inspection {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "inspected_unit_id", type: "uuid" }) inspectedUnitId: string;
  @Column({ name: "inspection_date", type: "date" }) inspectionDate: string;
  @Column("text") kind: InspectionKind;
  @Column("text") inspector: string;
  @Column({ type: "text", nullable: true }) summary: string | null;
  @Column({ name: "recorded_by", type: "text" }) recordedBy: string;
  @Column({ name: "recorded_by_name", type: "text" }) recordedByName: string;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}

@Entity("finding")
export class FindingEntity implements Finding {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "inspection_id", type: "uuid" }) inspectionId: string;
  @Column({ name: "inspection_date", type: "date" }) inspectionDate: string;
  @Column("text") category: string;
  @Column("text") severity: Severity;
  @Column({ type: "text", nullable: true }) rule: RuleId | null;
  @Column("text") description: string;
  @Column("date") deadline: string;
  @Column({ name: "responsible_unit_id", type: "uuid" }) responsibleUnitId: string;
  @Column("text") status: FindingStatus;
  @Column({ name: "overdue_at", type: "timestamptz", nullable: true }) overdueAt: Date | null;
  @Column({ name: "escalated_at", type: "timestamptz", nullable: true }) escalatedAt: Date | null;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}

@Entity("rectification")
export class RectificationEntity implements Rectification {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "finding_id", type: "uuid" }) findingId: string;
  @Column("text") measures: string;
  @Column("text") evidence: string;
  @Column({ name: "submitted_on", type: "date" }) submittedOn: string;
  @Column({ name: "submitted_by", type: "text" }) submittedBy: string;
  @Column({ name: "submitted_by_name", type: "text" }) submittedByName: string;
  @Column({ type: "text", nullable: true }) decision: "ACCEPTED" | "REJECTED" | null;
  @Column({ name: "rejection_reason", type: "text", nullable: true }) rejectionReason: string | null;
  @Column({ name: "decided_by", type: "text", nullable: true }) decidedBy: string | null;
  @Column({ name: "decided_by_name", type: "text", nullable: true }) decidedByName: string | null;
  @Column({ name: "decided_at", type: "timestamptz", nullable: true }) decidedAt: Date | null;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
}
