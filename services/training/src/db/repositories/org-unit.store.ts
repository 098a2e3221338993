import type { EntityManager } from "typeorm";
import type { OrgUnitRef } from "../../domain/directory";
import type { OrgUnitStore } from "../../domain/ports";
import { OrgUnitProjection } from "../entities/org-unit.entity";

/** The org projection inside a transaction: a command reads a unit; the reaction to org-unit events writes it. */
export class TypeOrmOrgUnitStore implements OrgUnitStore {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<OrgUnitRef | undefined> {
    return (await this.manager.findOneBy(OrgUnitProjection, { id })) ?? undefined;
  }

  /** Upsert guarded by the source's version: only a newer state applies (redelivered, resent or late events change nothing). */
  async apply(u: OrgUnitRef): Promise<void> {
    await this.manager.query(
      `INSERT INTO org_unit (id, code, name, kind, parent_id, path, active, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind,
         parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, active = EXCLUDED.active, version = EXCLUDED.version,
         projected_at = now()
       WHERE org_unit.version < EXCLUDED.version`,
      [u.id, u.code, u.name, u.kind, u.parentId, u.path, u.active, u.version],
    );
  }
}
