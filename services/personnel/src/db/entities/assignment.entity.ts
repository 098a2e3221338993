import { Column, Entity, PrimaryColumn } from "typeorm";
import type {
  AssignmentStatus,
  EstablishmentStatus,
  PostAssignment,
  StatisticianRole,
} from "../../domain/assignment";

/** `post_assignment` (migration Personnel1764300000000, names from ActorNames1764400000000). */
@Entity("post_assignment")
export class PostAssignmentEntity implements PostAssignment {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "statistician_id", type: "uuid" }) statisticianId: string;
  @Column({ name: "org_unit_id", type: "uuid" }) orgUnitId: string;
  @Column("text") role: StatisticianRole;
  @Column("text") establishment: EstablishmentStatus;
  @Column("text") status: AssignmentStatus;
  @Column({ name: "start_date", type: "date" }) startDate: string;
  @Column({ name: "end_date", type: "date", nullable: true }) endDate: string | null;
  @Column({ name: "end_reason", type: "text", nullable: true }) endReason: string | null;
  @Column({ name: "certificate_id", type: "uuid", nullable: true }) certificateId: string | null;
  @Column({ name: "activated_at", type: "timestamptz", nullable: true }) activatedAt: Date | null;
  @Column("integer") version: number;
  @Column({ name: "created_by", type: "text" }) createdBy: string;
  @Column({ name: "created_by_name", type: "text", nullable: true }) createdByName: string | null;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}
