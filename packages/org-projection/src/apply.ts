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

const COLUMNS = `id, code, name, kind, parent_id AS "parentId", path, depth, register_count AS "registerCount", active, version`;

/**
 * `applyOrgUnitState` for many units at once (distinct ids), in two statements whatever their
 * number: their rows locked and read (the `before`s), then one upsert guarded by the version. Each
 * unit's change, in the order given.
 */
export async function applyOrgUnitStates(
  manager: EntityManager,
  views: OrgUnitProjection[],
): Promise<OrgUnitChange[]> {
  if (!views.length) return [];
  const ids = views.map((v) => v.id);
  if (new Set(ids).size !== ids.length) throw new Error("applyOrgUnitStates takes each unit once");
  const rows: OrgUnitProjection[] = await manager.query(
    `SELECT ${COLUMNS} FROM org_unit WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  const before = new Map(rows.map((r) => [r.id, r]));
  const column = <K extends keyof OrgUnitProjection>(key: K) => views.map((v) => v[key]);
  const applied: { id: string }[] = await manager.query(
    `INSERT INTO org_unit AS u (id, code, name, kind, parent_id, path, depth, register_count, active, version)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[],
                          $7::smallint[], $8::int[], $9::boolean[], $10::int[])
     ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind,
       parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, depth = EXCLUDED.depth,
       register_count = EXCLUDED.register_count, active = EXCLUDED.active, version = EXCLUDED.version,
       projected_at = now()
     WHERE u.version < EXCLUDED.version
     RETURNING u.id`,
    [
      ids,
      column("code"),
      column("name"),
      column("kind"),
      column("parentId"),
      column("path"),
      column("depth"),
      column("registerCount"),
      column("active"),
      column("version"),
    ],
  );
  const newer = new Set(applied.map((r) => r.id));
  return views.map((v) => ({ applied: newer.has(v.id), before: before.get(v.id) }));
}

/** The port a service's domain transaction offers for the projection (`tx.units`). */
export interface OrgUnitProjectionWriter {
  apply(view: OrgUnitProjection): Promise<OrgUnitChange>;
  /** Many distinct units at once (`applyOrgUnitStates`); without it, a batch is applied one by one. */
  applyMany?(views: OrgUnitProjection[]): Promise<OrgUnitChange[]>;
}

/** The projection's writer over one transaction's manager (a service's store may extend it with reads). */
export class TypeOrmOrgUnitProjection implements OrgUnitProjectionWriter {
  constructor(protected readonly manager: EntityManager) {}

  apply(view: OrgUnitProjection): Promise<OrgUnitChange> {
    return applyOrgUnitState(this.manager, view);
  }

  applyMany(views: OrgUnitProjection[]): Promise<OrgUnitChange[]> {
    return applyOrgUnitStates(this.manager, views);
  }
}
