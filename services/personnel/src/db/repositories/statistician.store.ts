import type { EntityManager } from "typeorm";
import type { Scope, StatisticianStore } from "../../domain/ports";
import type { NewStatistician, Statistician, StatisticianPatch } from "../../domain/statistician";
import { StatisticianEntity } from "../entities/statistician.entity";
import { personalDataCipher } from "../personal-data";
import { pattern, statisticianVisible } from "./area.sql";
import { definedOnly } from "./entity-columns";
import { StatisticianRows } from "./statistician.rows";

/**
 * Statistician writes inside one transaction (the manager belongs to it). The ID number and phone are
 * stored encrypted; the ID number is unique and found by its keyed hash (statistician.rows.ts).
 */
export class TypeOrmStatisticianStore implements StatisticianStore {
  private readonly rows: StatisticianRows;

  constructor(private readonly manager: EntityManager) {
    this.rows = new StatisticianRows(personalDataCipher(manager));
  }

  private opened(row: StatisticianEntity | null): Statistician | undefined {
    return row ? this.rows.toStatistician(row) : undefined;
  }

  async allIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(`SELECT id FROM statistician ORDER BY id`);
    return rows.map((r) => r.id);
  }

  async get(id: string): Promise<Statistician | undefined> {
    return this.opened(await this.manager.findOneBy(StatisticianEntity, { id }));
  }

  async lock(id: string): Promise<Statistician | undefined> {
    return this.opened(
      await this.manager
        .createQueryBuilder(StatisticianEntity, "s")
        .where("s.id = :id", { id })
        .setLock("pessimistic_write")
        .getOne(),
    );
  }

  async idNumberHolder(idNumber: string): Promise<Statistician | undefined> {
    const idNumberHash = this.rows.idNumberHash(idNumber);
    return this.opened(await this.manager.findOneBy(StatisticianEntity, { idNumberHash }));
  }

  async byIdNumbers(
    idNumbers: readonly string[],
    scope: Scope,
  ): Promise<{ statistician: Statistician; visible: boolean }[]> {
    if (idNumbers.length === 0) return [];
    const { entities, raw } = await this.manager
      .createQueryBuilder(StatisticianEntity, "s")
      .addSelect(statisticianVisible(":pattern"), "visible")
      .where("s.id_number_hash = ANY(:hashes)", {
        hashes: idNumbers.map((n) => this.rows.idNumberHash(n)),
        pattern: pattern(scope),
      })
      .getRawAndEntities();
    const visible = new Map(raw.map((r: { s_id: string; visible: boolean }) => [r.s_id, r.visible]));
    return entities.map((row) => ({
      statistician: this.rows.toStatistician(row),
      visible: visible.get(row.id) === true,
    }));
  }

  async insert(s: NewStatistician): Promise<Statistician> {
    const { idNumber, phone, ...rest } = s;
    await this.manager.insert(StatisticianEntity, {
      ...rest,
      ...this.rows.sealIdNumber(s.id, idNumber),
      phoneCipher: this.rows.sealPhone(s.id, phone),
      version: 1,
    });
    return (await this.get(s.id))!;
  }

  /** Every write bumps the version (optimistic locking) and updated_at. */
  async update(id: string, patch: StatisticianPatch): Promise<Statistician> {
    const { phone, ...rest } = definedOnly(patch);
    const sealed = phone === undefined ? {} : { phoneCipher: this.rows.sealPhone(id, phone) };
    await this.manager
      .createQueryBuilder()
      .update(StatisticianEntity)
      .set({ ...rest, ...sealed, version: () => "version + 1", updatedAt: () => "now()" })
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
