import { OrgUnitProjectionEntity, TypeOrmOrgUnitProjection } from "@grassroots/org-projection";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { OrgUnitStore } from "../../domain/ports";

/** The org projection inside a transaction: commands read a unit; organization's events write it. */
export class TypeOrmOrgUnitStore extends TypeOrmOrgUnitProjection implements OrgUnitStore {
  async get(id: string): Promise<OrgUnitProjection | undefined> {
    return (await this.manager.findOneBy(OrgUnitProjectionEntity, { id })) ?? undefined;
  }
}
