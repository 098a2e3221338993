import type { EntityManager } from "typeorm";
import type { RecordedCompliance, StaffingStatusStore } from "../../domain/ports";
import type { RequirementResult } from "../../rules/staffing-requirement";
import { StaffingStatusEntity } from "../entities/staffing.entity";

/** The last staffing compliance published per unit, inside one transaction. */
export class TypeOrmStaffingStatusStore implements StaffingStatusStore {
  constructor(private readonly manager: EntityManager) {}

  async recorded(orgUnitIds: readonly string[]): Promise<Map<string, RecordedCompliance>> {
    if (orgUnitIds.length === 0) return new Map();
    const rows = await this.manager
      .createQueryBuilder(StaffingStatusEntity, "st")
      .where("st.org_unit_id = ANY(:ids)", { ids: [...orgUnitIds] })
      .setLock("pessimistic_write")
      .getMany();
    return new Map(rows.map((r) => [r.orgUnitId, { compliant: r.compliant }]));
  }

  async record(orgUnitId: string, compliant: boolean, gaps: RequirementResult[]): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(StaffingStatusEntity)
      .values({ orgUnitId, compliant, gaps, changedAt: () => "now()" })
      .orUpdate(["compliant", "gaps", "changed_at"], ["org_unit_id"])
      .execute();
  }
}
