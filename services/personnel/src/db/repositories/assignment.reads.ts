import type { DataSource } from "typeorm";
import type { AssignmentStatus, PostAssignment } from "../../domain/assignment";
import type { AssignmentReads, PageRequest, Scope, UnitStatisticianPages } from "../../domain/ports";
import { PostAssignmentEntity } from "../entities/assignment.entity";
import { StatisticianEntity } from "../entities/statistician.entity";
import { personalDataCipher } from "../personal-data";
import { pattern } from "./area.sql";
import { pickColumns, selectColumns } from "./entity-columns";
import { StatisticianRows, type StatisticianRow } from "./statistician.rows";

/** Posts, scoped by their unit: each method is ONE SQL statement. */
export class SqlAssignmentReads implements AssignmentReads {
  constructor(private readonly dataSource: DataSource) {}

  assignments(ids: readonly string[], scope: Scope): Promise<PostAssignment[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT ${selectColumns(this.dataSource, PostAssignmentEntity, "a")} FROM post_assignment a JOIN org_unit u ON u.id = a.org_unit_id
        WHERE a.id = ANY($1) AND u.path LIKE $2`,
      [[...ids], pattern(scope)],
    );
  }

  async unitStatisticians(
    orgUnitIds: readonly string[],
    statuses: readonly AssignmentStatus[],
    scope: Scope,
    page: PageRequest,
  ): Promise<UnitStatisticianPages> {
    if (orgUnitIds.length === 0) return { rows: [], totals: new Map() };
    const ds = this.dataSource;
    // One statement for every unit: totals over all matching posts, then a page per unit after the cursor.
    const found: Record<string, unknown>[] = await ds.query(
      `SELECT * FROM (
         SELECT x.*, row_number() OVER (PARTITION BY x."a_orgUnitId" ORDER BY x."a_startDate", x."a_id") AS rn
           FROM (SELECT ${selectColumns(ds, PostAssignmentEntity, "a", "a_")}, ${selectColumns(ds, StatisticianEntity, "s", "s_")},
                        count(*) OVER (PARTITION BY a.org_unit_id)::int AS total
                   FROM post_assignment a
                   JOIN statistician s ON s.id = a.statistician_id
                   JOIN org_unit u ON u.id = a.org_unit_id
                  WHERE a.org_unit_id = ANY($1) AND a.status = ANY($2) AND u.path LIKE $3) x
          WHERE $4::uuid IS NULL
             OR (x."a_startDate", x."a_id") > (SELECT c.start_date::text, c.id FROM post_assignment c WHERE c.id = $4::uuid)
       ) y WHERE y.rn <= $5
       ORDER BY y."a_orgUnitId", y.rn`,
      [[...orgUnitIds], [...statuses], pattern(scope), page.afterId ?? null, page.first + 1],
    );
    const totals = new Map<string, number>();
    const rows = new StatisticianRows(personalDataCipher(ds));
    for (const row of found) totals.set(row.a_orgUnitId as string, row.total as number);
    return {
      rows: found.map((row) => ({
        orgUnitId: row.a_orgUnitId as string,
        assignment: pickColumns<PostAssignment>(ds, PostAssignmentEntity, row, "a_"),
        statistician: rows.toStatistician(pickColumns<StatisticianRow>(ds, StatisticianEntity, row, "s_")),
      })),
      totals,
    };
  }
}
