import type { DataSource } from "typeorm";
import type { AssignmentStatus, PostAssignment } from "../../domain/assignment";
import type { Filing, FilingStep } from "../../domain/filing";
import type { OrgUnitView } from "../../domain/org-unit";
import type {
  FilingFilter,
  Page,
  PersonRecords,
  PageRequest,
  PersonnelReads,
  Scope,
  StatisticianFilter,
  UnitStatisticianPages,
  UnitWithCounts,
} from "../../domain/ports";
import type { PrePostCertificate, Statistician } from "../../domain/statistician";
import {
  ASSIGNMENT,
  CERTIFICATE,
  countsOf,
  FILING,
  FILING_STEP,
  homePattern,
  ORG_UNIT,
  pick,
  select,
  STAFF_COUNT_COLUMNS,
  STAFF_COUNTS_LATERAL,
  STATISTICIAN,
  statisticianVisible,
} from "./columns";

/** Escapes LIKE wildcards in user text (the default escape character is the backslash). */
const likeText = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const pattern = (scope: Scope) => `${scope}%`;

/** A bag of positional parameters for building a query with optional filters. */
class Params {
  values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Scoped reads. Every query carries the caller's subtree as `path LIKE <scope>%` on the unit concerned,
 * so nothing outside it is ever loaded, whatever the id or filter. Each method is ONE SQL statement
 * (search methods: one count and one page).
 */
export class SqlPersonnelReads implements PersonnelReads {
  constructor(private readonly dataSource: DataSource) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  units(ids: readonly string[], scope: Scope): Promise<OrgUnitView[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.query(
      `SELECT ${select("u", ORG_UNIT)} FROM org_unit u WHERE u.id = ANY($1) AND u.path LIKE $2`,
      [[...ids], pattern(scope)],
    );
  }

  unitsVisibleToHome(ids: readonly string[], homeUnitId: string): Promise<OrgUnitView[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.query(
      `SELECT ${select("u", ORG_UNIT)} FROM org_unit u WHERE u.id = ANY($1) AND u.path LIKE ${homePattern("$2")}`,
      [[...ids], homeUnitId],
    );
  }

  statisticians(ids: readonly string[], scope: Scope): Promise<Statistician[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.query(
      `SELECT ${select("s", STATISTICIAN)} FROM statistician s WHERE s.id = ANY($1) AND ${statisticianVisible("$2")}`,
      [[...ids], pattern(scope)],
    );
  }

  async statisticianReferences(
    ids: readonly string[],
    homeUnitId: string,
  ): Promise<{ statistician: Statistician; inArea: boolean }[]> {
    if (ids.length === 0) return [];
    const rows = await this.query<Statistician & { inArea: boolean | null }>(
      `SELECT ${select("s", STATISTICIAN)}, ${statisticianVisible(homePattern("$2"))} AS "inArea"
         FROM statistician s WHERE s.id = ANY($1)`,
      [[...ids], homeUnitId],
    );
    // An unknown (or deactivated) home unit makes the pattern NULL: nothing is in that caller's area.
    return rows.map(({ inArea, ...statistician }) => ({ statistician, inArea: inArea === true }));
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
    const rows = await this.query<Statistician>(
      `SELECT ${select("s", STATISTICIAN)} FROM statistician s WHERE ${where.join(" AND ")} ORDER BY s.name, s.id LIMIT ${p.add(page.first + 1)}`,
      p.values,
    );
    return { items: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount: total };
  }

