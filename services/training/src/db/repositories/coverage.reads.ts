import { byKey, groupBy } from "@grassroots/kit";
import type { EntityManager } from "typeorm";
import { COUNTY_KINDS, type OrgUnitRef } from "../../domain/directory";
import type { BannerInSubtree, BannerScope, CoverageReads } from "../../domain/ports";
import type { TrainingSession } from "../../domain/training";
import {
  CITY_OBLIGATION,
  R6_ATTENDED,
  R6_STAFF,
  type BannerStaffCount,
  type YearWindow,
} from "../../rules/r6-yearly-training";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import { TrainingSessionEntity } from "../entities/session.entity";
import { POST_PATH } from "./post.sql";

/** R6_STAFF in SQL: post `a` in force on `asOf` (`ended`: the parameter holding R6_STAFF.endedStatus). */
const staffPostInForce = (a: string, asOf: string, ended: string) =>
  `(${a}.start_date <= ${asOf} AND (${a}.end_date IS NULL OR ${a}.end_date >= ${asOf}) AND (${a}.status <> ${ended} OR ${a}.end_date IS NOT NULL))`;

/**
 * R6 in SQL: the definitions (kinds, results, in-force posts) come from src/rules/r6-yearly-training.ts.
 * Every read takes a list (of scopes, cities, pairs) as arrays and answers it in one statement. Over an
 * EntityManager: the DataSource's for the API, a transaction's for the rule-status check (R6 results
 * computed in the transaction that publishes them).
 */
export class SqlCoverageReads implements CoverageReads {
  constructor(private readonly manager: EntityManager) {}

  async bannersFor(scopes: readonly BannerScope[]): Promise<OrgUnitRef[][]> {
    const { entities, raw } = await this.manager
      .createQueryBuilder(OrgUnitProjectionEntity, "u")
      .innerJoin(
        "(SELECT * FROM unnest(:paths::text[], :banners::uuid[]) WITH ORDINALITY AS p(path, banner_id, i))",
        "p",
        "(u.path LIKE p.path || '%' OR p.path LIKE u.path || '%') AND (p.banner_id IS NULL OR u.id = p.banner_id)",
      )
      .addSelect("p.i::int", "scope")
      .where("u.active AND u.kind IN (:...kinds)", { kinds: COUNTY_KINDS })
      .setParameters({ paths: scopes.map((s) => s.path), banners: scopes.map((s) => s.bannerId ?? null) })
      .orderBy("p.i")
      .addOrderBy("u.code")
      .getRawAndEntities<{ scope: number; u_id: string }>();
    const units = new Map(entities.map((u) => [u.id, u]));
    return groupBy(
      scopes.map((_, i) => i + 1),
      raw,
      (row) => row.scope,
    ).map((group) => group.map((row) => units.get(row.u_id)!));
  }

  cityObligationSessions(cityIds: readonly string[], window: YearWindow): Promise<TrainingSession[]> {
    return this.manager
      .createQueryBuilder(TrainingSessionEntity, "s")
      .where("s.organizer_unit_id IN (:...cityIds)", { cityIds })
      .andWhere("s.kind = :kind AND s.audience = :audience AND s.status = :status", CITY_OBLIGATION)
      .andWhere("s.end_date BETWEEN :from AND :to", { from: window.from, to: window.to })
      .orderBy("s.start_date")
      .addOrderBy("s.id")
      .getMany();
  }

  /**
   * Per (banner, subtree) pair — staff: distinct people with a post in force on the as-of date whose
   * unit lies in the banner (its id is the 2nd on the unit's path) and inside the subtree; attended:
   * those of them with a PASSED or FAILED result at a COMPLETED session of the year, organised by the
   * banner or by its city as COMPREHENSIVE.
   * Aggregated with GROUP BY and an uncorrelated IN (a hash built once), not per-pair subqueries:
   * those rescanned the staff once per banner.
   */
  async bannerCounts(pairs: readonly BannerInSubtree[], window: YearWindow): Promise<BannerStaffCount[]> {
    if (pairs.length === 0) return [];
    const rows: (BannerStaffCount & { pair: number })[] = await this.manager.query(
      `WITH pair AS (
         SELECT p.i, p.banner_id, p.within, split_part(b.path, '/', 1)::uuid AS city_id
           FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS p(banner_id, within, i)
           JOIN org_unit b ON b.id = p.banner_id),
       staff AS (
         SELECT DISTINCT pair.i, a.statistician_id
           FROM statistician_assignment a
           LEFT JOIN org_unit u ON u.id = a.org_unit_id
           JOIN pair ON pair.banner_id::text = split_part(${POST_PATH("a", "u")}, '/', 2) AND ${POST_PATH("a", "u")} LIKE pair.within || '%'
          WHERE ${staffPostInForce("a", "$3::date", "$8")}),
       attended AS (
         SELECT DISTINCT pair.i, e.statistician_id
           FROM pair
           JOIN training_session s ON (s.organizer_unit_id = pair.banner_id OR (s.organizer_unit_id = pair.city_id AND s.kind = ANY($7::text[])))
            AND s.status = $9 AND s.end_date BETWEEN $5::date AND $6::date
           JOIN training_enrollment e ON e.session_id = s.id AND e.status = $10 AND e.result = ANY($4::text[])),
       counted AS (
         SELECT st.i, count(*)::int AS staff,
                count(*) FILTER (WHERE (st.i, st.statistician_id) IN (SELECT i, statistician_id FROM attended))::int AS attended
           FROM staff st GROUP BY st.i),
       own AS (
         SELECT s.organizer_unit_id, count(*)::int AS n FROM training_session s
          WHERE s.status = $9 AND s.end_date BETWEEN $5::date AND $6::date
          GROUP BY s.organizer_unit_id)
       SELECT pair.i::int AS pair, pair.banner_id AS "bannerId", coalesce(c.staff, 0) AS staff, coalesce(c.attended, 0) AS attended,
              coalesce(own.n, 0) AS "ownSessionsCompleted"
         FROM pair LEFT JOIN counted c ON c.i = pair.i LEFT JOIN own ON own.organizer_unit_id = pair.banner_id`,
      [
        pairs.map((p) => p.bannerId),
        pairs.map((p) => p.withinPath),
        window.asOf,
        R6_ATTENDED.results,
        window.from,
        window.to,
        R6_ATTENDED.cityKinds,
        R6_STAFF.endedStatus,
        R6_ATTENDED.sessionStatus,
        R6_ATTENDED.enrollmentStatus,
      ],
    );
    // One count per pair, in order; a banner no longer projected has no row and counts nothing.
    return byKey(
      pairs.map((_, i) => i + 1),
      rows,
      (row) => row.pair,
    ).map((row, i) => {
      const { bannerId, staff, attended, ownSessionsCompleted } = row ?? {
        bannerId: pairs[i].bannerId,
        staff: 0,
        attended: 0,
        ownSessionsCompleted: 0,
      };
      return { bannerId, staff, attended, ownSessionsCompleted };
    });
  }
}
