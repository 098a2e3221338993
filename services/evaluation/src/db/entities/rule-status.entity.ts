import type { RuleId, RuleStatusValue } from "@grassroots/events/contracts";
import { Column, Entity, PrimaryColumn } from "typeorm";
import type { RuleStatusRow } from "../../domain/rule-status";

/** One rule's latest result for a subject and period (written by the version-guarded upsert in the store). */
@Entity("rule_status")
export class RuleStatusEntity implements RuleStatusRow {
  @PrimaryColumn("text") rule: RuleId;
  @PrimaryColumn({ name: "subject_unit_id", type: "uuid" }) subjectUnitId: string;
  @PrimaryColumn({ name: "period_key", type: "text", insert: false, update: false }) periodKey: string;
  @Column({ name: "subject_unit_path", type: "text" }) subjectUnitPath: string;
  @Column({ type: "text", nullable: true }) period: string | null;
  @Column("text") status: RuleStatusValue;
  @Column("jsonb") figures: Record<string, number | string | boolean | null>;
  @Column("text") reason: string;
  @Column("timestamptz") since: Date;
  @Column({ name: "as_of", type: "timestamptz" }) asOf: Date;
  @Column({ name: "projected_at", type: "timestamptz" }) projectedAt: Date;
}

/** Every result received (R12's metrics at a cut-off date read it). */
@Entity("rule_status_history")
export class RuleStatusHistoryEntity {
  @PrimaryColumn("text") rule: string;
  @PrimaryColumn({ name: "subject_unit_id", type: "uuid" }) subjectUnitId: string;
  @PrimaryColumn({ name: "period_key", type: "text" }) periodKey: string;
  @PrimaryColumn({ name: "as_of", type: "timestamptz" }) asOf: Date;
  @Column({ name: "subject_unit_path", type: "text" }) subjectUnitPath: string;
  @Column("text") status: string;
}
