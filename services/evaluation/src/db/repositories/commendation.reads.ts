import type { DataSource } from "typeorm";
import type { Commendation } from "../../domain/commendation";
import type { CommendationReads, Scope } from "../../domain/ports";
import { CommendationEntity } from "../entities/commendation.entity";

/** Published commendations are public; the others are seen in the nominating banner's area (and the city's). */
const VISIBLE = `(c.status = 'PUBLISHED' OR EXISTS (SELECT 1 FROM org_unit b WHERE b.id = c.banner_unit_id AND b.path LIKE :scope || '%'))`;

/** Commendations by unit or person, one statement per batch. */
export class SqlCommendationReads implements CommendationReads {
  constructor(private readonly dataSource: DataSource) {}

  ofUnits(unitIds: readonly string[], scope: Scope): Promise<Commendation[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(CommendationEntity, "c")
      .where("c.nominee_unit_id IN (:...unitIds) AND c.kind = 'UNIT'", { unitIds })
      .andWhere(VISIBLE, { scope })
      .orderBy("c.year", "DESC")
      .addOrderBy("c.id")
      .getMany();
  }

  ofStatisticians(ids: readonly string[], scope: Scope): Promise<Commendation[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(CommendationEntity, "c")
      .where("c.statistician_id IN (:...ids)", { ids })
      .andWhere(VISIBLE, { scope })
      .orderBy("c.year", "DESC")
      .addOrderBy("c.id")
      .getMany();
  }
}
