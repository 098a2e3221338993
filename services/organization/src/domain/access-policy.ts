import { forbidden, type Access } from "@grassroots/kit";
import { isVillageLevel } from "./hierarchy";
import { describe, type OrgUnit } from "./org-unit";

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
 */
export interface ChangePolicy {
  /** The actor recorded in audit columns (user id, or the name of a command-line tool). */
  readonly actorId: string;
  /** Create, rename, change kind, move or deactivate `unit`. */
  structural(unit: Pick<OrgUnit, "path" | "kind" | "name" | "code">, action: string): void;
  /** Register counts and statistics-post flags of `unit`. */
  data(unit: Pick<OrgUnit, "path" | "name" | "code">, action: string): void;
  /** Record a 八有八化 assessment of `unit`. */
  assess(unit: Pick<OrgUnit, "path" | "name" | "code">): void;
  /** Recognise assessments or define standards (city-level decisions). */
  cityDecision(action: string): void;
}

const strictlyBelow = (access: Access, path: string) => access.covers(path) && path !== access.homePath;

function outside(unit: Pick<OrgUnit, "name" | "code">, action: string) {
  return forbidden(`You may ${action} only inside your own area; ${describe(unit)} is outside it.`);
}

export function policyFor(access: Access): ChangePolicy {
  const readOnly = () => !access.hasRole("CITY_ADMIN", "BANNER_ADMIN", "UNIT_CLERK");
  const denyReadOnly = (action: string) => {
    if (readOnly())
      throw forbidden(`Your role (${access.identity.roles.join(", ")}) is read-only; you may not ${action}.`);
  };
  return {
    actorId: access.identity.userId,
    structural(unit, action) {
      denyReadOnly(action);
      if (access.hasRole("CITY_ADMIN") && access.covers(unit.path)) return;
      if (access.hasRole("BANNER_ADMIN") && strictlyBelow(access, unit.path)) return;
      if (access.hasRole("UNIT_CLERK") && strictlyBelow(access, unit.path)) {
        if (isVillageLevel(unit.kind)) return;
        throw forbidden(
          `A unit clerk may ${action} only villages and communities; ${describe(unit)} is a ${unit.kind}.`,
        );
      }
      throw outside(unit, action);
    },
    data(unit, action) {
      denyReadOnly(action);
      if (access.covers(unit.path)) return;
      throw outside(unit, action);
    },
    assess(unit) {
      access.requireRole("record standardization assessments", "CITY_ADMIN", "BANNER_ADMIN");
      if (!access.covers(unit.path)) throw outside(unit, "record assessments");
    },
    cityDecision(action) {
      access.requireRole(action, "CITY_ADMIN");
    },
  };
}

/** Command-line tools (import, seed) act as the system: every change is allowed and audited by name. */
export function systemPolicy(actorId: string): ChangePolicy {
  return { actorId, structural() {}, data() {}, assess() {}, cityDecision() {} };
}
