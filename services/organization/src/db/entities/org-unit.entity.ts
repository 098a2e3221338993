import { Column, Entity, PrimaryColumn } from "typeorm";
import type { OrgUnit, OrgUnitKind } from "../../domain/org-unit";

@Entity("org_unit")
export class OrgUnitEntity implements OrgUnit {
  @PrimaryColumn("uuid") id: string;
  @Column({ type: "char", length: 12, unique: true }) code: string;
  @Column("text") name: string;
  @Column("text") kind: OrgUnitKind;
  @Column({ name: "parent_id", type: "uuid", nullable: true }) parentId: string | null;
  @Column("text") path: string;
  @Column("smallint") depth: number;
  @Column({ name: "post_established", type: "boolean", default: false }) postEstablished: boolean;
  @Column({ name: "post_established_on", type: "date", nullable: true }) postEstablishedOn: string | null;
  @Column({ name: "register_count", type: "integer", nullable: true }) registerCount: number | null;
  @Column({ name: "register_as_of", type: "date", nullable: true }) registerAsOf: string | null;
  @Column({ name: "is_sample", type: "boolean", default: false }) isSample: boolean;
  @Column({ type: "boolean", default: true }) active: boolean;
  @Column({ name: "deactivated_at", type: "timestamptz", nullable: true }) deactivatedAt: Date | null;
  @Column({ name: "deactivated_by", type: "text", nullable: true }) deactivatedBy: string | null;
  @Column({ name: "deactivated_by_name", type: "text", nullable: true }) deactivatedByName: string | null;
  @Column({ name: "deactivation_reason", type: "text", nullable: true }) deactivationReason: string | null;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}

@Entity("register_count_history")
export class RegisterCountEntity {
  @PrimaryColumn({ type: "bigint", generated: "increment" }) id: string;
  @Column({ name: "org_unit_id", type: "uuid" }) orgUnitId: string;
  @Column("integer") count: number;
  @Column({ name: "as_of", type: "date" }) asOf: string;
  @Column({ name: "recorded_by", type: "text" }) recordedBy: string;
  @Column({ name: "recorded_by_name", type: "text", nullable: true }) recordedByName: string | null;
  @Column({ name: "recorded_at", type: "timestamptz" }) recordedAt: Date;
}
