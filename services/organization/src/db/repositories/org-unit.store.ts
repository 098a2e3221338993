import type { EntityManager } from "typeorm";
import type { NewOrgUnit, OrgUnit, OrgUnitPatch } from "../../domain/org-unit";
import type { OrgUnitStore } from "../../domain/ports";
import { OrgUnitEntity, RegisterCountEntity } from "../entities/org-unit.entity";

/** Org unit writes inside one transaction (the manager belongs to it). */
export class TypeOrmOrgUnitStore implements OrgUnitStore {
  constructor(private readonly manager: EntityManager) {}

  private get qb() {
    return this.manager.createQueryBuilder(OrgUnitEntity, "u");
  }

  async get(id: string): Promise<OrgUnit | undefined> {
    return (await this.manager.findOneBy(OrgUnitEntity, { id })) ?? undefined;
  }

  async lock(id: string): Promise<OrgUnit | undefined> {
    return (await this.qb.where("u.id = :id", { id }).setLock("pessimistic_write").getOne()) ?? undefined;
  }

  async getByCode(code: string): Promise<OrgUnit | undefined> {
    return (await this.manager.findOneBy(OrgUnitEntity, { code })) ?? undefined;
  }

  idTaken(id: string): Promise<boolean> {
    return this.manager.existsBy(OrgUnitEntity, { id });
  }

  async insert(unit: NewOrgUnit): Promise<OrgUnit> {
    await this.manager.insert(OrgUnitEntity, { ...unit, version: 1, active: true });
    return (await this.get(unit.id))!;
  }

  update(id: string, patch: OrgUnitPatch): Promise<OrgUnit> {
    return this.write(id, patch);
  }

  relocate(id: string, change: { parentId: string | null; code: string; path: string }): Promise<OrgUnit> {
    return this.write(id, change);
  }

  /** Every write bumps the version (optimistic locking) and updated_at. */
  private async write(id: string, values: Partial<OrgUnit>): Promise<OrgUnit> {
    await this.manager
      .createQueryBuilder()
      .update(OrgUnitEntity)
      .set({ ...values, version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return (await this.get(id))!;
  }

  countActiveChildren(id: string): Promise<number> {
    return this.manager.countBy(OrgUnitEntity, { parentId: id, active: true });
  }

  lockDescendants(path: string): Promise<OrgUnit[]> {
    return this.qb
      .where("u.path LIKE :prefix AND u.path <> :path", { prefix: `${path}%`, path })
      .orderBy("u.depth")
      .addOrderBy("u.code")
      .setLock("pessimistic_write")
      .getMany();
  }

  async codesWithPrefixOutside(prefix: string, path: string): Promise<string[]> {
    const rows: { code: string }[] = await this.manager.query(
      `SELECT code FROM org_unit WHERE code LIKE $1 AND path NOT LIKE $2 ORDER BY code LIMIT 5`,
      [`${prefix}%`, `${path}%`],
    );
    return rows.map((r) => r.code);
  }

  async addRegisterCount(entry: {
    orgUnitId: string;
    count: number;
    asOf: string;
    recordedBy: string;
    recordedByName: string;
  }): Promise<void> {
    await this.manager.insert(RegisterCountEntity, entry);
  }
}
