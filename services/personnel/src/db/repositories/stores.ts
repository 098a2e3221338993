import type { EntityManager } from "typeorm";
import type { AssignmentPatch, NewAssignment, PostAssignment } from "../../domain/assignment";
import type { Filing, FilingStep, NewFiling } from "../../domain/filing";
import type { OrgUnitView } from "../../domain/org-unit";
import type {
  AssignmentStore,
  CertificateStore,
  FilingStore,
  IdempotencyKey,
  IdempotencyStore,
  OrgUnitProjection,
  RecordedCompliance,
  Scope,
  StaffingStatusStore,
  StatisticianStore,
} from "../../domain/ports";
import type {
  NewStatistician,
  PrePostCertificate,
  Statistician,
  StatisticianPatch,
} from "../../domain/statistician";
import type { RequirementResult, StaffCounts } from "../../rules/staffing-requirement";
import {
  ASSIGNMENT,
  CERTIFICATE,
  countsOf,
  FILING,
  ORG_UNIT,
  rowsOf,
  select,
  STAFF_COUNT_COLUMNS,
  STAFF_COUNTS_LATERAL,
  STATISTICIAN,
  statisticianVisible,
} from "./columns";

/** snake_case column for a camelCase property of a patch. */
const column = (property: string) => property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** UPDATE … SET the patch, version + 1, updated_at (when the table has one); returns the row. */
async function patchRow<T>(
  manager: EntityManager,
  table: string,
  columns: Parameters<typeof select>[1],
  id: string,
  patch: Record<string, unknown>,
  touch = true,
): Promise<T> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  const sets = entries.map(([k], i) => `${column(k)} = $${i + 2}`);
  sets.push("version = version + 1");
  if (touch) sets.push("updated_at = now()");
  const raw = await manager.query(
    `UPDATE ${table} t SET ${sets.join(", ")} WHERE t.id = $1 RETURNING ${select("t", columns)}`,
    [
      id,
      ...entries.map(([, v]) =>
        v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v,
      ),
    ],
  );
  return rowsOf<T>(raw)[0];
}

export class SqlOrgUnitProjection implements OrgUnitProjection {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<OrgUnitView | undefined> {
    const [row] = await this.manager.query(
      `SELECT ${select("u", ORG_UNIT)} FROM org_unit u WHERE u.id = $1`,
      [id],
    );
    return row;
  }

  async getMany(ids: readonly string[]): Promise<OrgUnitView[]> {
    if (ids.length === 0) return [];
    return this.manager.query(`SELECT ${select("u", ORG_UNIT)} FROM org_unit u WHERE u.id = ANY($1)`, [
      [...new Set(ids)],
    ]);
  }

  async apply(state: OrgUnitView): Promise<{ applied: boolean; before: OrgUnitView | undefined }> {
    const [before] = await this.manager.query(
      `SELECT ${select("u", ORG_UNIT)} FROM org_unit u WHERE u.id = $1 FOR UPDATE`,
      [state.id],
    );
    const applied = await this.manager.query(
      `INSERT INTO org_unit AS u (id, code, name, kind, parent_id, path, depth, register_count, active, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind,
         parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, depth = EXCLUDED.depth,
         register_count = EXCLUDED.register_count, active = EXCLUDED.active, version = EXCLUDED.version, received_at = now()
       WHERE u.version < EXCLUDED.version
       RETURNING u.id`,
      [
        state.id,
        state.code,
        state.name,
        state.kind,
        state.parentId,
        state.path,
        state.depth,
        state.registerCount,
        state.active,
        state.version,
      ],
    );
    return { applied: applied.length > 0, before };
  }
}

export class SqlStatisticianStore implements StatisticianStore {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<Statistician | undefined> {
    const [row] = await this.manager.query(
      `SELECT ${select("s", STATISTICIAN)} FROM statistician s WHERE s.id = $1`,
      [id],
    );
    return row;
  }

