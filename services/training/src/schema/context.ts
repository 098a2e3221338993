import { requireIdentity, type GraphQLContext } from "@grassroots/kit";
import { policyFor, type TrainingPolicy } from "../domain/access-policy";
import type { Viewer } from "../domain/ports";
import { viewerOf } from "../domain/queries";

/** Whose view a read is for: reads compute the caller's area from their home unit in SQL. */
export const viewer = (ctx: GraphQLContext): Viewer => viewerOf(requireIdentity(ctx.identity).orgUnitId);

/** What the caller may change. */
export async function changePolicy(ctx: GraphQLContext): Promise<TrainingPolicy> {
  return policyFor(await ctx.access());
}

export type { GraphQLContext };
