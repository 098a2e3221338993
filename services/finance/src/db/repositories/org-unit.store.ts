import { OrgUnitProjectionEntity, TypeOrmOrgUnitProjection } from "@grassroots/org-projection";
import type { OrgUnitRef, OrgUnitStore } from "../../domain/ports";

/** The org projection inside a transaction: commands read a unit; organization's events write it (the shared upsert). */
export class TypeOrmOrgUnitStore extends TypeOrmOrgUnitProjection implements OrgUnitStore {
  async get(id: string): Promise<OrgUnitRef | undefined> {
    return (await this.manager.findOneBy(OrgUnitProjectionEntity, { id })) ?? undefined;
  }

  countyUnitsOf(cityUnitId: string): Promise<OrgUnitRef[]> {
    return this.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.parent_id = :city", { city: cityUnitId })
      .andWhere("u.kind IN ('BANNER', 'DISTRICT')")
      .andWhere("u.active")
      .orderBy("u.code")
      .getMany();
  }
}
