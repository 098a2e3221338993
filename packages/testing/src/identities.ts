import { orgUnitIdForCode, type Identity, type Role } from "@grassroots/kit";

/** A caller with one role whose home unit has this division code (ids derive from codes). */
export const identityAt = (
  role: Role,
  code: string,
  userId = `${role.toLowerCase()}-${code}`,
  /** Display name (JWT claim `name`); absent like an older token's when not given. */
  name?: string,
): Identity => ({
  userId,
  roles: [role],
  orgUnitId: orgUnitIdForCode(code),
  ...(name ? { name } : {}),
});
