import type { EntityManager } from "typeorm";
import type { OrgUnitView } from "../../domain/org-unit";
import type { OrgUnitProjection } from "../../domain/ports";
import { OrgUnitEntity } from "../entities/org-unit.entity";

/** The org-unit projection inside one transaction (written only by organization's events). */
export class TypeOrmOrgUnitProjection implements OrgUnitProjection {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<OrgUnitView | undefined> {
    return (await this.manager.findOneBy(OrgUnitEntity, { id })) ?? undefined;
  }

  async getMany(ids: readonly string[]): Promise<OrgUnitView[]> {
    if (ids.length === 0) return [];
    return this.manager
      .createQueryBuilder(OrgUnitEntity, "u")
      .where("u.id = ANY(:ids)", { ids: [...new Set(ids)] })
      .getMany();
  }

  async apply(state: OrgUnitView): Promise<{ applied: boolean; before: OrgUnitView | undefined }> {
    const before =
      (await this.manager
        .createQueryBuilder(OrgUnitEntity, "u")
        .where("u.id = :id", { id: state.id })
        .setLock("pessimistic_write")
        .getOne()) ?? undefined;
    // An upsert guarded by the version (only a newer state replaces what is held): one statement in SQL.
    const applied = await this.manager.query(
      `INSERT INTO org_unit AS u (id, code, name, kind, parent_id, path, depth, register_count, active, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind,
         parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, depth = EXCLUDED.depth,
         register_count = EXCLUDED.register_count, active = EXCLUDED.active, version = EXCLUDED.version, received_at = now()
       WHERE u.version < EXCLUDED.version
       RETURNING u.id`,
      [
        state.id,
        state.code,
        state.name,
        state.kind,
        state.parentId,
        state.path,
        state.depth,
        state.registerCount,
        state.active,
        state.version,
      ],
    );
    return { applied: applied.length > 0, before };
  }
}