  async unitStatisticians(
    orgUnitIds: readonly string[],
    statuses: readonly AssignmentStatus[],
    scope: Scope,
    page: PageRequest,
  ): Promise<UnitStatisticianPages> {
    if (orgUnitIds.length === 0) return { rows: [], totals: new Map() };
    // One statement for every unit: totals over all matching posts, then a page per unit after the cursor.
    const rows = await this.query<Record<string, unknown>>(
      `SELECT * FROM (
         SELECT x.*, row_number() OVER (PARTITION BY x."a_orgUnitId" ORDER BY x."a_startDate", x."a_id") AS rn
           FROM (SELECT ${select("a", ASSIGNMENT, "a_")}, ${select("s", STATISTICIAN, "s_")},
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
    for (const row of rows) totals.set(row.a_orgUnitId as string, row.total as number);
    return {
      rows: rows.map((row) => ({
        orgUnitId: row.a_orgUnitId as string,
        assignment: pick<PostAssignment>(row, ASSIGNMENT, "a_"),
        statistician: pick<Statistician>(row, STATISTICIAN, "s_"),
      })),
      totals,
    };
  }

  assignments(ids: readonly string[], scope: Scope): Promise<PostAssignment[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.query(
      `SELECT ${select("a", ASSIGNMENT)} FROM post_assignment a JOIN org_unit u ON u.id = a.org_unit_id
        WHERE a.id = ANY($1) AND u.path LIKE $2`,
      [[...ids], pattern(scope)],
    );
  }

  async recordsOf(statisticianIds: readonly string[], scope: Scope): Promise<PersonRecords[]> {
    if (statisticianIds.length === 0) return [];
    const rows = await this.query<{
      statisticianId: string;
      assignments: Record<string, unknown>[];
      certificate: PrePostCertificate | null;
    }>(
      `SELECT p.id AS "statisticianId",
              COALESCE((SELECT json_agg(x ORDER BY x."startDate" DESC, x.id)
                          FROM (SELECT ${select("a", ASSIGNMENT)} FROM post_assignment a JOIN org_unit u ON u.id = a.org_unit_id
                                 WHERE a.statistician_id = p.id AND u.path LIKE $2) x), '[]') AS assignments,
              (SELECT row_to_json(y) FROM (SELECT ${select("c", CERTIFICATE)} FROM pre_post_certificate c
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

  filings(ids: readonly string[], scope: Scope): Promise<Filing[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.query(
      `SELECT ${select("f", FILING)} FROM filing f JOIN org_unit u ON u.id = f.org_unit_id WHERE f.id = ANY($1) AND u.path LIKE $2`,
      [[...ids], pattern(scope)],
    );
  }

  async searchFilings(filter: FilingFilter, scope: Scope, page: PageRequest): Promise<Page<Filing>> {
    const p = new Params();
    const where = [`u.path LIKE ${p.add(pattern(scope))}`];
    if (filter.underPath) where.push(`u.path LIKE ${p.add(pattern(filter.underPath))}`);
    if (filter.statuses) where.push(`f.status = ANY(${p.add(filter.statuses)})`);
    if (filter.bannerId) where.push(`f.banner_id = ${p.add(filter.bannerId)}::uuid`);
    if (filter.statisticianId) where.push(`f.statistician_id = ${p.add(filter.statisticianId)}::uuid`);
    if (filter.overdue) {
      where.push(
        `f.status <> 'FILED' AND f.submitted_on + ${p.add(filter.overdue.dueDays)}::int < ${p.add(filter.overdue.today)}::date`,
      );
    }
    const from = `filing f JOIN org_unit u ON u.id = f.org_unit_id`;
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${from} WHERE ${where.join(" AND ")}`,
      p.values,
    );
    if (page.afterId)
      where.push(
        `(f.submitted_at, f.id) > (SELECT x.submitted_at, x.id FROM filing x WHERE x.id = ${p.add(page.afterId)}::uuid)`,
      );
    const rows = await this.query<Filing>(
      `SELECT ${select("f", FILING)} FROM ${from} WHERE ${where.join(" AND ")} ORDER BY f.submitted_at, f.id LIMIT ${p.add(page.first + 1)}`,
      p.values,
    );
    return { items: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount: total };
  }

  filingSteps(filingIds: readonly string[]): Promise<FilingStep[]> {
    if (filingIds.length === 0) return Promise.resolve([]);
    return this.query(
      `SELECT ${select("t", FILING_STEP)} FROM filing_step t WHERE t.filing_id = ANY($1) ORDER BY t.id`,
      [[...filingIds]],
    );
  }

  async unitsWithCounts(ids: readonly string[], scope: Scope): Promise<UnitWithCounts[]> {
    if (ids.length === 0) return [];
    const rows = await this.query<Record<string, unknown>>(
      `SELECT ${select("u", ORG_UNIT)}, ${STAFF_COUNT_COLUMNS} FROM org_unit u ${STAFF_COUNTS_LATERAL}
        WHERE u.id = ANY($1) AND u.path LIKE $2`,
      [[...ids], pattern(scope)],
    );
    return rows.map(withCounts);
  }

  async bannerUnits(
    bannerId: string,
    scope: Scope,
    kinds: readonly string[],
  ): Promise<{ banner: OrgUnitView | undefined; units: UnitWithCounts[] }> {
    // The banner row first (depth 1, zero counts), then its units in scope with counts, in code order.
    const rows = await this.query<Record<string, unknown>>(
      `WITH b AS (SELECT * FROM org_unit WHERE id = $1 AND depth = 1)
       SELECT ${select("u", ORG_UNIT)}, ${STAFF_COUNT_COLUMNS}
         FROM b JOIN org_unit u ON u.path LIKE b.path || '%'
         ${STAFF_COUNTS_LATERAL}
        WHERE u.id = b.id OR (u.path LIKE $2 AND u.active AND u.kind = ANY($3))
        ORDER BY u.depth <> 1, u.code`,
      [bannerId, pattern(scope), [...kinds]],
    );
    const [first, ...rest] = rows.map(withCounts);
    if (!first || first.unit.id !== bannerId) return { banner: undefined, units: [] };
    return { banner: first.unit, units: rest };
  }

  projectedUnits(): Promise<OrgUnitView[]> {
    return this.query(`SELECT ${select("u", ORG_UNIT)} FROM org_unit u ORDER BY u.code`, []);
  }
}

function withCounts(row: Record<string, unknown>): UnitWithCounts {
  return { unit: pick<OrgUnitView>(row, ORG_UNIT, ""), counts: countsOf(row as Record<string, number>) };
}
