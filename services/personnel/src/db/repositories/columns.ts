/**
 * Column lists for raw SQL: each row is [column, property, cast]. Dates come back as text (YYYY-MM-DD)
 * so node-postgres never turns a business date into a local-time Date.
 */
type Column = readonly [column: string, property: string, cast?: string];

export const ORG_UNIT: readonly Column[] = [
  ["id", "id"],
  ["code", "code"],
  ["name", "name"],
  ["kind", "kind"],
  ["parent_id", "parentId"],
  ["path", "path"],
  ["depth", "depth"],
  ["register_count", "registerCount"],
  ["active", "active"],
  ["version", "version"],
];

export const STATISTICIAN: readonly Column[] = [
  ["id", "id"],
  ["name", "name"],
  ["gender", "gender"],
  ["ethnicity", "ethnicity"],
  ["id_number", "idNumber"],
  ["birth_date", "birthDate", "::text"],
  ["phone", "phone"],
  ["education", "education"],
  ["title", "title"],
  ["notes", "notes"],
  ["registered_at_id", "registeredAtId"],
  ["is_sample", "isSample"],
  ["version", "version"],
  ["created_by", "createdBy"],
  ["created_by_name", "createdByName"],
  ["created_at", "createdAt"],
  ["updated_at", "updatedAt"],
];

export const ASSIGNMENT: readonly Column[] = [
  ["id", "id"],
  ["statistician_id", "statisticianId"],
  ["org_unit_id", "orgUnitId"],
  ["role", "role"],
  ["establishment", "establishment"],
  ["status", "status"],
  ["start_date", "startDate", "::text"],
  ["end_date", "endDate", "::text"],
  ["end_reason", "endReason"],
  ["certificate_id", "certificateId"],
  ["activated_at", "activatedAt"],
  ["version", "version"],
  ["created_by", "createdBy"],
  ["created_by_name", "createdByName"],
  ["created_at", "createdAt"],
  ["updated_at", "updatedAt"],
];

export const FILING: readonly Column[] = [
  ["id", "id"],
  ["change", "change"],
  ["statistician_id", "statisticianId"],
  ["assignment_id", "assignmentId"],
  ["org_unit_id", "orgUnitId"],
  ["org_unit_path", "orgUnitPath"],
  ["banner_id", "bannerId"],
  ["township_id", "townshipId"],
  ["route", "route"],
  ["status", "status"],
  ["details", "details"],
  ["submitted_on", "submittedOn", "::text"],
  ["submitted_by", "submittedBy"],
  ["submitted_by_name", "submittedByName"],
  ["submitted_at", "submittedAt"],
  ["forwarded_by", "forwardedBy"],
  ["forwarded_by_name", "forwardedByName"],
  ["forwarded_at", "forwardedAt"],
  ["decided_by", "decidedBy"],
  ["decided_by_name", "decidedByName"],
  ["decided_at", "decidedAt"],
  ["return_reason", "returnReason"],
  ["version", "version"],
];

export const FILING_STEP: readonly Column[] = [
  ["filing_id", "filingId"],
  ["step", "step"],
  ["from_status", "fromStatus"],
  ["to_status", "toStatus"],
  ["actor", "actor"],
  ["actor_name", "actorName"],
  ["at", "at"],
  ["note", "note"],
];

export const CERTIFICATE: readonly Column[] = [
  ["certificate_id", "certificateId"],
  ["certificate_number", "certificateNumber"],
  ["statistician_id", "statisticianId"],
  ["session_id", "sessionId"],
  ["completed_on", "completedOn", "::text"],
];

/** `a.col AS "prop", …`; with a prefix the properties are `prefix_prop` (to split joined rows). */
export const select = (alias: string, columns: readonly Column[], prefix = ""): string =>
  columns
    .map(([column, property, cast = ""]) => `${alias}.${column}${cast} AS "${prefix}${property}"`)
    .join(", ");

/** The object of one table out of a joined row selected with `select(alias, columns, prefix)`. */
export function pick<T>(row: Record<string, unknown>, columns: readonly Column[], prefix: string): T {
  return Object.fromEntries(columns.map(([, property]) => [property, row[`${prefix}${property}`]])) as T;
}

/** Rows of a raw query: TypeORM returns [rows, count] for UPDATE and DELETE. */
export function rowsOf<T>(raw: unknown): T[] {
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === "number")
    return raw[0] as T[];
  return raw as T[];
}

/** Staff counts of the unit `u` from its open assignments (one row, zeros when it has none). */
export const STAFF_COUNTS_LATERAL = `LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE a.status = 'ACTIVE')::int AS active,
           count(*) FILTER (WHERE a.status = 'ACTIVE' AND a.role = 'FULL_TIME' AND a.establishment = 'IN_ESTABLISHMENT')::int AS "activeFullTimeInEstablishment",
           count(*) FILTER (WHERE a.status = 'ACTIVE' AND a.role = 'LIAISON')::int AS "activeLiaisons",
           count(*) FILTER (WHERE a.status = 'PENDING_TRAINING')::int AS pending,
           count(*) FILTER (WHERE a.status = 'PENDING_TRAINING' AND a.role = 'FULL_TIME' AND a.establishment = 'IN_ESTABLISHMENT')::int AS "pendingFullTimeInEstablishment",
           count(*) FILTER (WHERE a.status = 'PENDING_TRAINING' AND a.role = 'LIAISON')::int AS "pendingLiaisons"
      FROM post_assignment a WHERE a.org_unit_id = u.id AND a.status <> 'ENDED') c ON true`;

export const STAFF_COUNT_COLUMNS = `c.active, c."activeFullTimeInEstablishment", c."activeLiaisons", c.pending, c."pendingFullTimeInEstablishment", c."pendingLiaisons"`;

export const countsOf = (row: Record<string, number>) => ({
  active: row.active,
  activeFullTimeInEstablishment: row.activeFullTimeInEstablishment,
  activeLiaisons: row.activeLiaisons,
  pending: row.pending,
  pendingFullTimeInEstablishment: row.pendingFullTimeInEstablishment,
  pendingLiaisons: row.pendingLiaisons,
});

/**
 * Whether the person `s` is visible from a subtree given as a LIKE pattern expression: registered at a
 * unit there, or holding (or having held) a post there.
 */
export const statisticianVisible = (pattern: string) => `(
    EXISTS (SELECT 1 FROM org_unit ru WHERE ru.id = s.registered_at_id AND ru.path LIKE ${pattern})
    OR EXISTS (SELECT 1 FROM post_assignment va JOIN org_unit vu ON vu.id = va.org_unit_id
                WHERE va.statistician_id = s.id AND vu.path LIKE ${pattern}))`;

/** The LIKE pattern of a user's area from their home unit id, looked up inside the same query. */
export const homePattern = (param: string) =>
  `((SELECT h.path FROM org_unit h WHERE h.id = ${param} AND h.active) || '%')`;
