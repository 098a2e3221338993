import type { GraphQLFieldResolver } from "graphql";
import { unauthenticated } from "../errors/app-error";
import type { GraphQLContext } from "./context";

type Resolvers = Record<string, Record<string, unknown>>;

/**
 * Deny by default: every root query and mutation needs a forwarded identity. Only the root fields are
 * wrapped, not every field (a global middleware made each of a large answer's ~15,000 fields an async
 * call: most of a big scorecard's CPU). Federation's own fields (_service, _entities) are added later by
 * buildSubgraphSchema; reference resolvers check identity themselves.
 */
export function requireIdentityOnRootFields(resolvers: Resolvers): void {
  for (const root of ["Query", "Mutation"]) {
    const fields = resolvers[root];
    if (!fields) continue;
    for (const [name, resolver] of Object.entries(fields)) {
      if (typeof resolver !== "function") continue;
      const resolve = resolver as GraphQLFieldResolver<unknown, GraphQLContext>;
      fields[name] = (
        parent: unknown,
        args: Record<string, unknown>,
        context: GraphQLContext,
        info: never,
      ) => {
        if (!context.identity) throw unauthenticated();
        return resolve(parent, args, context, info);
      };
    }
  }
}
