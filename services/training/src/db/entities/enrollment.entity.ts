import { Column, Entity, PrimaryColumn, type ValueTransformer } from "typeorm";
import type { Enrollment, EnrollmentStatus, TrainingResult } from "../../domain/training";

/** numeric(4,1) arrives from pg as text: hours and scores have one decimal, exact in a JS number for display. */
const decimal: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity("training_enrollment")
export class EnrollmentEntity implements Enrollment {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "session_id", type: "uuid" }) sessionId: string;
  @Column({ name: "statistician_id", type: "uuid" }) statisticianId: string;
  @Column("text") status: EnrollmentStatus;
  @Column({ name: "enrolled_at", type: "timestamptz" }) enrolledAt: Date;
  @Column({ name: "enrolled_by", type: "text" }) enrolledBy: string;
  @Column({ name: "enrolled_by_name", type: "text", nullable: true }) enrolledByName: string | null;
  @Column({ name: "withdrawn_at", type: "timestamptz", nullable: true }) withdrawnAt: Date | null;
  @Column({ name: "withdrawn_by", type: "text", nullable: true }) withdrawnBy: string | null;
  @Column({ name: "withdrawn_by_name", type: "text", nullable: true }) withdrawnByName: string | null;
  @Column({ name: "withdrawal_reason", type: "text", nullable: true }) withdrawalReason: string | null;
  @Column({ name: "hours_attended", type: "numeric", nullable: true, transformer: decimal }) hoursAttended:
    number | null;
  @Column({ type: "text", nullable: true }) result: TrainingResult | null;
  @Column({ type: "numeric", nullable: true, transformer: decimal }) score: number | null;
  @Column({ name: "result_recorded_at", type: "timestamptz", nullable: true }) resultRecordedAt: Date | null;
  @Column({ name: "result_recorded_by", type: "text", nullable: true }) resultRecordedBy: string | null;
  @Column({ name: "result_recorded_by_name", type: "text", nullable: true }) resultRecordedByName:
    string | null;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}
