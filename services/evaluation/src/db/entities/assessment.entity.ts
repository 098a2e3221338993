import { Column, Entity, PrimaryColumn } from "typeorm";
import type {
  Assessment,
  AssessmentAdjustment,
  AssessmentResult,
  AssessmentStatus,
  IndicatorScore,
  ResultSet,
} from "../../domain/assessment";
import type { MetricValue } from "../../rules/r12-metrics";

@Entity("assessment")
export class AssessmentEntity implements Assessment {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "scheme_version_id", type: "uuid" }) schemeVersionId: string;
  @Column({ name: "subject_unit_id", type: "uuid" }) subjectUnitId: string;
  @Column("integer") revision: number;
  @Column({ name: "supersedes_id", type: "uuid", nullable: true }) supersedesId: string | null;
  @Column({ name: "correction_reason", type: "text", nullable: true }) correctionReason: string | null;
  @Column("boolean") superseded: boolean;
  @Column("text") status: AssessmentStatus;
  @Column({ name: "scored_at", type: "timestamptz", nullable: true }) scoredAt: Date | null;
  @Column({ name: "reviewed_by", type: "text", nullable: true }) reviewedBy: string | null;
  @Column({ name: "reviewed_by_name", type: "text", nullable: true }) reviewedByName: string | null;
  @Column({ name: "reviewed_at", type: "timestamptz", nullable: true }) reviewedAt: Date | null;
  @Column({ name: "published_at", type: "timestamptz", nullable: true }) publishedAt: Date | null;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}

@Entity("assessment_score")
export class AssessmentScoreEntity implements IndicatorScore {
  @PrimaryColumn({ name: "assessment_id", type: "uuid" }) assessmentId: string;
  @PrimaryColumn({ name: "indicator_code", type: "text" }) indicatorCode: string;
  @Column("text") kind: "MANUAL" | "AUTO";
  @Column("integer") points: number;
  @Column({ type: "integer", nullable: true }) score: number | null;
  @Column({ name: "metric_value", type: "integer", nullable: true }) metricValue: number | null;
  @Column({ type: "jsonb", nullable: true }) figures: MetricValue["figures"] | null;
  @Column({ type: "text", nullable: true }) evidence: string | null;
  @Column({ type: "text", nullable: true }) comment: string | null;
  @Column({ name: "scored_by", type: "text" }) scoredBy: string;
  @Column({ name: "scored_by_name", type: "text" }) scoredByName: string;
  @Column({ name: "scored_at", type: "timestamptz" }) scoredAt: Date;
}

@Entity("assessment_adjustment")
export class AssessmentAdjustmentEntity implements AssessmentAdjustment {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "assessment_id", type: "uuid" }) assessmentId: string;
  @Column({ name: "item_code", type: "text" }) itemCode: string;
  @Column("integer") points: number;
  @Column("text") reason: string;
  @Column({ name: "recorded_by", type: "text" }) recordedBy: string;
  @Column({ name: "recorded_by_name", type: "text" }) recordedByName: string;
  @Column({ name: "recorded_at", type: "timestamptz" }) recordedAt: Date;
}

@Entity("assessment_result_set")
export class ResultSetEntity implements ResultSet {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "scheme_version_id", type: "uuid" }) schemeVersionId: string;
  @Column("integer") revision: number;
  @Column({ name: "supersedes_id", type: "uuid", nullable: true }) supersedesId: string | null;
  @Column({ type: "text", nullable: true }) reason: string | null;
  @Column({ name: "published_at", type: "timestamptz" }) publishedAt: Date;
  @Column({ name: "published_by", type: "text" }) publishedBy: string;
  @Column({ name: "published_by_name", type: "text" }) publishedByName: string;
}

@Entity("assessment_result")
export class AssessmentResultEntity implements AssessmentResult {
  @PrimaryColumn({ name: "result_set_id", type: "uuid" }) resultSetId: string;
  @PrimaryColumn({ name: "subject_unit_id", type: "uuid" }) subjectUnitId: string;
  @Column({ name: "assessment_id", type: "uuid" }) assessmentId: string;
  @Column("integer") total: number;
  @Column("integer") rank: number;
  @Column({ type: "text", nullable: true }) grade: string | null;
}
