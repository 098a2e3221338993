import { forbidden, notFoundInArea } from "@grassroots/kit/errors";
import { actorName, type Access, type Role } from "@grassroots/kit/identity";
import { describeUnit, type OrgUnitProjection } from "@grassroots/org-projection/units";

/** Who did a step, as the audit columns record it: the token subject and the display name. */
export interface Actor {
  id: string;
  name: string;
}

/** What the caller sent, as a refusal names it: `Assessment scheme <id>`, `Org unit <id>`. */
export interface Target {
  what: string;
  key: string;
  field?: string;
}

/**
 * Who may do what in evaluation (deny by default), in the one refusal order:
 *   1. `requireRole`: FORBIDDEN unless the caller holds one of the roles the action names;
 *   2. `requireVisible` / `requireInArea`: a target missing or outside what the caller may see is
 *      NOT_FOUND, worded alike (`<what> <key> does not exist in your area.`). A scheme is visible to the
 *      owner's area and to the units it assesses (a banner reads the city's scheme);
 *   3. `requireBureauOf`: FORBIDDEN for a target the caller sees but whose owner is not their own
 *      bureau (a banner admin and the city's scheme), naming the owner;
 *   4. only then the command checks its input (BAD_USER_INPUT), then the version (CONFLICT).
 */
export interface EvaluationPolicy {
  readonly actor: Actor;
  requireRole(action: string, ...roles: Role[]): void;
  /** Step 2 for a target inside the caller's area. */
  requireInArea(unit: Pick<OrgUnitProjection, "path"> | undefined, target: Target): void;
  /** Step 2 for a target owned by a unit the caller may see: inside their area or above them. */
  requireVisible(owner: Pick<OrgUnitProjection, "path"> | undefined, target: Target): void;
  /** Step 3: the caller's home unit is the owner (the city bureau for the city, a banner's for the banner). */
  requireBureauOf(owner: OrgUnitProjection, action: string): void;
  covers(path: string): boolean;
  /** The caller's home unit's path (undefined when unknown). */
  readonly homePath: string | undefined;
}

export function policyFor(access: Access): EvaluationPolicy {
  return {
    actor: { id: access.identity.userId, name: actorName(access.identity) },
    requireRole(action, ...roles) {
      access.requireRole(action, ...roles);
    },
    requireInArea(unit, { what, key, field }) {
      access.requireInArea(unit?.path, what, key, field);
    },
    requireVisible(owner, { what, key, field }) {
      const above = owner !== undefined && (access.homePath ?? "").startsWith(owner.path);
      if (!above) access.requireInArea(owner?.path, what, key, field);
    },
    requireBureauOf(owner, action) {
      if (access.homePath !== owner.path)
        throw forbidden(`Only the bureau of ${describeUnit(owner)} may ${action}.`);
    },
    covers: (path) => access.covers(path),
    homePath: access.homePath,
  };
}

/** Command-line tools (seed, republish) act as the system: every step allowed, audited by name. */
export function systemPolicy(actorId: string): EvaluationPolicy {
  return {
    actor: { id: actorId, name: actorId },
    requireRole() {},
    requireInArea(unit, { what, key }) {
      if (!unit) throw notFoundInArea(what, key);
    },
    requireVisible(owner, { what, key }) {
      if (!owner) throw notFoundInArea(what, key);
    },
    requireBureauOf() {},
    covers: () => true,
    homePath: "",
  };
}
