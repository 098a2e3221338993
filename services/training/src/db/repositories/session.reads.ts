import type { DataSource } from "typeorm";
import type { InView, Page, PageRequest, Scope, SessionFilter, SessionReads } from "../../domain/ports";
import type { TrainingSession } from "../../domain/training";
import { OrgUnitProjectionEntity } from "@grassroots/org-projection";
import { EnrollmentEntity } from "../entities/enrollment.entity";
import { TrainingSessionEntity } from "../entities/session.entity";
import { homeScope, sessionInView } from "./scope.sql";

/** Sessions outside transactions: lookups and lists within the caller's scope, references with their view. */
export class SqlSessionReads implements SessionReads {
  constructor(private readonly dataSource: DataSource) {}

  private sessions() {
    return this.dataSource.manager.createQueryBuilder(TrainingSessionEntity, "s");
  }

  inScope(ids: readonly string[], scope: Scope): Promise<TrainingSession[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.sessions()
      .innerJoin(OrgUnitProjectionEntity, "o", "o.id = s.organizer_unit_id")
      .where("s.id IN (:...ids)", { ids })
      .andWhere(sessionInView("o", ":scope::text"), { scope })
      .getMany();
  }

  /** One statement: the sessions, and whether each is in the caller's view (computed from their home unit). */
  async referenced(ids: readonly string[], homeUnitId: string): Promise<InView<TrainingSession>[]> {
    if (ids.length === 0) return [];
    const { entities, raw } = await this.sessions()
      .leftJoin(OrgUnitProjectionEntity, "o", "o.id = s.organizer_unit_id")
      .addSelect(`COALESCE(${sessionInView("o", homeScope(":home"))}, false)`, "in_area")
      .where("s.id IN (:...ids)", { ids })
      .setParameter("home", homeUnitId)
      .getRawAndEntities<{ s_id: string; in_area: boolean }>();
    const inArea = new Set(raw.filter((r) => r.in_area).map((r) => r.s_id));
    return entities.map((entity) => ({ entity, inYourArea: inArea.has(entity.id) }));
  }

  /**
   * One page of sessions in the caller's view per organizer in `organizerIds` (or one page over all
   * organizers when null), latest start first, keyset on (start_date DESC, id DESC): one statement
   * ranks every organizer's sessions after the cursor (a window per organizer), a second loads them.
   */
  async pages(
    organizerIds: readonly string[] | null,
    filter: SessionFilter,
    scope: Scope,
    page: PageRequest,
  ): Promise<Map<string, Page<TrainingSession>>> {
    const params: unknown[] = [scope];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [sessionInView("o", "$1::text")];
    if (organizerIds) where.push(`s.organizer_unit_id = ANY(${param(organizerIds)}::uuid[])`);
    if (filter.organizerUnitId) where.push(`s.organizer_unit_id = ${param(filter.organizerUnitId)}::uuid`);
    if (filter.year !== undefined) {
      where.push(
        `s.end_date BETWEEN ${param(`${filter.year}-01-01`)}::date AND ${param(`${filter.year}-12-31`)}::date`,
      );
    }
    if (filter.kinds) where.push(`s.kind = ANY(${param(filter.kinds)}::text[])`);
    if (filter.statuses) where.push(`s.status = ANY(${param(filter.statuses)}::text[])`);
    const after = page.after
      ? `(s.start_date, s.id) < (${param(page.after.startDate)}::date, ${param(page.after.id)}::uuid)`
      : "true";
    const pageKey = organizerIds ? "s.organizer_unit_id::text" : "''";
    const ranked: { id: string; page_key: string; total: string; rn: string }[] = await this.dataSource.query(
      `SELECT id, page_key, total, rn FROM (
         SELECT s.id, ${pageKey} AS page_key, ${after} AS after,
                count(*) OVER (PARTITION BY ${pageKey}) AS total,
                row_number() OVER (PARTITION BY ${pageKey}, ${after} ORDER BY s.start_date DESC, s.id DESC) AS rn
           FROM training_session s JOIN org_unit o ON o.id = s.organizer_unit_id
          WHERE ${where.join(" AND ")}
       ) x
       WHERE x.after AND x.rn <= ${param(page.first + 1)}
       ORDER BY page_key, rn`,
      params,
    );
    const loaded = ranked.length
      ? await this.sessions()
          .where("s.id IN (:...ids)", { ids: ranked.map((r) => r.id) })
          .getMany()
      : [];
    const byId = new Map(loaded.map((s) => [s.id, s]));
    const pages = new Map<string, Page<TrainingSession>>();
    for (const row of ranked) {
      const found = pages.get(row.page_key) ?? {
        items: [],
        hasNextPage: false,
        totalCount: Number(row.total),
      };
      if (Number(row.rn) > page.first) found.hasNextPage = true;
      else found.items.push(byId.get(row.id)!);
      pages.set(row.page_key, found);
    }
    return pages;
  }

  async enrolledCounts(sessionIds: readonly string[]): Promise<{ sessionId: string; enrolled: number }[]> {
    if (sessionIds.length === 0) return [];
    const rows: { sessionId: string; enrolled: number }[] = await this.dataSource.manager
      .createQueryBuilder(EnrollmentEntity, "e")
      .select("e.session_id", "sessionId")
      .addSelect("count(*)::int", "enrolled")
      .where("e.session_id IN (:...ids) AND e.status = 'ENROLLED'", { ids: sessionIds })
      .groupBy("e.session_id")
      .getRawMany();
    return rows;
  }
}
