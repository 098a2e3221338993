import type { DataSource } from "typeorm";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import type { OrgUnitRef } from "../../domain/ports";
import type { SeedReads, SeedUnits } from "../../domain/seed/seed";

/** What the seed reads: how full the projections are, the cities, banners and a few villages with posts. */
export class SqlSeedReads implements SeedReads {
  constructor(private readonly dataSource: DataSource) {}

  async counts() {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM org_unit)::int AS units, (SELECT count(*) FROM post_assignment)::int AS posts,
              (SELECT count(*) FROM subsidy_claim)::int AS claims`,
    )) as { units: number; posts: number; claims: number }[];
    return row;
  }

  /** The active cities. */
  cities(): Promise<OrgUnitRef[]> {
    return this.dataSource.manager.find(OrgUnitProjectionEntity, {
      where: { active: true, kind: "CITY" },
      order: { code: "ASC" },
    });
  }

  /** How many active cities there are, and how many have their assessment of the year here (from evaluation's events). */
  async cityResults(year: number): Promise<{ cities: number; withResults: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS cities,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assessment_result_set r WHERE r.owner_unit_id = u.id AND r.year = $1))::int AS "withResults"
         FROM org_unit u WHERE u.active AND u.kind = 'CITY'`,
      [year],
    )) as { cities: number; withResults: number }[];
    return row;
  }

  async units(villagesPerBanner: number): Promise<SeedUnits> {
    const m = this.dataSource.manager;
    const all = await m
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .where("u.active AND u.kind IN ('CITY', 'BANNER', 'DISTRICT')")
      .orderBy("u.code")
      .getMany();
    const rows = (await this.dataSource.query(
      `SELECT v.id::text AS unit_id, split_part(v.path, '/', 2) AS banner_id, a.statistician_id::text AS statistician_id,
              a.start_date::text AS start_date
         FROM (SELECT u.*, row_number() OVER (PARTITION BY split_part(u.path, '/', 2) ORDER BY u.code) AS n
                 FROM org_unit u
                WHERE u.active AND u.kind IN ('VILLAGE', 'COMMUNITY', 'GACHA')
                  AND EXISTS (SELECT 1 FROM post_assignment p WHERE p.org_unit_id = u.id AND p.status <> 'ENDED' AND p.end_date IS NULL)) v
         JOIN post_assignment a ON a.org_unit_id = v.id AND a.status <> 'ENDED' AND a.end_date IS NULL
        WHERE v.n <= $1
        ORDER BY v.code, a.statistician_id`,
      [villagesPerBanner],
    )) as { unit_id: string; banner_id: string; statistician_id: string; start_date: string }[];
    const units = rows.length
      ? await m
          .createQueryBuilder(OrgUnitProjectionEntity, "u")
          .where("u.id IN (:...ids)", { ids: [...new Set(rows.map((r) => r.unit_id))] })
          .getMany()
      : [];
    return {
      cities: all.filter((u) => u.kind === "CITY"),
      banners: all.filter((u) => u.kind !== "CITY"),
      villages: units.map((unit) => ({
        unit,
        bannerId: rows.find((r) => r.unit_id === unit.id)!.banner_id,
        posts: rows
          .filter((r) => r.unit_id === unit.id)
          .map((r) => ({ statisticianId: r.statistician_id, startDate: r.start_date })),
      })),
    };
  }
}
