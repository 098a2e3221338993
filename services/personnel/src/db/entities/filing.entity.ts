import { Column, Entity, PrimaryColumn } from "typeorm";
import type {
  Filing,
  FilingChange,
  FilingDetails,
  FilingRoute,
  FilingStatus,
  FilingStep,
  FilingStepName,
} from "../../domain/filing";

/** `filing` (migration Personnel1764300000000, names from ActorNames1764400000000). */
@Entity("filing")
export class FilingEntity implements Filing {
  @PrimaryColumn("uuid") id: string;
  @Column("text") change: FilingChange;
  @Column({ name: "statistician_id", type: "uuid" }) statisticianId: string;
  @Column({ name: "assignment_id", type: "uuid" }) assignmentId: string;
  @Column({ name: "org_unit_id", type: "uuid" }) orgUnitId: string;
  @Column({ name: "org_unit_path", type: "text" }) orgUnitPath: string;
  @Column({ name: "banner_id", type: "uuid" }) bannerId: string;
  @Column({ name: "township_id", type: "uuid", nullable: true }) townshipId: string | null;
  @Column("text") route: FilingRoute;
  @Column("text") status: FilingStatus;
  @Column("jsonb") details: FilingDetails;
  @Column({ name: "submitted_on", type: "date" }) submittedOn: string;
  @Column({ name: "submitted_by", type: "text" }) submittedBy: string;
  @Column({ name: "submitted_by_name", type: "text", nullable: true }) submittedByName: string | null;
  @Column({ name: "submitted_at", type: "timestamptz" }) submittedAt: Date;
  @Column({ name: "forwarded_by", type: "text", nullable: true }) forwardedBy: string | null;
  @Column({ name: "forwarded_by_name", type: "text", nullable: true }) forwardedByName: string | null;
  @Column({ name: "forwarded_at", type: "timestamptz", nullable: true }) forwardedAt: Date | null;
  @Column({ name: "decided_by", type: "text", nullable: true }) decidedBy: string | null;
  @Column({ name: "decided_by_name", type: "text", nullable: true }) decidedByName: string | null;
  @Column({ name: "decided_at", type: "timestamptz", nullable: true }) decidedAt: Date | null;
  @Column({ name: "return_reason", type: "text", nullable: true }) returnReason: string | null;
  @Column("integer") version: number;
}

/** `filing_step`: a filing's history, append-only (a trigger refuses UPDATE and DELETE). */
@Entity("filing_step")
export class FilingStepEntity implements FilingStep {
  @PrimaryColumn({ type: "bigint", generated: "increment" }) id: string;
  @Column({ name: "filing_id", type: "uuid" }) filingId: string;
  @Column("text") step: FilingStepName;
  @Column({ name: "from_status", type: "text", nullable: true }) fromStatus: FilingStatus | null;
  @Column({ name: "to_status", type: "text" }) toStatus: FilingStatus;
  @Column("text") actor: string;
  @Column({ name: "actor_name", type: "text", nullable: true }) actorName: string | null;
  @Column("timestamptz") at: Date;
  @Column({ type: "text", nullable: true }) note: string | null;
}
