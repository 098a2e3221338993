import { forbidden, notFoundInArea } from "@grassroots/kit/errors";
import { actorName, type Access, type Role } from "@grassroots/kit/identity";
import { describeUnit } from "@grassroots/org-projection/units";
import type { OrgUnitRef } from "./ports";

/** Who did a step, as the audit columns record it: the token subject and the display name. */
export interface Actor {
  id: string;
  name: string;
}

/** Roles that read finance's records inside their area (deny by default: a role not listed reads nothing). */
export const BUDGET_READERS: readonly Role[] = ["CITY_ADMIN", "BANNER_ADMIN", "FINANCE_OFFICER", "INSPECTOR"];
/** R10 records are read by the township clerks who record the tasks too. */
export const SUBSIDY_READERS: readonly Role[] = [...BUDGET_READERS, "UNIT_CLERK"];

/**
 * Who may change what (deny by default), refusing in the one order: the role (FORBIDDEN naming the
 * roles that may) → the target's area (NOT_FOUND worded as a missing one) → the caller's own level
 * (FORBIDDEN: a finance officer records their own government's lines only) → input → version.
 */
export interface FinancePolicy {
  readonly actor: Actor;
  requireRole(action: string, ...roles: Role[]): void;
  /** NOT_FOUND as `<what> <key>` unless the unit exists and lies in the caller's area. */
  requireInArea(
    unit: OrgUnitRef | undefined,
    what: string,
    key: string,
    field?: string,
  ): asserts unit is OrgUnitRef;
  /** NOT_FOUND unless the caller acts inside this unit's subtree or above it (a township clerk and their banner's claims). */
  requireWithin(
    unit: OrgUnitRef | undefined,
    what: string,
    key: string,
    field?: string,
  ): asserts unit is OrgUnitRef;
  /** FORBIDDEN unless the caller's home unit is this unit (a city officer the city's, a banner officer the banner's). */
  requireOwnLevel(unit: OrgUnitRef, action: string): void;
}

export function policyFor(access: Access): FinancePolicy {
  return {
    actor: { id: access.identity.userId, name: actorName(access.identity) },
    requireRole(action, ...roles) {
      access.requireRole(action, ...roles);
    },
    requireInArea(unit, what, key, field) {
      access.requireInArea(unit?.path, what, key, field);
    },
    requireWithin(unit, what, key, field) {
      const inside =
        unit !== undefined && (access.covers(unit.path) || (access.homePath ?? "").startsWith(unit.path));
      if (!inside) throw notFoundInArea(what, key, field);
    },
    requireOwnLevel(unit, action) {
      if (access.homePath !== unit.path)
        throw forbidden(
          `Only the bureau of ${describeUnit(unit)} may ${action}; you act for your own unit's level.`,
        );
    },
  };
}

/** Command-line tools (seed, republish) act as the system: every change is allowed and audited by name. */
export function systemPolicy(actorId: string): FinancePolicy {
  return {
    actor: { id: actorId, name: actorId },
    requireRole() {},
    requireInArea(unit, what, key) {
      if (!unit) throw notFoundInArea(what, key);
    },
    requireWithin(unit, what, key) {
      if (!unit) throw notFoundInArea(what, key);
    },
    requireOwnLevel() {},
  };
}
