import type { EntityManager } from "typeorm";
import type { RecordedCompliance, StaffingRecord, StaffingStatusStore } from "../../domain/ports";
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

  /** One upsert for all of them (a consumer batch's units), stamped with the transaction's time. */
  async recordAll(changes: readonly StaffingRecord[]): Promise<void> {
    if (changes.length === 0) return;
    await this.manager.query(
      `INSERT INTO staffing_status (org_unit_id, compliant, gaps, changed_at)
       SELECT c.id, c.compliant, c.gaps::jsonb, now()
         FROM unnest($1::uuid[], $2::boolean[], $3::text[]) AS c(id, compliant, gaps)
       ON CONFLICT (org_unit_id) DO UPDATE SET
         compliant = EXCLUDED.compliant, gaps = EXCLUDED.gaps, changed_at = EXCLUDED.changed_at`,
      [
        changes.map((c) => c.orgUnitId),
        changes.map((c) => c.compliant),
        changes.map((c) => JSON.stringify(c.gaps)),
      ],
    );
  }
}
