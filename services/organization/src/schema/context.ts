import type { GraphQLContext } from "@grassroots/kit";
import { policyFor, type ChangePolicy } from "../domain/access-policy";
import type { Scope } from "../domain/ports";

/** A prefix no path has (paths start with a hex uuid): the scope of a caller whose home unit is unknown. */
const NOTHING: Scope = "-/";

/** The caller's subtree for reads (deny by default). */
export async function readScope(ctx: GraphQLContext): Promise<Scope> {
  return (await ctx.access()).homePath ?? NOTHING;
}

/** What the caller may change. */
export async function changePolicy(ctx: GraphQLContext): Promise<ChangePolicy> {
  return policyFor(await ctx.access());
}

export type { GraphQLContext };
