import { Column, Entity, PrimaryColumn } from "typeorm";
import type { AssignmentStatuses, StatisticianRoles } from "@grassroots/events";

/** The projection of personnel's statisticians: the name, for messages (written by src/domain/reactions only). */
@Entity("statistician")
export class StatisticianProjection {
  @PrimaryColumn("uuid") id: string;
  @Column("text") name: string;
  @Column("integer") version: number;
}

/** The projection of personnel's posts: who serves where, since and until when. */
@Entity("statistician_assignment")
export class AssignmentProjection {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "statistician_id", type: "uuid" }) statisticianId: string;
  @Column({ name: "org_unit_id", type: "uuid" }) orgUnitId: string;
  /** The unit's path as the assignment event carried it; reads prefer the org projection's current one. */
  @Column({ name: "org_unit_path", type: "text" }) orgUnitPath: string;
  @Column("text") role: (typeof StatisticianRoles)[number];
  @Column("text") status: (typeof AssignmentStatuses)[number];
  @Column({ name: "start_date", type: "date" }) startDate: string;
  @Column({ name: "end_date", type: "date", nullable: true }) endDate: string | null;
  @Column("integer") version: number;
}
