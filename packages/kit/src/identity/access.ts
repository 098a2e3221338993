import { forbidden, notFoundInArea, unauthenticated } from "../errors/app-error";
import type { Identity, Role } from "./identity";

/** A LIKE prefix no materialised path starts with. */
export const NO_SCOPE = "!no-scope!/";

/**
 * What a caller may touch: the roles they hold and the materialised path of their home org unit.
 * Paths are ancestor ids joined by "/" with a trailing "/", so a subtree is a string prefix.
 *
 * The refusal policy, one for every service and every command or lookup, in this order:
 *   1. the role check (`requireRole`): FORBIDDEN, naming the roles that may;
 *   2. the area check (`requireInArea`): a target outside the caller's area is NOT_FOUND, worded
 *      exactly as a target that does not exist, for reads and writes alike — so a refusal never
 *      tells a caller what exists elsewhere;
 *   3. only then the input is validated (BAD_USER_INPUT).
 */

export class Access {
  constructor(
    readonly identity: Identity,
    /** Path of the caller's home unit; undefined when the home unit is unknown (then nothing is in scope). */
    readonly homePath: string | undefined,
  ) {}

  hasRole(...roles: Role[]): boolean {
    return this.identity.roles.some((r) => roles.includes(r));
  }

  requireRole(action: string, ...roles: Role[]): void {
    if (!this.hasRole(...roles)) {
      throw forbidden(`Only ${roles.join(" or ")} may ${action}; you are ${this.identity.roles.join(", ")}.`);
    }
  }

  /** True when the target path lies in the caller's subtree (the home unit itself included). */
  covers(targetPath: string): boolean {
    return this.homePath !== undefined && targetPath.startsWith(this.homePath);
  }

  /**
   * Step 2 of the refusal policy: NOT_FOUND unless the target exists and lies in the caller's area.
   * `what` and `key` name the target as the caller gave it ("Org unit", the id or code they sent),
   * so the message is the same whether the target is missing or elsewhere.
   */
  requireInArea(targetPath: string | null | undefined, what: string, key: string, field?: string): void {
    if (!targetPath || !this.covers(targetPath)) throw notFoundInArea(what, key, field);
  }

  /** The prefix to filter subtree queries with (`path LIKE prefix || '%'`). */
  get scopePrefix(): string {
    // An unknown home unit matches nothing rather than everything (deny by default). Paths are
    // uuids joined by "/", so a prefix starting with "!" can never match one.
    return this.homePath ?? NO_SCOPE;
  }
}

export function requireIdentity(identity: Identity | undefined): Identity {
  if (!identity) throw unauthenticated();
  return identity;
}
