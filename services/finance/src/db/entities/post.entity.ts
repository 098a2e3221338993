import { Column, Entity, PrimaryColumn } from "typeorm";

/** Personnel's post assignments as finance projects them (R10's "holds a post in that unit on that date"). */
@Entity("post_assignment")
export class PostAssignmentEntity {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "statistician_id", type: "uuid" }) statisticianId: string;
  @Column({ name: "org_unit_id", type: "uuid" }) orgUnitId: string;
  @Column("text") role: string;
  @Column("text") status: string;
  @Column({ name: "start_date", type: "date" }) startDate: string;
  @Column({ name: "end_date", type: "date", nullable: true }) endDate: string | null;
  @Column("integer") version: number;
  @Column({ name: "projected_at", type: "timestamptz" }) projectedAt: Date;
}
