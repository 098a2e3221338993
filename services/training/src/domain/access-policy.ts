import { forbidden, notFoundInArea } from "@grassroots/kit/errors";
import { actorName, type Access, type Role } from "@grassroots/kit/identity";
import { describeUnit, type OrgUnitRef } from "./directory";

/** The roles that manage training; every other role reads only. */
export const MANAGER_ROLES: readonly Role[] = ["CITY_ADMIN", "BANNER_ADMIN"];

/** Who did a step, as the audit columns record it: the token subject and the display name. */
export interface Actor {
  id: string;
  name: string;
}

/**
 * Who may manage training (deny by default). Reads are filtered in SQL instead (src/db/repositories/visibility.ts).
 *
 * Every command refuses in the kit's one order, before it validates any input:
 *   1. `requireManager`: FORBIDDEN unless the caller is CITY_ADMIN or BANNER_ADMIN (UNIT_CLERK,
 *      INSPECTOR and FINANCE_OFFICER read only), naming the roles that may;
 *   2. `manage` / `requirePersonInArea`: the target must be one the caller may see, else NOT_FOUND
 *      worded exactly as a target that does not exist (`<what> <key> does not exist in your area.`),
 *      never naming anything elsewhere. An organizer to plan for, an enrolment and a person must lie in
 *      the caller's area; a session may also be one of a bureau above them (they read those: the
 *      city's, their banner's);
 *   3. the bureau rule: FORBIDDEN, naming the organizer, for a session the caller sees but may not
 *      manage (a banner admin and the city's session) — it reveals nothing they cannot read;
 *   4. only then the command checks its input (BAD_USER_INPUT).
 *
 * A session is managed by the organizer's own bureau — a BANNER_ADMIN whose home unit IS the organizer
 * — or by a CITY_ADMIN whose area contains the organizer (the city bureau manages every session of the
 * city).
 */
export interface TrainingPolicy {
  readonly actor: Actor;
  /** Step 1: the caller's role manages training. */
  requireManager(action: string): void;
  /**
   * Steps 2–3 for an organizer (undefined: not in the projection): NOT_FOUND as the target unless it
   * lies in the caller's area (`reach` "area"), or in it or above it (`reach` "visible": a session's
   * organizer); then FORBIDDEN unless the caller's bureau manages it.
   */
  manage(
    organizer: OrgUnitRef | undefined,
    action: string,
    target: Target,
    reach?: Reach,
  ): asserts organizer is OrgUnitRef;
  /** Step 2 for a person: NOT_FOUND as `Statistician <key>` unless one of their current posts lies in the caller's area. */
  requirePersonInArea(postPaths: readonly string[], key: string): void;
  /** Step 1 of a city-level decision (republishing every rule status): CITY_ADMIN only. */
  cityDecision(action: string): void;
}

/** What the caller sent, as a refusal names it: `Training session <id>`, `Enrollment <id>`, `Org unit <id>`. */
export interface Target {
  what: string;
  key: string;
}

/** How far a target may lie: inside the caller's area, or also above it (sessions of the city, of their banner). */
export type Reach = "area" | "visible";

export function policyFor(access: Access): TrainingPolicy {
  return {
    actor: { id: access.identity.userId, name: actorName(access.identity) },
    requireManager(action) {
      access.requireRole(action, ...MANAGER_ROLES);
    },
    manage(organizer, action, { what, key }, reach = "area") {
      const above =
        reach === "visible" && organizer !== undefined && (access.homePath ?? "").startsWith(organizer.path);
      if (!above) access.requireInArea(organizer?.path, what, key);
      if (access.hasRole("CITY_ADMIN") && access.covers(organizer!.path)) return;
      if (access.hasRole("BANNER_ADMIN") && access.homePath === organizer?.path) return;
      throw forbidden(`Only the bureau of ${describeUnit(organizer!)} or the city bureau may ${action}.`);
    },
    requirePersonInArea(postPaths, key) {
      if (!postPaths.some((path) => access.covers(path))) throw notFoundInArea("Statistician", key);
    },
    cityDecision(action) {
      access.requireRole(action, "CITY_ADMIN");
    },
  };
}

/** Command-line tools (seed) act as the system: every change is allowed and audited by name. */
export function systemPolicy(actorId: string): TrainingPolicy {
  return {
    actor: { id: actorId, name: actorId },
    requireManager() {},
    manage(organizer, _action, { what, key }) {
      if (!organizer) throw notFoundInArea(what, key);
    },
    requirePersonInArea() {},
    cityDecision() {},
  };
}
