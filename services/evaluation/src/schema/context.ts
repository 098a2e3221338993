import { isUuid, readScope, requireIdentity, type GraphQLContext } from "@grassroots/kit";

/** A uuid that is never a unit: a caller whose home unit id is malformed sees nothing through references. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

/** The caller's home unit id, for references only (lists and lookups take `readScope(ctx)`). */
export const homeUnitOf = (ctx: GraphQLContext): string => {
  const { orgUnitId } = requireIdentity(ctx.identity);
  return isUuid(orgUnitId) ? orgUnitId : NOBODY;
};

export { readScope };
export type { GraphQLContext };
