import { forbidden, notFound, notFoundInArea } from "@grassroots/kit/errors";
import { actorName, type Access } from "@grassroots/kit/identity";
import { levelIfWellFormed } from "./division-code";
import { isTownshipLevel, isVillageLevel } from "./hierarchy";
import { describe, levelOfKind, type OrgUnit, type OrgUnitKind } from "./org-unit";

/**
 * Who may change what (deny by default). Reads are scoped in SQL to the caller's subtree instead.
 *
 * - CITY_ADMIN: any change inside their subtree (the whole city).
 * - BANNER_ADMIN: any change to units strictly below their home unit (their banner); data changes
 *   (register count, post flag) also on the home unit itself.
 * - UNIT_CLERK: data changes in their own subtree; structural changes (create, rename, move,
 *   deactivate) only of village-level units strictly below their home unit.
 * - INSPECTOR, FINANCE_OFFICER: read-only.
 * - Recording assessments: CITY_ADMIN or BANNER_ADMIN in scope. Recognition and standards: CITY_ADMIN.
 *
 * Every check runs in the one refusal order (kit's Access), before the command looks at its input:
 *   1. role: FORBIDDEN for a role that may not make this kind of change at all (a read-only role; a
 *      clerk asking for a unit above village level by the code or kind they sent);
 *   2. area: a target that is missing or outside the caller's area is NOT_FOUND, worded exactly like a
 *      missing one and keyed by what the caller sent (`Org unit <id> does not exist in your area.`);
 *   3. level: FORBIDDEN for a unit the caller can see but may not change structurally (a banner
 *      admin's own banner, a clerk's township): they see it, so saying so reveals nothing;
 * and only then the command validates its input (BAD_USER_INPUT).
 */
export interface ChangePolicy {
  /** The actor recorded in audit columns (user id, or the name of a command-line tool). */
  readonly actorId: string;
  /** Recorded beside it: the user's display name (JWT claim `name`, else the user id), or the tool's name. */
  readonly actorName: string;
  /** Create, rename, change kind, move or deactivate the unit the caller named; returns it. */
  structural(unit: OrgUnit | undefined, target: Target, action: string): OrgUnit;
  /** Create a unit with this code (and kind, when given) under the parent the caller named; returns the parent. */
  createUnder(
    parent: OrgUnit | undefined | null,
    target: Target,
    requested: { code: string; kind?: OrgUnitKind },
  ): OrgUnit | null;
  /** Step 2 alone, for a further unit a command names once its role is checked (a move's new parent). */
  inArea(unit: OrgUnit | undefined, target: Target): OrgUnit;
  /** Register counts and statistics-post flags of the unit the caller named; returns it. */
  data(unit: OrgUnit | undefined, target: Target, action: string): OrgUnit;
  /** Step 1 of recording or recognising 八有八化 assessments. */
  assessorRole(): void;
  /** Record a 八有八化 assessment of the unit the caller named (or of an assessment's unit); returns it. */
  assess(unit: OrgUnit | undefined, target: Target): OrgUnit;
  /** Recognise assessments or define standards (city-level decisions). */
  cityDecision(action: string): void;
}

/** How the caller named a target: what it is, the key they sent, and the input field that carried it. */
export interface Target {
  what: string;
  key: string;
  field?: string;
}

/** An org unit named by its id in the input field `field`. */
export const unitTarget = (id: string, field = "id"): Target => ({ what: "Org unit", key: id, field });

const strictlyBelow = (access: Access, path: string) => access.covers(path) && path !== access.homePath;

export function policyFor(access: Access): ChangePolicy {
  const roles = access.identity.roles.join(", ");
  const mayChange = (action: string) => {
    if (!access.hasRole("CITY_ADMIN", "BANNER_ADMIN", "UNIT_CLERK"))
      throw forbidden(`Your role (${roles}) is read-only; you may not ${action}.`);
  };
  const inArea = (unit: OrgUnit | undefined, target: Target): OrgUnit => {
    if (!unit || !access.covers(unit.path)) throw notFoundInArea(target.what, target.key, target.field);
    return unit;
  };
  const assessorRole = () =>
    access.requireRole("record standardization assessments", "CITY_ADMIN", "BANNER_ADMIN");
  const clerkOnlyVillages = (what: string, action: string) =>
    forbidden(`A unit clerk may ${action} only villages and communities; ${what}.`);

  return {
    actorId: access.identity.userId,
    actorName: actorName(access.identity),
    structural(unit, target, action) {
      mayChange(action);
      const seen = inArea(unit, target);
      if (access.hasRole("CITY_ADMIN")) return seen;
      const below = strictlyBelow(access, seen.path);
      if (access.hasRole("BANNER_ADMIN") && below) return seen;
      if (access.hasRole("UNIT_CLERK") && below) {
        if (isVillageLevel(seen.kind)) return seen;
        throw clerkOnlyVillages(`${describe(seen)} is a ${seen.kind}`, action);
      }
      throw forbidden(
        `You may ${action} only below your home unit; ${describe(seen)} is your home unit: ask the level above.`,
      );
    },
    createUnder(parent, target, requested) {
      const action = "create units";
      mayChange(action);
      const onlyClerk = !access.hasRole("CITY_ADMIN", "BANNER_ADMIN");
      if (onlyClerk) {
        // Decided from what the caller sent alone, before anything is looked up.
        const level = requested.kind ? levelOfKind(requested.kind) : levelIfWellFormed(requested.code);
        if (level && level !== "VILLAGE")
          throw clerkOnlyVillages(`code ${requested.code} is ${level.toLowerCase()} level`, action);
      }
      if (parent === null) throw forbidden("Only the division import creates cities.");
      const seen = inArea(parent, target);
      if (onlyClerk && !isTownshipLevel(seen.kind))
        throw clerkOnlyVillages(`a unit under ${seen.kind} ${describe(seen)} would not be one`, action);
      return seen;
    },
    inArea,
    data(unit, target, action) {
      mayChange(action);
      return inArea(unit, target);
    },
    assessorRole,
    assess(unit, target) {
      assessorRole();
      return inArea(unit, target);
    },
    cityDecision(action) {
      access.requireRole(action, "CITY_ADMIN");
    },
  };
}

/**
 * Command-line tools (import, seed) act as the system: every change is allowed and audited by name;
 * a target that does not exist is still NOT_FOUND.
 */
export function systemPolicy(actorId: string): ChangePolicy {
  const exists = (unit: OrgUnit | undefined, target: Target): OrgUnit => {
    if (!unit) throw notFound(target.what, target.key);
    return unit;
  };
  return {
    actorId,
    actorName: actorId,
    structural: exists,
    createUnder: (parent, target) => (parent === null ? null : exists(parent, target)),
    inArea: exists,
    data: exists,
    assessorRole() {},
    assess: exists,
    cityDecision() {},
  };
}
