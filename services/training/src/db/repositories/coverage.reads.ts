import type { DataSource } from "typeorm";
import { COUNTY_KINDS, type OrgUnitRef } from "../../domain/directory";
import type { CoverageReads } from "../../domain/ports";
import type { TrainingSession } from "../../domain/training";
import {
  ATTENDED_RESULTS,
  CITY_KINDS_COUNTED,
  CITY_OBLIGATION,
  type BannerStaffCount,
  type YearWindow,
} from "../../rules/r6-yearly-training";
import { OrgUnitProjection } from "../entities/directory.entity";
import { TrainingSessionEntity } from "../entities/training.entity";
import { rawShape } from "../raw-rows";
import { IN_FORCE, POST_PATH } from "./directory";

/** R6 in SQL: the definitions (kinds, results, in-force posts) come from src/rules/r6-yearly-training.ts. */
export class SqlCoverageReads implements CoverageReads {
  constructor(private readonly dataSource: DataSource) {}

  async bannersFor(path: string, bannerId?: string): Promise<OrgUnitRef[]> {
    const unit = rawShape(this.dataSource, OrgUnitProjection);
    const rows = await this.dataSource.query(
      `SELECT ${unit.columns("u")} FROM org_unit u
        WHERE u.active AND u.kind = ANY($1::text[]) AND (u.path LIKE $2 || '%' OR $2 LIKE u.path || '%')
          AND ($3::uuid IS NULL OR u.id = $3::uuid)
        ORDER BY u.code`,
      [COUNTY_KINDS, path, bannerId ?? null],
    );
    return rows.map(unit.map);
  }

  async cityObligationSessions(cityId: string, window: YearWindow): Promise<TrainingSession[]> {
    const session = rawShape(this.dataSource, TrainingSessionEntity);
    const rows = await this.dataSource.query(
      `SELECT ${session.columns("s")} FROM training_session s
        WHERE s.organizer_unit_id = $1 AND s.kind = $2 AND s.audience = $3 AND s.status = $4
          AND s.end_date BETWEEN $5::date AND $6::date
        ORDER BY s.start_date, s.id`,
      [cityId, CITY_OBLIGATION.kind, CITY_OBLIGATION.audience, CITY_OBLIGATION.status, window.from, window.to],
    );
    return rows.map(session.map);
  }

  /**
   * Staff: distinct people with a post in force on the as-of date whose unit lies in the banner (its
   * id is the 2nd on the unit's path) and inside `withinPath`. Attended: those of them with a PASSED or
   * FAILED result at a COMPLETED session of the year, organised by their banner or by the city as
   * COMPREHENSIVE. One statement for every banner.
   */
  async bannerCounts(banners: readonly OrgUnitRef[], withinPath: string, window: YearWindow): Promise<BannerStaffCount[]> {
    if (banners.length === 0) return [];
    return this.dataSource.query(
      `WITH b AS (SELECT u.id, split_part(u.path, '/', 1) AS city_id FROM org_unit u WHERE u.id = ANY($1::uuid[])),
       staff AS (
         SELECT DISTINCT b.id AS banner_id, b.city_id, a.statistician_id
           FROM statistician_assignment a
           LEFT JOIN org_unit u ON u.id = a.org_unit_id
           JOIN b ON b.id::text = split_part(${POST_PATH("a", "u")}, '/', 2)
          WHERE ${POST_PATH("a", "u")} LIKE $2 || '%' AND ${IN_FORCE("a", "$3::date")}),
       attended AS (
         SELECT DISTINCT st.banner_id, st.statistician_id
           FROM staff st
           JOIN training_enrollment e ON e.statistician_id = st.statistician_id AND e.status = 'ENROLLED' AND e.result = ANY($4::text[])
           JOIN training_session s ON s.id = e.session_id AND s.status = 'COMPLETED' AND s.end_date BETWEEN $5::date AND $6::date
          WHERE s.organizer_unit_id = st.banner_id OR (s.organizer_unit_id::text = st.city_id AND s.kind = ANY($7::text[])))
       SELECT b.id AS "bannerId",
              (SELECT count(*)::int FROM staff WHERE staff.banner_id = b.id) AS staff,
              (SELECT count(*)::int FROM attended WHERE attended.banner_id = b.id) AS attended,
              (SELECT count(*)::int FROM training_session s
                WHERE s.organizer_unit_id = b.id AND s.status = 'COMPLETED' AND s.end_date BETWEEN $5::date AND $6::date) AS "ownSessionsCompleted"
         FROM b`,
      [banners.map((b) => b.id), withinPath, window.asOf, ATTENDED_RESULTS, window.from, window.to, CITY_KINDS_COUNTED],
    );
  }
}
