import type { DataSource } from "typeorm";
import type { OrgUnitRef } from "../../domain/directory";
import type { InView, Page, PageRequest, SessionFilter, TrainingReads, Viewer } from "../../domain/ports";
import type { Certificate, Enrollment, TrainingSession } from "../../domain/training";
import { OrgUnitProjection } from "../entities/directory.entity";
import { CertificateEntity, EnrollmentEntity, TrainingSessionEntity } from "../entities/training.entity";
import { rawShape, type RawShape } from "../raw-rows";
import { participantVisible, sessionVisible, statisticianVisible, unitInScope } from "./visibility";

/** Reads outside transactions. Every read that takes a viewer filters by what the viewer may see, in SQL. */
export class SqlTrainingReads implements TrainingReads {
  private readonly session: RawShape<TrainingSession>;
  private readonly enrollment: RawShape<Enrollment>;
  private readonly certificate: RawShape<Certificate>;
  private readonly unit: RawShape<OrgUnitRef>;

  constructor(private readonly dataSource: DataSource) {
    this.session = rawShape(dataSource, TrainingSessionEntity);
    this.enrollment = rawShape(dataSource, EnrollmentEntity);
    this.certificate = rawShape(dataSource, CertificateEntity);
    this.unit = rawShape(dataSource, OrgUnitProjection);
  }

  private async rows<T>(shape: RawShape<T>, sql: string, params: unknown[]): Promise<T[]> {
    const rows = await this.dataSource.query(sql, params);
    return rows.map((r: Record<string, unknown>) => shape.map(r));
  }

  visibleSessions(ids: readonly string[], viewer: Viewer): Promise<TrainingSession[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.rows(
      this.session,
      `SELECT ${this.session.columns("s")} FROM training_session s JOIN org_unit o ON o.id = s.organizer_unit_id
        WHERE s.id = ANY($1::uuid[]) AND ${sessionVisible("o", "$2")}`,
      [ids, viewer.homeUnitId],
    );
  }

