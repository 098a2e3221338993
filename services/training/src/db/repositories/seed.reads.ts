import type { DataSource } from "typeorm";
import { ORGANIZER_KINDS, type OrgUnitRef } from "../../domain/directory";
import type { SeedReads, StaffMember } from "../../domain/ports";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import { POST_PATH } from "./post.sql";

export class SqlSeedReads implements SeedReads {
  constructor(private readonly dataSource: DataSource) {}

  async projectionCounts(): Promise<{ units: number; statisticians: number; assignments: number }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM org_unit) AS units, (SELECT count(*)::int FROM statistician) AS statisticians,
              (SELECT count(*)::int FROM statistician_assignment) AS assignments`,
    );
    return row;
  }

  bureaus(): Promise<OrgUnitRef[]> {
    return this.dataSource
      .getRepository(OrgUnitProjectionEntity)
      .createQueryBuilder("u")
      .where("u.active AND u.kind IN (:...kinds)", { kinds: ORGANIZER_KINDS })
      .orderBy("u.parent_id IS NULL", "DESC")
      .addOrderBy("u.code")
      .getMany();
  }

  staff(): Promise<StaffMember[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (a.statistician_id) a.statistician_id AS "statisticianId",
              split_part(${POST_PATH("a", "u")}, '/', 1) AS "cityId", split_part(${POST_PATH("a", "u")}, '/', 2) AS "bannerId", coalesce(u.kind, '') AS "unitKind", a.role, a.status
         FROM statistician_assignment a LEFT JOIN org_unit u ON u.id = a.org_unit_id
        WHERE a.status <> 'ENDED'
        ORDER BY a.statistician_id, a.start_date, a.id`,
    );
  }

  async existingSessions(ids: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id::text AS id FROM training_session WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => r.id);
  }
}
