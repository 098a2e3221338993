import type { GraphQLContext } from "@grassroots/kit";
import { policyFor, type PersonnelPolicy } from "../domain/access-policy";
import type { Scope } from "../domain/ports";

/** The caller's subtree for reads; a caller whose home unit is unknown sees nothing (deny by default). */
export async function readScope(ctx: GraphQLContext): Promise<Scope> {
  return (await ctx.access()).scopePrefix;
}

/** What the caller may change. */
export async function changePolicy(ctx: GraphQLContext): Promise<PersonnelPolicy> {
  return policyFor(await ctx.access());
}

export type { GraphQLContext };