  /** Rows with the caller's visibility computed in the same statement (`inYourArea`), for references. */
  private async viewed<T>(shape: RawShape<T>, sql: string, params: unknown[]): Promise<InView<T>[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, params);
    return rows.map((r) => ({ entity: shape.map(r), inYourArea: r.inYourArea === true }));
  }

  viewedSessions(ids: readonly string[], viewer: Viewer): Promise<InView<TrainingSession>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.viewed(
      this.session,
      `SELECT ${this.session.columns("s")}, COALESCE(${sessionVisible("o", "$2")}, false) AS "inYourArea"
         FROM training_session s LEFT JOIN org_unit o ON o.id = s.organizer_unit_id
        WHERE s.id = ANY($1::uuid[])`,
      [ids, viewer.homeUnitId],
    );
  }

  async sessionPages(
    organizerIds: readonly string[] | null,
    filter: SessionFilter,
    viewer: Viewer,
    page: PageRequest,
  ): Promise<Map<string, Page<TrainingSession>>> {
    const params: unknown[] = [viewer.homeUnitId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [sessionVisible("o", "$1")];
    if (organizerIds) where.push(`s.organizer_unit_id = ANY(${param(organizerIds)}::uuid[])`);
    if (filter.organizerUnitId) where.push(`s.organizer_unit_id = ${param(filter.organizerUnitId)}::uuid`);
    if (filter.year !== undefined) {
      where.push(
        `s.end_date BETWEEN ${param(`${filter.year}-01-01`)}::date AND ${param(`${filter.year}-12-31`)}::date`,
      );
    }
    if (filter.kinds) where.push(`s.kind = ANY(${param(filter.kinds)}::text[])`);
    if (filter.statuses) where.push(`s.status = ANY(${param(filter.statuses)}::text[])`);
    const pageKey = organizerIds ? "s.organizer_unit_id::text" : "''";
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${this.session.columns("s")}, ${pageKey} AS "pageKey",
                count(*) OVER w AS "totalCount",
                row_number() OVER (w ORDER BY s.start_date DESC, s.created_at DESC, s.id) AS "position"
           FROM training_session s JOIN org_unit o ON o.id = s.organizer_unit_id
          WHERE ${where.join(" AND ")}
         WINDOW w AS (PARTITION BY ${pageKey})
       ) x
       WHERE x."position" > ${param(page.offset)} AND x."position" <= ${param(page.offset + page.first + 1)}
       ORDER BY x."pageKey", x."position"`,
      params,
    );
    const pages = new Map<string, Page<TrainingSession>>();
    for (const row of rows) {
      const key = row.pageKey as string;
      const found = pages.get(key) ?? { items: [], hasNextPage: false, totalCount: Number(row.totalCount) };
      if (found.items.length < page.first) found.items.push(this.session.map(row));
      else found.hasNextPage = true;
      pages.set(key, found);
    }
    return pages;
  }

  enrolledCounts(sessionIds: readonly string[]): Promise<{ sessionId: string; enrolled: number }[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT session_id AS "sessionId", count(*)::int AS enrolled FROM training_enrollment
        WHERE session_id = ANY($1::uuid[]) AND status = 'ENROLLED' GROUP BY session_id`,
      [sessionIds],
    );
  }

  private enrollmentsWhere(condition: string, params: unknown[]): Promise<Enrollment[]> {
    return this.rows(
      this.enrollment,
      `SELECT ${this.enrollment.columns("e")}
         FROM training_enrollment e JOIN training_session s ON s.id = e.session_id JOIN org_unit o ON o.id = s.organizer_unit_id
        WHERE ${condition}
        ORDER BY s.start_date DESC, e.enrolled_at, e.id`,
      params,
    );
  }

  enrollmentsOfSessions(sessionIds: readonly string[], viewer: Viewer): Promise<Enrollment[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.enrollmentsWhere(
      `e.session_id = ANY($1::uuid[]) AND ${participantVisible("o", "e.statistician_id", "$2")}`,
      [sessionIds, viewer.homeUnitId],
    );
  }

  enrollmentsOfStatisticians(statisticianIds: readonly string[]): Promise<Enrollment[]> {
    if (statisticianIds.length === 0) return Promise.resolve([]);
    return this.enrollmentsWhere(`e.statistician_id = ANY($1::uuid[])`, [statisticianIds]);
  }

  viewedEnrollments(ids: readonly string[], viewer: Viewer): Promise<InView<Enrollment>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.viewed(
      this.enrollment,
      `SELECT ${this.enrollment.columns("e")}, COALESCE(${participantVisible("o", "e.statistician_id", "$2")}, false) AS "inYourArea"
         FROM training_enrollment e JOIN training_session s ON s.id = e.session_id LEFT JOIN org_unit o ON o.id = s.organizer_unit_id
        WHERE e.id = ANY($1::uuid[])`,
      [ids, viewer.homeUnitId],
    );
  }

  private certificatesWhere(condition: string, params: unknown[]): Promise<Certificate[]> {
    return this.rows(
      this.certificate,
      `SELECT ${this.certificate.columns("c")} FROM training_certificate c JOIN org_unit o ON o.id = c.organizer_unit_id
        WHERE ${condition} ORDER BY c.completed_on DESC, c.number DESC`,
      params,
    );
  }

  certificatesOfEnrollments(enrollmentIds: readonly string[]): Promise<Certificate[]> {
    if (enrollmentIds.length === 0) return Promise.resolve([]);
    return this.certificatesWhere(`c.enrollment_id = ANY($1::uuid[])`, [enrollmentIds]);
  }

  certificatesOfStatisticians(statisticianIds: readonly string[]): Promise<Certificate[]> {
    if (statisticianIds.length === 0) return Promise.resolve([]);
    return this.certificatesWhere(`c.statistician_id = ANY($1::uuid[])`, [statisticianIds]);
  }

  visibleCertificates(numbers: readonly string[], viewer: Viewer): Promise<Certificate[]> {
    if (numbers.length === 0) return Promise.resolve([]);
    return this.certificatesWhere(
      `c.number = ANY($1::text[]) AND ${participantVisible("o", "c.statistician_id", "$2")}`,
      [numbers, viewer.homeUnitId],
    );
  }

  viewedCertificates(ids: readonly string[], viewer: Viewer): Promise<InView<Certificate>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.viewed(
      this.certificate,
      `SELECT ${this.certificate.columns("c")}, COALESCE(${participantVisible("o", "c.statistician_id", "$2")}, false) AS "inYourArea"
         FROM training_certificate c LEFT JOIN org_unit o ON o.id = c.organizer_unit_id
        WHERE c.id = ANY($1::uuid[])`,
      [ids, viewer.homeUnitId],
    );
  }

  async visibleStatisticians(ids: readonly string[], viewer: Viewer): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT x.id::text AS id FROM unnest($1::uuid[]) AS x(id) WHERE ${statisticianVisible("x.id", "$2")}`,
      [ids, viewer.homeUnitId],
    );
    return rows.map((r) => r.id);
  }

  visibleUnits(ids: readonly string[], viewer: Viewer): Promise<OrgUnitRef[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.rows(
      this.unit,
      `SELECT ${this.unit.columns("u")} FROM org_unit u WHERE u.id = ANY($1::uuid[]) AND ${unitInScope("u", "$2")}`,
      [ids, viewer.homeUnitId],
    );
  }
}
