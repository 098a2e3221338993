import { POST_PATH } from "./directory";

/**
 * SQL conditions of what a caller may see, given a parameter holding their home unit id. The caller's
 * subtree comes from the org projection in the same statement, so a read is one query; an unknown or
 * deactivated home unit yields NULL, and every condition below is then false (deny by default).
 */
export const viewerPath = (home: string) =>
  `(SELECT v.path FROM org_unit v WHERE v.id = ${home}::uuid AND v.active)`;

/** A unit inside the caller's subtree. */
export const unitInScope = (unit: string, home: string) => `${unit}.path LIKE ${viewerPath(home)} || '%'`;

/** A session's organizer inside the caller's subtree, or above the caller (the city's or their banner's sessions). */
export const sessionVisible = (organizer: string, home: string) =>
  `(${unitInScope(organizer, home)} OR ${viewerPath(home)} LIKE ${organizer}.path || '%')`;

/** A person who holds or held a post inside the caller's subtree. */
export const statisticianVisible = (statisticianId: string, home: string) =>
  `EXISTS (SELECT 1 FROM statistician_assignment va LEFT JOIN org_unit vu ON vu.id = va.org_unit_id
            WHERE va.statistician_id = ${statisticianId} AND ${POST_PATH("va", "vu")} LIKE ${viewerPath(home)} || '%')`;

/** An enrolment or certificate: the organizer's side sees all of its sessions' people; others see their own people. */
export const participantVisible = (organizer: string, statisticianId: string, home: string) =>
  `(${unitInScope(organizer, home)} OR ${statisticianVisible(statisticianId, home)})`;
