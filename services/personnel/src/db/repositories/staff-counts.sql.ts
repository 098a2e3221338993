import type { StaffCounts } from "../../rules/staffing-requirement";
import { COUNTED_STATUS, PENDING_STATUS } from "../../rules/staffing-requirement";
import { FULL_TIME_IN_ESTABLISHMENT } from "../../rules/r3-township-staffing";
import { LIAISON } from "../../rules/post-roles";

/** An enum value of a rule as a SQL literal (only upper-case words: never user text). */
function literal(value: string): string {
  if (!/^[A-Z_]+$/.test(value)) throw new Error(`not an enum value: ${value}`);
  return `'${value}'`;
}

const counted = `a.status = ${literal(COUNTED_STATUS)}`;
const pending = `a.status = ${literal(PENDING_STATUS)}`;
// R3's "full-time in establishment" and R4's liaison, as the rules define them.
const fullTime = `a.role = ${literal(FULL_TIME_IN_ESTABLISHMENT.role)} AND a.establishment = ${literal(FULL_TIME_IN_ESTABLISHMENT.establishment)}`;
const liaison = `a.role = ${literal(LIAISON)}`;

/** Staff counts of the unit `u` from its open assignments (one row, zeros when it has none). */
export const STAFF_COUNTS_LATERAL = `LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE ${counted})::int AS active,
           count(*) FILTER (WHERE ${counted} AND ${fullTime})::int AS "activeFullTimeInEstablishment",
           count(*) FILTER (WHERE ${counted} AND ${liaison})::int AS "activeLiaisons",
           count(*) FILTER (WHERE ${pending})::int AS pending,
           count(*) FILTER (WHERE ${pending} AND ${fullTime})::int AS "pendingFullTimeInEstablishment",
           count(*) FILTER (WHERE ${pending} AND ${liaison})::int AS "pendingLiaisons"
      FROM post_assignment a WHERE a.org_unit_id = u.id AND a.status <> 'ENDED') c ON true`;

export const STAFF_COUNT_COLUMNS = `c.active, c."activeFullTimeInEstablishment", c."activeLiaisons", c.pending, c."pendingFullTimeInEstablishment", c."pendingLiaisons"`;

export const countsOf = (row: Record<string, number>): StaffCounts => ({
  active: row.active,
  activeFullTimeInEstablishment: row.activeFullTimeInEstablishment,
  activeLiaisons: row.activeLiaisons,
  pending: row.pending,
  pendingFullTimeInEstablishment: row.pendingFullTimeInEstablishment,
  pendingLiaisons: row.pendingLiaisons,
});
