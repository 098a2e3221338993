import type { DataSource } from "typeorm";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { OrgUnitReads, Scope } from "../../domain/ports";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import { homePattern, pattern } from "./area.sql";
import { selectColumns } from "./entity-columns";

/** The projected units, scoped: each method is ONE SQL statement. */
export class SqlOrgUnitReads implements OrgUnitReads {
  constructor(private readonly dataSource: DataSource) {}

  private get columns() {
    return selectColumns(this.dataSource, OrgUnitProjectionEntity, "u");
  }

  units(ids: readonly string[], scope: Scope): Promise<OrgUnitProjection[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT ${this.columns} FROM org_unit u WHERE u.id = ANY($1) AND u.path LIKE $2`,
      [[...ids], pattern(scope)],
    );
  }

  unitsVisibleToHome(ids: readonly string[], homeUnitId: string): Promise<OrgUnitProjection[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT ${this.columns} FROM org_unit u WHERE u.id = ANY($1) AND u.path LIKE ${homePattern("$2")}`,
      [[...ids], homeUnitId],
    );
  }

  projectedUnits(): Promise<OrgUnitProjection[]> {
    return this.dataSource.query(`SELECT ${this.columns} FROM org_unit u ORDER BY u.code`, []);
  }
}
