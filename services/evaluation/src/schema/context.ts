import { isUuid, readScope, requireIdentity, type GraphQLContext } from "@grassroots/kit";
import { policyFor, type EvaluationPolicy } from "../domain/access-policy";

/** A uuid that is never a unit: a caller whose home unit id is malformed sees nothing through references. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

/** The caller's home unit id, for references only (lists and lookups take `readScope(ctx)`). */
export const homeUnitOf = (ctx: GraphQLContext): string => {
  const { orgUnitId } = requireIdentity(ctx.identity);
  return isUuid(orgUnitId) ? orgUnitId : NOBODY;
};

export { readScope };
export type { GraphQLContext };

/** What the caller may change. */
export async function changePolicy(ctx: GraphQLContext): Promise<EvaluationPolicy> {
  return policyFor(await ctx.access());
}
