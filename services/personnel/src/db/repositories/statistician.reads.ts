import type { DataSource } from "typeorm";
import type { PostAssignment } from "../../domain/assignment";
import type {
  Page,
  PageRequest,
  PersonRecords,
  Scope,
  StatisticianFilter,
  StatisticianReads,
} from "../../domain/ports";
import type { PrePostCertificate, Statistician } from "../../domain/statistician";
import { PostAssignmentEntity } from "../entities/assignment.entity";
import { PrePostCertificateEntity } from "../entities/certificate.entity";
import { StatisticianEntity } from "../entities/statistician.entity";
import { homePattern, likeText, Params, pattern, statisticianVisible } from "./area.sql";
import { selectColumns } from "./entity-columns";
import { personalDataCipher } from "../personal-data";
import { StatisticianRows, type StatisticianRow } from "./statistician.rows";

/**
 * People, scoped: a person is visible from a subtree when registered at a unit there or holding (or
 * having held) a post there. Each method is ONE SQL statement (the search: one count and one page).
 */
export class SqlStatisticianReads implements StatisticianReads {
  private readonly rows: StatisticianRows;

  constructor(private readonly dataSource: DataSource) {
    this.rows = new StatisticianRows(personalDataCipher(dataSource));
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  private get columns() {
    return selectColumns(this.dataSource, StatisticianEntity, "s");
  }

  async statisticians(ids: readonly string[], scope: Scope): Promise<Statistician[]> {
    if (ids.length === 0) return [];
    const rows = await this.query<StatisticianRow>(
      `SELECT ${this.columns} FROM statistician s WHERE s.id = ANY($1) AND ${statisticianVisible("$2")}`,
      [[...ids], pattern(scope)],
    );
    return rows.map((r) => this.rows.toStatistician(r));
  }

  async statisticianReferences(
    ids: readonly string[],
    homeUnitId: string,
  ): Promise<{ statistician: Statistician; inArea: boolean }[]> {
    if (ids.length === 0) return [];
    const rows = await this.query<StatisticianRow & { inArea: boolean | null }>(
      `SELECT ${this.columns}, ${statisticianVisible(homePattern("$2"))} AS "inArea"
         FROM statistician s WHERE s.id = ANY($1)`,
      [[...ids], homeUnitId],
    );
    // An unknown (or deactivated) home unit makes the pattern NULL: nothing is in that caller's area.
    return rows.map(({ inArea, ...row }) => ({
      statistician: this.rows.toStatistician(row),
      inArea: inArea === true,
    }));
  }

  async searchStatisticians(
    filter: StatisticianFilter,
    scope: Scope,
    page: PageRequest,
  ): Promise<Page<Statistician>> {
    const p = new Params();
    const where = [statisticianVisible(p.add(pattern(scope)))];
    if (filter.underPath) where.push(statisticianVisible(p.add(pattern(filter.underPath))));
    if (filter.nameContains) where.push(`s.name ILIKE ${p.add(`%${likeText(filter.nameContains)}%`)}`);
    if (!filter.includeSample) where.push(`NOT s.is_sample`);
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM statistician s WHERE ${where.join(" AND ")}`,
      p.values,
    );
    if (page.afterId)
      where.push(
        `(s.name, s.id) > (SELECT x.name, x.id FROM statistician x WHERE x.id = ${p.add(page.afterId)})`,
      );
    const rows = await this.query<StatisticianRow>(
      `SELECT ${this.columns} FROM statistician s WHERE ${where.join(" AND ")} ORDER BY s.name, s.id LIMIT ${p.add(page.first + 1)}`,
      p.values,
    );
    const items = rows.slice(0, page.first).map((r) => this.rows.toStatistician(r));
    return { items, hasNextPage: rows.length > page.first, totalCount: total };
  }

  async recordsOf(statisticianIds: readonly string[], scope: Scope): Promise<PersonRecords[]> {
    if (statisticianIds.length === 0) return [];
    const assignment = selectColumns(this.dataSource, PostAssignmentEntity, "a");
    const certificate = selectColumns(this.dataSource, PrePostCertificateEntity, "c");
    const rows = await this.query<{
      statisticianId: string;
      assignments: Record<string, unknown>[];
      certificate: PrePostCertificate | null;
    }>(
      `SELECT p.id AS "statisticianId",
              COALESCE((SELECT json_agg(x ORDER BY x."startDate" DESC, x.id)
                          FROM (SELECT ${assignment} FROM post_assignment a JOIN org_unit u ON u.id = a.org_unit_id
                                 WHERE a.statistician_id = p.id AND u.path LIKE $2) x), '[]') AS assignments,
              (SELECT row_to_json(y) FROM (SELECT ${certificate} FROM pre_post_certificate c
                                            WHERE c.statistician_id = p.id ORDER BY c.completed_on, c.received_at LIMIT 1) y) AS certificate
         FROM unnest($1::uuid[]) AS p(id)`,
      [[...statisticianIds], pattern(scope)],
    );
    // JSON carries timestamps as text: back to Dates, as every other read returns them.
    return rows.map((r) => ({
      ...r,
      assignments: r.assignments.map((a) => ({
        ...(a as unknown as PostAssignment),
        activatedAt: a.activatedAt ? new Date(a.activatedAt as string) : null,
        createdAt: new Date(a.createdAt as string),
        updatedAt: new Date(a.updatedAt as string),
      })),
    }));
  }
}
