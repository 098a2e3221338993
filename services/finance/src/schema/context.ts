import { isUuid, readScope, requireIdentity, type GraphQLContext } from "@grassroots/kit";
import type { Role } from "@grassroots/kit/identity";
import { policyFor, type FinancePolicy } from "../domain/access-policy";

/** A uuid that is never a unit: a caller whose home unit id is malformed sees nothing through references. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

/** The caller's home unit id, for references only (they compute the area inside their one statement). */
export const homeUnitOf = (ctx: GraphQLContext): string => {
  const { orgUnitId } = requireIdentity(ctx.identity);
  return isUuid(orgUnitId) ? orgUnitId : NOBODY;
};

/** What the caller may change. */
export async function changePolicy(ctx: GraphQLContext): Promise<FinancePolicy> {
  return policyFor(await ctx.access());
}

/** A query's role check (deny by default), then the caller's scope. */
export async function readerScope(
  ctx: GraphQLContext,
  action: string,
  roles: readonly Role[],
): Promise<string> {
  (await ctx.access()).requireRole(action, ...roles);
  return readScope(ctx);
}

/** Whether the caller's role reads this kind of record (nested fields answer null instead of failing). */
export const mayRead = (ctx: GraphQLContext, roles: readonly Role[]): boolean =>
  requireIdentity(ctx.identity).roles.some((r) => roles.includes(r));

export { readScope };
export type { GraphQLContext };
