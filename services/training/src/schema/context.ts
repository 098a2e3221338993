import { isUuid, readScope, requireIdentity, type GraphQLContext } from "@grassroots/kit";
import { policyFor, type TrainingPolicy } from "../domain/access-policy";

/** A uuid that is never a unit: a caller whose home unit id is malformed sees nothing through references. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

/**
 * The caller's home unit id, for references only: they compute the caller's area from it inside their
 * one statement. Lists and lookups take `readScope(ctx)` instead.
 */
export const homeUnitOf = (ctx: GraphQLContext): string => {
  const { orgUnitId } = requireIdentity(ctx.identity);
  return isUuid(orgUnitId) ? orgUnitId : NOBODY;
};

/** What the caller may change. */
export async function changePolicy(ctx: GraphQLContext): Promise<TrainingPolicy> {
  return policyFor(await ctx.access());
}

export { readScope };
export type { GraphQLContext };