  async lock(id: string): Promise<Statistician | undefined> {
    const [row] = await this.manager.query(
      `SELECT ${select("s", STATISTICIAN)} FROM statistician s WHERE s.id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  async idNumberHolder(idNumber: string): Promise<Statistician | undefined> {
    const [row] = await this.manager.query(
      `SELECT ${select("s", STATISTICIAN)} FROM statistician s WHERE s.id_number = $1`,
      [idNumber],
    );
    return row;
  }

  async insert(s: NewStatistician): Promise<Statistician> {
    const [row] = await this.manager.query(
      `INSERT INTO statistician AS s (id, name, gender, ethnicity, id_number, birth_date, phone, education, title, notes,
                                      registered_at_id, is_sample, created_by, created_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       RETURNING ${select("s", STATISTICIAN)}`,
      [
        s.id,
        s.name,
        s.gender,
        s.ethnicity,
        s.idNumber,
        s.birthDate,
        s.phone,
        s.education,
        s.title,
        s.notes,
        s.registeredAtId,
        s.isSample,
        s.createdBy,
        s.createdByName,
      ],
    );
    return row;
  }

  update(id: string, patch: StatisticianPatch): Promise<Statistician> {
    return patchRow(this.manager, "statistician", STATISTICIAN, id, patch);
  }

  async visibleFrom(id: string, scope: Scope): Promise<boolean> {
    const rows = await this.manager.query(
      `SELECT 1 FROM statistician s WHERE s.id = $1 AND ${statisticianVisible("$2")}`,
      [id, `${scope}%`],
    );
    return rows.length > 0;
  }
}

export class SqlAssignmentStore implements AssignmentStore {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<PostAssignment | undefined> {
    const [row] = await this.manager.query(
      `SELECT ${select("a", ASSIGNMENT)} FROM post_assignment a WHERE a.id = $1`,
      [id],
    );
    return row;
  }

  async lock(id: string): Promise<PostAssignment | undefined> {
    const [row] = await this.manager.query(
      `SELECT ${select("a", ASSIGNMENT)} FROM post_assignment a WHERE a.id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  async insert(a: NewAssignment): Promise<PostAssignment> {
    const [row] = await this.manager.query(
      `INSERT INTO post_assignment AS a (id, statistician_id, org_unit_id, role, establishment, status, start_date, end_date,
                                         certificate_id, activated_at, created_by, created_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $6 = 'ACTIVE' THEN now() END, $10, $11)
       RETURNING ${select("a", ASSIGNMENT)}`,
      [
        a.id,
        a.statisticianId,
        a.orgUnitId,
        a.role,
        a.establishment,
        a.status,
        a.startDate,
        a.endDate,
        a.certificateId,
        a.createdBy,
        a.createdByName,
      ],
    );
    return row;
  }

  update(id: string, patch: AssignmentPatch): Promise<PostAssignment> {
    return patchRow(this.manager, "post_assignment", ASSIGNMENT, id, patch);
  }

  overlapping(
    statisticianId: string,
    orgUnitId: string,
    start: string,
    end: string | null,
  ): Promise<PostAssignment[]> {
    return this.manager.query(
      `SELECT ${select("a", ASSIGNMENT)} FROM post_assignment a
        WHERE a.statistician_id = $1 AND a.org_unit_id = $2
          AND daterange(a.start_date, a.end_date, '[]') && daterange($3::date, $4::date, '[]')
        ORDER BY a.start_date`,
      [statisticianId, orgUnitId, start, end],
    );
  }

  lockPending(statisticianId: string): Promise<PostAssignment[]> {
    return this.manager.query(
      `SELECT ${select("a", ASSIGNMENT)} FROM post_assignment a
        WHERE a.statistician_id = $1 AND a.status = 'PENDING_TRAINING' ORDER BY a.start_date, a.id FOR UPDATE`,
      [statisticianId],
    );
  }

  async counts(orgUnitIds: readonly string[]): Promise<Map<string, StaffCounts>> {
    if (orgUnitIds.length === 0) return new Map();
    const rows = await this.manager.query(
      `SELECT u.id, ${STAFF_COUNT_COLUMNS} FROM org_unit u ${STAFF_COUNTS_LATERAL} WHERE u.id = ANY($1)`,
      [[...orgUnitIds]],
    );
    return new Map(rows.map((r: Record<string, number> & { id: string }) => [r.id, countsOf(r)]));
  }
}

export class SqlFilingStore implements FilingStore {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<Filing | undefined> {
    const [row] = await this.manager.query(`SELECT ${select("f", FILING)} FROM filing f WHERE f.id = $1`, [
      id,
    ]);
    return row;
  }

  async lock(id: string): Promise<Filing | undefined> {
    const [row] = await this.manager.query(
      `SELECT ${select("f", FILING)} FROM filing f WHERE f.id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  async insert(f: NewFiling): Promise<Filing> {
    const [row] = await this.manager.query(
      `INSERT INTO filing AS f (id, change, statistician_id, assignment_id, org_unit_id, org_unit_path, banner_id, township_id,
                                route, status, details, submitted_on, submitted_by, submitted_by_name, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       RETURNING ${select("f", FILING)}`,
      [
        f.id,
        f.change,
        f.statisticianId,
        f.assignmentId,
        f.orgUnitId,
        f.orgUnitPath,
        f.bannerId,
        f.townshipId,
        f.route,
        f.status,
        JSON.stringify(f.details),
        f.submittedOn,
        f.submittedBy,
        f.submittedByName,
        f.submittedAt,
      ],
    );
    return row;
  }

  update(id: string, patch: Parameters<FilingStore["update"]>[1]): Promise<Filing> {
    return patchRow(this.manager, "filing", FILING, id, patch, false);
  }

  async addStep(step: FilingStep): Promise<void> {
    await this.manager.query(
      `INSERT INTO filing_step (filing_id, step, from_status, to_status, actor, actor_name, at, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        step.filingId,
        step.step,
        step.fromStatus,
        step.toStatus,
        step.actor,
        step.actorName,
        step.at,
        step.note,
      ],
    );
  }
}

export class SqlCertificateStore implements CertificateStore {
  constructor(private readonly manager: EntityManager) {}

  async record(c: PrePostCertificate, isSample: boolean): Promise<boolean> {
    const rows = await this.manager.query(
      `INSERT INTO pre_post_certificate (certificate_id, certificate_number, statistician_id, session_id, completed_on, is_sample)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (certificate_id) DO NOTHING RETURNING certificate_id`,
      [c.certificateId, c.certificateNumber, c.statisticianId, c.sessionId, c.completedOn, isSample],
    );
    return rows.length > 0;
  }

  async firstOf(statisticianId: string): Promise<PrePostCertificate | undefined> {
    const [row] = await this.manager.query(
      `SELECT ${select("c", CERTIFICATE)} FROM pre_post_certificate c WHERE c.statistician_id = $1
        ORDER BY c.completed_on, c.received_at LIMIT 1`,
      [statisticianId],
    );
    return row;
  }
}

export class SqlStaffingStatusStore implements StaffingStatusStore {
  constructor(private readonly manager: EntityManager) {}

  async recorded(orgUnitIds: readonly string[]): Promise<Map<string, RecordedCompliance>> {
    if (orgUnitIds.length === 0) return new Map();
    const rows: { id: string; compliant: boolean }[] = await this.manager.query(
      `SELECT org_unit_id AS id, compliant FROM staffing_status WHERE org_unit_id = ANY($1) FOR UPDATE`,
      [[...orgUnitIds]],
    );
    return new Map(rows.map((r) => [r.id, { compliant: r.compliant }]));
  }

  async record(orgUnitId: string, compliant: boolean, gaps: RequirementResult[]): Promise<void> {
    await this.manager.query(
      `INSERT INTO staffing_status (org_unit_id, compliant, gaps) VALUES ($1, $2, $3)
       ON CONFLICT (org_unit_id) DO UPDATE SET compliant = EXCLUDED.compliant, gaps = EXCLUDED.gaps, changed_at = now()`,
      [orgUnitId, compliant, JSON.stringify(gaps)],
    );
  }
}

export class SqlIdempotencyStore implements IdempotencyStore {
  constructor(private readonly manager: EntityManager) {}

  async claim(key: IdempotencyKey): Promise<(IdempotencyKey & { resultId: string | null }) | undefined> {
    // A concurrent first attempt holds the row lock: this INSERT waits for it to commit or roll back.
    const inserted = await this.manager.query(
      `INSERT INTO idempotency_key (request_id, operation, actor_id, fingerprint) VALUES ($1, $2, $3, $4)
       ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
      [key.requestId, key.operation, key.actorId, key.fingerprint],
    );
    if (inserted.length > 0) return undefined;
    const [row] = await this.manager.query(
      `SELECT request_id AS "requestId", operation, actor_id AS "actorId", fingerprint, result_id AS "resultId"
         FROM idempotency_key WHERE request_id = $1`,
      [key.requestId],
    );
    return row;
  }

  async used(requestIds: readonly string[]): Promise<Set<string>> {
    if (requestIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.manager.query(
      `SELECT request_id AS id FROM idempotency_key WHERE request_id = ANY($1)`,
      [[...requestIds]],
    );
    return new Set(rows.map((r) => r.id));
  }

  async complete(requestId: string, resultId: string): Promise<void> {
    await this.manager.query(`UPDATE idempotency_key SET result_id = $2 WHERE request_id = $1`, [
      requestId,
      resultId,
    ]);
  }
}
