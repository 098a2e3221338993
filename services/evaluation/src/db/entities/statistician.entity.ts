import { Column, Entity, PrimaryColumn } from "typeorm";

/** personnel's people (name only) and posts, as evaluation's projection keeps them. */
@Entity("statistician")
export class StatisticianProjection {
  @PrimaryColumn("uuid") id: string;
  @Column("text") name: string;
  @Column("integer") version: number;
  @Column({ name: "projected_at", type: "timestamptz" }) projectedAt: Date;
}

@Entity("statistician_assignment")
export class AssignmentProjection {
  @PrimaryColumn("uuid") id: string;
  @Column({ name: "statistician_id", type: "uuid" }) statisticianId: string;
  @Column({ name: "org_unit_id", type: "uuid" }) orgUnitId: string;
  @Column({ name: "org_unit_path", type: "text" }) orgUnitPath: string;
  @Column("text") status: "PENDING_TRAINING" | "ACTIVE" | "ENDED";
  @Column({ name: "start_date", type: "date" }) startDate: string;
  @Column({ name: "end_date", type: "date", nullable: true }) endDate: string | null;
  @Column("integer") version: number;
  @Column({ name: "projected_at", type: "timestamptz" }) projectedAt: Date;
}
