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
import { OrgUnitProjectionEntity, pathUnder } from "@grassroots/org-projection";
import { TrainingSessionEntity } from "../entities/session.entity";

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
   * unit lies in the banner and inside the subtree (the pair's scope: the narrower of the two paths, or
   * none when they are apart); attended: those of them with a PASSED or FAILED result at a COMPLETED
   * session of the year, organised by the banner or by its city as COMPREHENSIVE.
   * The posts are found from the scope as index ranges (pathUnder): the projected units under it and
   * their posts, and the posts at units not projected yet by the path their event carried. Matching
   * every post's path against the pairs read all the country's posts for one city's dashboard.
   * Aggregated with GROUP BY and an uncorrelated IN (a hash built once), not per-pair subqueries.
   */
  async bannerCounts(pairs: readonly BannerInSubtree[], window: YearWindow): Promise<BannerStaffCount[]> {
    if (pairs.length === 0) return [];
    const inForce = staffPostInForce("a", "$3::date", "$8");
    const rows: (BannerStaffCount & { pair: number })[] = await this.manager.query(
      `WITH pair AS (
         SELECT p.i, p.banner_id, split_part(b.path, '/', 1)::uuid AS city_id,
                CASE WHEN p.within LIKE b.path || '%' THEN p.within
                     WHEN b.path LIKE p.within || '%' THEN b.path END AS scope
           FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS p(banner_id, within, i)
           JOIN org_unit b ON b.id = p.banner_id),
       staff AS (
         SELECT pair.i, a.statistician_id
           FROM pair
           JOIN org_unit u ON ${pathUnder("u.path", "pair.scope")}
           JOIN statistician_assignment a ON a.org_unit_id = u.id
          WHERE ${inForce}
         UNION
         SELECT pair.i, a.statistician_id
           FROM pair
           JOIN statistician_assignment a ON ${pathUnder("a.org_unit_path", "pair.scope")}
          WHERE ${inForce} AND NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.id = a.org_unit_id)),
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
          WHERE s.organizer_unit_id IN (SELECT banner_id FROM pair)
            AND s.status = $9 AND s.end_date BETWEEN $5::date AND $6::date
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
