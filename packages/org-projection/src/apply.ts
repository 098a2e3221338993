import type { EntityManager } from "typeorm";
import { OrgUnitProjectionEntity } from "./entity";
import type { OrgUnitProjection } from "./units";

/** What applying a unit's state did: whether it was newer, and the row as it was before. */
export interface OrgUnitChange {
  applied: boolean;
  before: OrgUnitProjection | undefined;
}

/**
 * Keeps the newer state of a unit, inside the caller's (inbox) transaction: the row is locked, then
 * an upsert guarded by the version replaces it only when the state is newer. A redelivered or late
 * event (version not newer) changes nothing.
 */
export async function applyOrgUnitState(
  manager: EntityManager,
  view: OrgUnitProjection,
): Promise<OrgUnitChange> {
  const row = await manager
    .createQueryBuilder(OrgUnitProjectionEntity, "u")
    .where("u.id = :id", { id: view.id })
    .setLock("pessimistic_write")
    .getOne();
  const before = row ? { ...row } : undefined;
  const applied: unknown[] = await manager.query(
    `INSERT INTO org_unit AS u (id, code, name, kind, parent_id, path, depth, register_count, active, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind,
       parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, depth = EXCLUDED.depth,
       register_count = EXCLUDED.register_count, active = EXCLUDED.active, version = EXCLUDED.version,
       projected_at = now()
     WHERE u.version < EXCLUDED.version
     RETURNING u.id`,
    [
      view.id,
      view.code,
      view.name,
      view.kind,
      view.parentId,
      view.path,
      view.depth,
      view.registerCount,
      view.active,
      view.version,
    ],
  );
  return { applied: applied.length > 0, before };
}

/** The port a service's domain transaction offers for the projection (`tx.units`). */
export interface OrgUnitProjectionWriter {
  apply(view: OrgUnitProjection): Promise<OrgUnitChange>;
}

/** The projection's writer over one transaction's manager (a service's store may extend it with reads). */
export class TypeOrmOrgUnitProjection implements OrgUnitProjectionWriter {
  constructor(protected readonly manager: EntityManager) {}

  apply(view: OrgUnitProjection): Promise<OrgUnitChange> {
    return applyOrgUnitState(this.manager, view);
  }
}
