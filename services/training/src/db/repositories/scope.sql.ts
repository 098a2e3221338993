import { POST_PATH } from "./post.sql";

/**
 * SQL conditions of what a caller sees, over a scope: an SQL expression holding the path prefix of
 * the caller's subtree. Lists and lookups pass the prefix from `readScope(ctx)` as a parameter
 * (`$n`); references pass `homeScope(param)`, which computes it from the caller's home unit inside the
 * same statement, so resolving a reference stays one statement. A caller whose home unit is unknown or
 * deactivated has a scope no path matches (the kit's NO_SCOPE, or NULL here): they see nothing.
 */

/** The caller's prefix computed in the statement from their home unit id (references only). */
export const homeScope = (home: string) =>
  `(SELECT v.path FROM org_unit v WHERE v.id = ${home}::uuid AND v.active)`;

/** A path inside the caller's subtree. */
export const pathInScope = (path: string, scope: string) => `${path} LIKE ${scope} || '%'`;

/** A unit inside the caller's subtree. */
export const unitInScope = (unit: string, scope: string) => pathInScope(`${unit}.path`, scope);

/** A session's organizer inside the caller's subtree, or above the caller (the city's or their banner's sessions). */
export const sessionInView = (organizer: string, scope: string) =>
  `(${unitInScope(organizer, scope)} OR ${scope} LIKE ${organizer}.path || '%')`;

/** A person who holds or held a post inside the caller's subtree. */
export const statisticianInScope = (statisticianId: string, scope: string) =>
  `EXISTS (SELECT 1 FROM statistician_assignment va LEFT JOIN org_unit vu ON vu.id = va.org_unit_id
            WHERE va.statistician_id = ${statisticianId} AND ${pathInScope(POST_PATH("va", "vu"), scope)})`;

/** An enrolment or certificate: the organizer's side sees all of its sessions' people; others see their own people. */
export const participantInView = (organizer: string, statisticianId: string, scope: string) =>
  `(${unitInScope(organizer, scope)} OR ${statisticianInScope(statisticianId, scope)})`;
