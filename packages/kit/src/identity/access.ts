import { forbidden, unauthenticated } from "../errors/app-error";
import type { Identity, Role } from "./identity";

/**
 * What a caller may touch: the roles they hold and the materialised path of their home org unit.
 * Paths are ancestor ids joined by "/" with a trailing "/", so a subtree is a string prefix.
 */
/** A LIKE prefix no materialised path starts with. */
export const NO_SCOPE = "!no-scope!/";

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

  requireCovers(targetPath: string, action: string): void {
    if (!this.covers(targetPath)) {
      throw forbidden(`You may ${action} only for units inside your own area.`);
    }
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
