import type { GraphQLContext } from "@grassroots/kit";
import { policyFor, type ChangePolicy } from "../domain/access-policy";

/** What the caller may change (reads are scoped with the kit's readScope(ctx)). */
export async function changePolicy(ctx: GraphQLContext): Promise<ChangePolicy> {
  return policyFor(await ctx.access());
}

export type { GraphQLContext };
