import type { EntityManager } from "typeorm";
import type { Scope, StatisticianStore } from "../../domain/ports";
import type { NewStatistician, Statistician, StatisticianPatch } from "../../domain/statistician";
import { StatisticianEntity } from "../entities/statistician.entity";
import { pattern, statisticianVisible } from "./area.sql";
import { definedOnly } from "./entity-columns";

/** Statistician writes inside one transaction (the manager belongs to it). */
export class TypeOrmStatisticianStore implements StatisticianStore {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<Statistician | undefined> {
    return (await this.manager.findOneBy(StatisticianEntity, { id })) ?? undefined;
  }

  async lock(id: string): Promise<Statistician | undefined> {
    return (
      (await this.manager
        .createQueryBuilder(StatisticianEntity, "s")
        .where("s.id = :id", { id })
        .setLock("pessimistic_write")
        .getOne()) ?? undefined
    );
  }

  async idNumberHolder(idNumber: string): Promise<Statistician | undefined> {
    return (await this.manager.findOneBy(StatisticianEntity, { idNumber })) ?? undefined;
  }

  async byIdNumbers(
    idNumbers: readonly string[],
    scope: Scope,
  ): Promise<{ statistician: Statistician; visible: boolean }[]> {
    if (idNumbers.length === 0) return [];
    const { entities, raw } = await this.manager
      .createQueryBuilder(StatisticianEntity, "s")
      .addSelect(statisticianVisible(":pattern"), "visible")
      .where("s.id_number = ANY(:idNumbers)", { idNumbers: [...idNumbers], pattern: pattern(scope) })
      .getRawAndEntities();
    const visible = new Map(raw.map((r: { s_id: string; visible: boolean }) => [r.s_id, r.visible]));
    return entities.map((statistician) => ({ statistician, visible: visible.get(statistician.id) === true }));
  }

  async insert(s: NewStatistician): Promise<Statistician> {
    await this.manager.insert(StatisticianEntity, { ...s, version: 1 });
    return (await this.get(s.id))!;
  }

  /** Every write bumps the version (optimistic locking) and updated_at. */
  async update(id: string, patch: StatisticianPatch): Promise<Statistician> {
    await this.manager
      .createQueryBuilder()
      .update(StatisticianEntity)
      .set({ ...definedOnly(patch), version: () => "version + 1", updatedAt: () => "now()" })
      .where("id = :id", { id })
      .execute();
    return (await this.get(id))!;
  }

  async visibleFrom(id: string, scope: Scope): Promise<boolean> {
    const rows = await this.manager.query(
      `SELECT 1 FROM statistician s WHERE s.id = $1 AND ${statisticianVisible("$2")}`,
      [id, pattern(scope)],
    );
    return rows.length > 0;
  }
}
