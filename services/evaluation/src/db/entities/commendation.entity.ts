import { Column, Entity, PrimaryColumn } from "typeorm";
import type {
  Commendation,
  CommendationKind,
  CommendationQuota,
  CommendationStatus,
} from "../../domain/commendation";

@Entity("commendation_quota")
export class CommendationQuotaEntity implements CommendationQuota {
  @PrimaryColumn("integer") year: number;
  @PrimaryColumn({ name: "banner_unit_id", type: "uuid" }) bannerUnitId: string;
  @PrimaryColumn("text") kind: CommendationKind;
  @Column({ name: "max_count", type: "integer", nullable: true }) maxCount: number | null;
  @Column({ name: "max_share", type: "integer", nullable: true }) maxShare: number | null;
  @Column({ name: "set_by", type: "text" }) setBy: string;
  @Column({ name: "set_by_name", type: "text" }) setByName: string;
  @Column("integer") version: number;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}

@Entity("commendation")
export class CommendationEntity implements Commendation {
  @PrimaryColumn("uuid") id: string;
  @Column("integer") year: number;
  @Column("text") kind: CommendationKind;
  @Column({ name: "banner_unit_id", type: "uuid" }) bannerUnitId: string;
  @Column({ name: "nominee_unit_id", type: "uuid" }) nomineeUnitId: string;
  @Column({ name: "statistician_id", type: "uuid", nullable: true }) statisticianId: string | null;
  @Column({ name: "assessment_id", type: "uuid", nullable: true }) assessmentId: string | null;
  @Column("text") citation: string;
  @Column("text") status: CommendationStatus;
  @Column({ name: "recommended_by", type: "text" }) recommendedBy: string;
  @Column({ name: "recommended_by_name", type: "text" }) recommendedByName: string;
  @Column({ name: "decided_by", type: "text", nullable: true }) decidedBy: string | null;
  @Column({ name: "decided_by_name", type: "text", nullable: true }) decidedByName: string | null;
  @Column({ name: "decided_at", type: "timestamptz", nullable: true }) decidedAt: Date | null;
  @Column({ name: "rejection_reason", type: "text", nullable: true }) rejectionReason: string | null;
  @Column({ name: "published_at", type: "timestamptz", nullable: true }) publishedAt: Date | null;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}
