import { requireIdentity } from "../identity/access";
import { isUuid } from "../validation/value-checks";
import type { GraphQLContext } from "./context";

/**
 * The reference resolver of an entity another subgraph owns (OrgUnit, Statistician in a subgraph
 * that only adds fields to them): its key, whatever the caller's area, with no query; only a malformed
 * key is no entity. Callers only. The fields the subgraph adds check the area themselves.
 */
export const keyOnlyReference = {
  __resolveReference: (ref: { id: string }, ctx: Pick<GraphQLContext, "identity">): { id: string } | null => {
    requireIdentity(ctx.identity);
    return isUuid(ref.id) ? { id: ref.id } : null;
  },
};
