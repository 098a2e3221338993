import { orgUnitIdForCode, type Identity, type Role } from "@grassroots/kit";

/** A caller with one role whose home unit has this division code (ids derive from codes). */
export const identityAt = (role: Role, code: string, userId = `${role.toLowerCase()}-${code}`): Identity => ({
  userId,
  roles: [role],
  orgUnitId: orgUnitIdForCode(code),
});
