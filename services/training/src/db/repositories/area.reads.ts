import type { DataSource } from "typeorm";
import type { OrgUnitRef } from "../../domain/directory";
import type { AreaReads } from "../../domain/ports";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import { homeScope, statisticianInScope, unitInScope } from "./scope.sql";

/**
 * Whether other services' entities (a Statistician, an OrgUnit reached as a reference) lie in the
 * caller's area: training's fields on them are null outside it. Computed from the caller's home unit
 * in the same statement, as every reference is (one statement per batch).
 */
export class SqlAreaReads implements AreaReads {
  constructor(private readonly dataSource: DataSource) {}

  async statisticians(ids: readonly string[], homeUnitId: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT x.id::text AS id FROM unnest($1::uuid[]) AS x(id) WHERE ${statisticianInScope("x.id", homeScope("$2"))}`,
      [ids, homeUnitId],
    );
    return rows.map((r) => r.id);
  }

  units(ids: readonly string[], homeUnitId: string): Promise<OrgUnitRef[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.id IN (:...ids)", { ids })
      .andWhere(unitInScope("u", homeScope(":home")), { home: homeUnitId })
      .getMany();
  }
}
