import type { GraphQLContext } from "@grassroots/kit";
import { policyFor, type PersonnelPolicy } from "../domain/access-policy";

/** What the caller may change (reads are scoped with the kit's readScope(ctx)). */
export async function changePolicy(ctx: GraphQLContext): Promise<PersonnelPolicy> {
  return policyFor(await ctx.access());
}

export type { GraphQLContext };
