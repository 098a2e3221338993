import type { DataSource } from "typeorm";
import type { OrgUnitView } from "../../domain/org-unit";
import type { OrgUnitReads, Scope } from "../../domain/ports";
import { OrgUnitEntity } from "../entities/org-unit.entity";
import { homePattern, pattern } from "./area.sql";
import { selectColumns } from "./entity-columns";

/** The projected units, scoped: each method is ONE SQL statement. */
export class SqlOrgUnitReads implements OrgUnitReads {
  constructor(private readonly dataSource: DataSource) {}

  private get columns() {
    return selectColumns(this.dataSource, OrgUnitEntity, "u");
  }

  units(ids: readonly string[], scope: Scope): Promise<OrgUnitView[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT ${this.columns} FROM org_unit u WHERE u.id = ANY($1) AND u.path LIKE $2`,
      [[...ids], pattern(scope)],
    );
  }

  unitsVisibleToHome(ids: readonly string[], homeUnitId: string): Promise<OrgUnitView[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT ${this.columns} FROM org_unit u WHERE u.id = ANY($1) AND u.path LIKE ${homePattern("$2")}`,
      [[...ids], homeUnitId],
    );
  }

  projectedUnits(): Promise<OrgUnitView[]> {
    return this.dataSource.query(`SELECT ${this.columns} FROM org_unit u ORDER BY u.code`, []);
  }
}
