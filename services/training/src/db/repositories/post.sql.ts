/**
 * SQL fragments of a post (a projected assignment) that several reads share: where it is, and whether
 * it is in force on a date.
 */

/**
 * The path of the unit an assignment is at: the org projection's current one (units move), or the
 * path the assignment event carried when the unit has not arrived yet.
 */
export const POST_PATH = (a: string, u: string) => `COALESCE(${u}.path, ${a}.org_unit_path)`;

/** An assignment in force: not ended (its end date, when set, not before `asOf`). */
export const IN_FORCE = (a: string, asOf: string) =>
  `(${a}.start_date <= ${asOf} AND (${a}.end_date IS NULL OR ${a}.end_date >= ${asOf}) AND (${a}.status <> 'ENDED' OR ${a}.end_date IS NOT NULL))`;
