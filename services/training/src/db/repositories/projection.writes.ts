import type { AssignmentStarted, EventData } from "@grassroots/events";
import type { EntityManager } from "typeorm";
import type { OrgUnitRef } from "../../domain/directory";

/**
 * Upserts of the projections, each guarded by the source's version: an event applies only when it is
 * newer than what the row holds, so redelivered, resent or out-of-order events change nothing.
 */

export async function projectOrgUnit(manager: EntityManager, u: OrgUnitRef): Promise<void> {
  await manager.query(
    `INSERT INTO org_unit (id, code, name, kind, parent_id, path, active, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind,
       parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, active = EXCLUDED.active, version = EXCLUDED.version,
       projected_at = now()
     WHERE org_unit.version < EXCLUDED.version`,
    [u.id, u.code, u.name, u.kind, u.parentId, u.path, u.active, u.version],
  );
}

export async function projectStatistician(
  manager: EntityManager,
  s: { statisticianId: string; name: string; version: number },
): Promise<void> {
  await manager.query(
    `INSERT INTO statistician (id, name, version) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version, projected_at = now()
     WHERE statistician.version < EXCLUDED.version`,
    [s.statisticianId, s.name, s.version],
  );
}

/** An assignment's state as personnel's assignment events carry it. */
export type AssignmentState = EventData<typeof AssignmentStarted>;

export async function projectAssignment(manager: EntityManager, a: AssignmentState): Promise<void> {
  await manager.query(
    `INSERT INTO statistician_assignment (id, statistician_id, org_unit_id, org_unit_path, role, status, start_date, end_date, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (id) DO UPDATE SET statistician_id = EXCLUDED.statistician_id, org_unit_id = EXCLUDED.org_unit_id,
       org_unit_path = EXCLUDED.org_unit_path, role = EXCLUDED.role, status = EXCLUDED.status,
       start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, version = EXCLUDED.version, projected_at = now()
     WHERE statistician_assignment.version < EXCLUDED.version`,
    [
      a.assignmentId,
      a.statisticianId,
      a.orgUnitId,
      a.orgUnitPath,
      a.role,
      a.status,
      a.startDate,
      a.endDate,
      a.version,
    ],
  );
}
