import { OrgUnitProjectionEntity, TypeOrmOrgUnitProjection } from "@grassroots/org-projection";
import type { OrgUnitRef } from "../../domain/directory";
import type { OrgUnitStore } from "../../domain/ports";

/**
 * The org projection inside a transaction: a command reads a unit; organization's org-unit events
 * write it through the shared projection's version-guarded upsert (@grassroots/org-projection).
 */
export class TypeOrmOrgUnitStore extends TypeOrmOrgUnitProjection implements OrgUnitStore {
  async get(id: string): Promise<OrgUnitRef | undefined> {
    return (await this.manager.findOneBy(OrgUnitProjectionEntity, { id })) ?? undefined;
  }
}
