import { Column, Entity, PrimaryColumn } from "typeorm";
import type { MeetingKind, Problem, ProblemStatus, WorkMeeting } from "../../domain/meeting";

@Entity("work_meeting")
export class WorkMeetingEntity implements WorkMeeting {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "holder_unit_id", type: "uuid" }) holderUnitId: string;
  @Column({ name: "meeting_date", type: "date" }) meetingDate: string;
  @Column("text") kind: MeetingKind;
  @Column("text") chair: string;
  @Column({ type: "text", array: true }) topics: string[];
  @Column({ name: "studied_grassroots_statistics", type: "boolean" }) studiedGrassrootsStatistics: boolean;
  @Column({ name: "minutes_ref", type: "text", nullable: true }) minutesRef: string | null;
  @Column({ name: "recorded_by", type: "text" }) recordedBy: string;
  @Column({ name: "recorded_by_name", type: "text" }) recordedByName: string;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}

@Entity("meeting_problem")
export class MeetingProblemEntity implements Problem {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "meeting_id", type: "uuid" }) meetingId: string;
  @Column({ name: "meeting_date", type: "date" }) meetingDate: string;
  @Column("text") description: string;
  @Column({ name: "responsible_unit_id", type: "uuid" }) responsibleUnitId: string;
  @Column({ name: "responsible_person", type: "text", nullable: true }) responsiblePerson: string | null;
  @Column({ name: "due_date", type: "date" }) dueDate: string;
  @Column("text") status: ProblemStatus;
  @Column({ type: "text", nullable: true }) resolution: string | null;
  @Column({ type: "text", nullable: true }) evidence: string | null;
  @Column({ name: "resolved_on", type: "date", nullable: true }) resolvedOn: string | null;
  @Column({ name: "carried_from_id", type: "uuid", nullable: true }) carriedFromId: string | null;
  @Column({ name: "carried_to_id", type: "uuid", nullable: true }) carriedToId: string | null;
  @Column({ name: "overdue_at", type: "timestamptz", nullable: true }) overdueAt: Date | null;
  @Column("integer") version: number;
  @Column({ name: "created_at", type: "timestamptz" }) createdAt: Date;
  @Column({ name: "updated_at", type: "timestamptz" }) updatedAt: Date;
}
