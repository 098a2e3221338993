import { Column, Entity, PrimaryColumn } from "typeorm";
import type { PrePostCertificate } from "../../domain/statistician";

/** `pre_post_certificate`: training's R7 fact, kept whatever order things arrive in (no foreign key). */
@Entity("pre_post_certificate")
export class PrePostCertificateEntity implements PrePostCertificate {
  @PrimaryColumn({ name: "certificate_id", type: "uuid" }) certificateId: string;
  @Column({ name: "certificate_number", type: "text" }) certificateNumber: string;
  @Column({ name: "statistician_id", type: "uuid" }) statisticianId: string;
  @Column({ name: "session_id", type: "uuid" }) sessionId: string;
  @Column({ name: "completed_on", type: "date" }) completedOn: string;
  @Column({ name: "is_sample", type: "boolean" }) isSample: boolean;
  @Column({ name: "received_at", type: "timestamptz" }) receivedAt: Date;
}
