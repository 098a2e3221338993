import type { DataSource } from "typeorm";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { Scope, StaffingReads, UnitWithCounts } from "../../domain/ports";
import { OrgUnitProjectionEntity, pathUnder } from "@grassroots/org-projection";
import { pattern } from "./area.sql";
import { pickColumns, selectColumns } from "./entity-columns";
import { countsOf, STAFF_COUNT_COLUMNS, STAFF_COUNTS_LATERAL } from "./staff-counts.sql";

/** Units with their staff counts (R3, R4), set-wise: each method is ONE SQL statement. */
export class SqlStaffingReads implements StaffingReads {
  constructor(private readonly dataSource: DataSource) {}

  private query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(sql, params);
  }

  private withCounts = (row: Record<string, unknown>): UnitWithCounts => ({
    unit: pickColumns<OrgUnitProjection>(this.dataSource, OrgUnitProjectionEntity, row, ""),
    counts: countsOf(row as Record<string, number>),
  });

  async unitsWithCounts(ids: readonly string[], scope: Scope): Promise<UnitWithCounts[]> {
    if (ids.length === 0) return [];
    const rows = await this.query(
      `SELECT ${selectColumns(this.dataSource, OrgUnitProjectionEntity, "u")}, ${STAFF_COUNT_COLUMNS} FROM org_unit u ${STAFF_COUNTS_LATERAL}
        WHERE u.id = ANY($1) AND u.path LIKE $2`,
      [[...ids], pattern(scope)],
    );
    return rows.map(this.withCounts);
  }

  async bannerUnits(
    bannerId: string,
    scope: Scope,
    kinds: readonly string[],
  ): Promise<{ banner: OrgUnitProjection | undefined; units: UnitWithCounts[] }> {
    // The banner row first (depth 1, zero counts), then its units in scope with counts, in code order.
    // pathUnder: the banner's subtree as an index range (a LIKE on b.path would scan every unit).
    const rows = await this.query(
      `WITH b AS (SELECT * FROM org_unit WHERE id = $1 AND depth = 1)
       SELECT ${selectColumns(this.dataSource, OrgUnitProjectionEntity, "u")}, ${STAFF_COUNT_COLUMNS}
         FROM b JOIN org_unit u ON ${pathUnder("u.path", "b.path")}
         ${STAFF_COUNTS_LATERAL}
        WHERE u.id = b.id OR (u.path LIKE $2 AND u.active AND u.kind = ANY($3))
        ORDER BY u.depth <> 1, u.code`,
      [bannerId, pattern(scope), [...kinds]],
    );
    const [first, ...rest] = rows.map(this.withCounts);
    if (!first || first.unit.id !== bannerId) return { banner: undefined, units: [] };
    return { banner: first.unit, units: rest };
  }
}
