import { OrgUnitProjectionEntity, TypeOrmOrgUnitProjection } from "@grassroots/org-projection";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import { isUuid } from "@grassroots/kit/validation";
import type { OrgUnitStore } from "../../domain/ports";
import { byClientId } from "./client-ids";

/** The org projection inside a transaction: commands read a unit; organization's events write it. */
export class TypeOrmOrgUnitStore extends TypeOrmOrgUnitProjection implements OrgUnitStore {
  async get(id: string): Promise<OrgUnitProjection | undefined> {
    return byClientId(
      id,
      async () => (await this.manager.findOneBy(OrgUnitProjectionEntity, { id })) ?? undefined,
    );
  }

  many(given: readonly string[]): Promise<OrgUnitProjection[]> {
    const ids = given.filter(isUuid); // an id that is no UUID names no unit (see client-ids.ts)
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.id IN (:...ids)", { ids })
      .getMany();
  }

  below(path: string, kinds: readonly string[]): Promise<OrgUnitProjection[]> {
    return this.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.path LIKE :path || '%' AND u.path <> :path", { path })
      .andWhere("u.kind IN (:...kinds) AND u.active", { kinds })
      .orderBy("u.code")
      .getMany();
  }
}
