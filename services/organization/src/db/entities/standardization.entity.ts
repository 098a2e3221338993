import { Column, Entity, PrimaryColumn } from "typeorm";
import type { AssessmentResult, ItemGroup, ItemStatus } from "../../domain/standardization";

@Entity("standardization_standard")
export class StandardEntity {
  @PrimaryColumn("uuid") id: string;
  @Column("text") code: string;
  @Column("integer") version: number;
  @Column("text") title: string;
  @Column("text") source: string;
  @Column({ name: "effective_from", type: "date" }) effectiveFrom: string;
  @Column({ name: "is_sample", type: "boolean" }) isSample: boolean;
}

@Entity("standard_item")
export class StandardItemEntity {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "standard_id", type: "uuid" }) standardId: string;
  @Column("integer") ordinal: number;
  @Column({ name: "item_group", type: "text" }) group: ItemGroup;
  @Column("text") code: string;
  @Column({ name: "name_zh", type: "text" }) nameZh: string;
  @Column({ name: "name_en", type: "text" }) nameEn: string;
  @Column({ type: "text", nullable: true }) description: string | null;
}

@Entity("standardization_assessment")
export class AssessmentEntity {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "org_unit_id", type: "uuid" }) orgUnitId: string;
  @Column({ name: "standard_id", type: "uuid" }) standardId: string;
  @Column({ name: "assessed_on", type: "date" }) assessedOn: string;
  @Column({ name: "assessed_by", type: "text" }) assessedBy: string;
  @Column({ name: "assessed_by_name", type: "text", nullable: true }) assessedByName: string | null;
  @Column("text") result: AssessmentResult;
  @Column({ name: "items_met", type: "integer" }) itemsMet: number;
  @Column({ name: "items_total", type: "integer" }) itemsTotal: number;
  @Column({ name: "recognition_batch", type: "integer", nullable: true }) recognitionBatch: number | null;
  @Column({ name: "recognition_year", type: "integer", nullable: true }) recognitionYear: number | null;
  @Column({ name: "recognized_by", type: "text", nullable: true }) recognizedBy: string | null;
  @Column({ name: "recognized_by_name", type: "text", nullable: true }) recognizedByName: string | null;
  @Column({ name: "recognized_at", type: "timestamptz", nullable: true }) recognizedAt: Date | null;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  /** Filled by queries that join the standard (innerJoinAndMapOne); not a column. */
  standard?: StandardEntity;
}

@Entity("assessment_item")
export class AssessmentItemEntity {
  @PrimaryColumn({ name: "assessment_id", type: "uuid" }) assessmentId: string;
  @PrimaryColumn({ name: "standard_item_id", type: "uuid" }) itemId: string;
  @Column("text") status: ItemStatus;
  @Column({ type: "text", default: "" }) evidence: string;
}
