import { Column, Entity, PrimaryColumn, type ValueTransformer } from "typeorm";
import type {
  Audience,
  Certificate,
  Enrollment,
  EnrollmentStatus,
  SessionStatus,
  TrainingKind,
  TrainingResult,
  TrainingSession,
} from "../../domain/training";

/** numeric(4,1) arrives from pg as text: hours and scores have one decimal, exact in a JS number for display. */
const decimal: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

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

@Entity("training_certificate")
export class CertificateEntity implements Certificate {
  @PrimaryColumn("uuid") id: string;
  @Column("text") number: string;
  @Column({ name: "organizer_unit_id", type: "uuid" }) organizerUnitId: string;
  @Column("integer") year: number;
  @Column("integer") seq: number;
  @Column({ name: "enrollment_id", type: "uuid" }) enrollmentId: string;
  @Column({ name: "session_id", type: "uuid" }) sessionId: string;
  @Column({ name: "statistician_id", type: "uuid" }) statisticianId: string;
  @Column("text") kind: "PRE_POST";
  @Column({ name: "completed_on", type: "date" }) completedOn: string;
  @Column({ name: "issued_by", type: "text" }) issuedBy: string;
  @Column({ name: "issued_by_name", type: "text", nullable: true }) issuedByName: string | null;
  @Column({ name: "issued_at", type: "timestamptz" }) issuedAt: Date;
}
