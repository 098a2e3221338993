import {
  OrgUnitProjectionEntity,
  TypeOrmOrgUnitProjection,
  type OrgUnitProjection,
} from "@grassroots/org-projection";
import type { ProjectedUnitStore } from "../../domain/ports";

/**
 * The org-unit projection inside one transaction: @grassroots/org-projection's writer (the
 * version-guarded upsert), with the look-ups personnel's commands need.
 */
export class TypeOrmProjectedUnits extends TypeOrmOrgUnitProjection implements ProjectedUnitStore {
  async get(id: string): Promise<OrgUnitProjection | undefined> {
    return (await this.manager.findOneBy(OrgUnitProjectionEntity, { id })) ?? undefined;
  }

  async getMany(ids: readonly string[]): Promise<OrgUnitProjection[]> {
    if (ids.length === 0) return [];
    return this.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.id = ANY(:ids)", { ids: [...new Set(ids)] })
      .getMany();
  }

  async byCodes(codes: readonly string[]): Promise<OrgUnitProjection[]> {
    if (codes.length === 0) return [];
    return this.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.code = ANY(:codes)", { codes: [...codes] })
      .getMany();
  }
}
