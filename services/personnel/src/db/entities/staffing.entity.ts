import { Column, Entity, PrimaryColumn } from "typeorm";
import type { RequirementResult } from "../../rules/staffing-requirement";

/** `staffing_status`: the last staffing compliance published for each unit (a flip is announced once). */
@Entity("staffing_status")
export class StaffingStatusEntity {
  @PrimaryColumn({ name: "org_unit_id", type: "uuid" }) orgUnitId: string;
  @Column("boolean") compliant: boolean;
  @Column("jsonb") gaps: RequirementResult[];
  @Column({ name: "changed_at", type: "timestamptz" }) changedAt: Date;
}
