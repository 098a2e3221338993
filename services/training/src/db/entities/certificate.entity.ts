import { Column, Entity, PrimaryColumn } from "typeorm";
import type { Certificate } from "../../domain/training";

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

/** The last certificate number of an organizer's year (written by one upsert per certificate). */
@Entity("certificate_counter")
export class CertificateCounterEntity {
  @PrimaryColumn({ name: "organizer_unit_id", type: "uuid" }) organizerUnitId: string;
  @PrimaryColumn("integer") year: number;
  @Column({ name: "last_seq", type: "integer" }) lastSeq: number;
}
