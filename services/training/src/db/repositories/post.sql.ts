/** SQL fragments of a post (a projected assignment) that several reads share: where it is. */

/**
 * The path of the unit an assignment is at: the org projection's current one (units move), or the
 * path the assignment event carried when the unit has not arrived yet.
 */
export const POST_PATH = (a: string, u: string) => `COALESCE(${u}.path, ${a}.org_unit_path)`;
