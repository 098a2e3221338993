import { Column, Entity, PrimaryColumn } from "typeorm";
import type { Audience, SessionStatus, TrainingKind, TrainingSession } from "../../domain/training";

@Entity("training_session")
export class TrainingSessionEntity implements TrainingSession {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "organizer_unit_id", type: "uuid" }) organizerUnitId: string;
  @Column("text") kind: TrainingKind;
  @Column("text") title: string;
  @Column("text") audience: Audience;
  @Column({ name: "start_date", type: "date" }) startDate: string;
  @Column({ name: "end_date", type: "date" }) endDate: string;
  @Column("integer") hours: number;
  @Column({ type: "text", nullable: true }) place: string | null;
  @Column("boolean") online: boolean;
  @Column("integer") capacity: number;
  @Column("text") status: SessionStatus;
  @Column({ name: "planned_by", type: "text" }) plannedBy: string;
  @Column({ name: "planned_by_name", type: "text", nullable: true }) plannedByName: string | null;
  @Column({ name: "opened_at", type: "timestamptz", nullable: true }) openedAt: Date | null;
  @Column({ name: "opened_by", type: "text", nullable: true }) openedBy: string | null;
  @Column({ name: "opened_by_name", type: "text", nullable: true }) openedByName: string | null;
  @Column({ name: "completed_at", type: "timestamptz", nullable: true }) completedAt: Date | null;
  @Column({ name: "completed_by", type: "text", nullable: true }) completedBy: string | null;
  @Column({ name: "completed_by_name", type: "text", nullable: true }) completedByName: string | null;
  @Column({ name: "cancelled_at", type: "timestamptz", nullable: true }) cancelledAt: Date | null;
  @Column({ name: "cancelled_by", type: "text", nullable: true }) cancelledBy: string | null;
  @Column({ name: "cancelled_by_name", type: "text", nullable: true }) cancelledByName: string | null;
  @Column({ name: "cancellation_reason", type: "text", nullable: true }) cancellationReason: string | null;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}
