import type { OrgUnitKind } from "@grassroots/org-projection/units";
import { Column, Entity, PrimaryColumn } from "typeorm";
import type { AssessmentScheme, SchemeDefinition } from "../../domain/scheme";

/** One version of an assessment scheme (never updated). */
@Entity("assessment_scheme")
export class AssessmentSchemeEntity implements AssessmentScheme {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "scheme_id", type: "uuid" }) schemeId: string;
  @Column("integer") version: number;
  @Column({ name: "owner_unit_id", type: "uuid" }) ownerUnitId: string;
  @Column("text") name: string;
  @Column("integer") year: number;
  @Column({ name: "subject_kinds", type: "text", array: true }) subjectKinds: OrgUnitKind[];
  @Column({ name: "cut_off_date", type: "date" }) cutOffDate: string;
  @Column("jsonb") definition: SchemeDefinition;
  @Column({ name: "is_sample", type: "boolean" }) isSample: boolean;
  @Column({ name: "created_by", type: "text" }) createdBy: string;
  @Column({ name: "created_by_name", type: "text" }) createdByName: string;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
}
