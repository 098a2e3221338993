import type { MiddlewareFn } from "type-graphql";
import { unauthenticated } from "../errors/app-error";
import type { GraphQLContext } from "./context";

/**
 * Deny by default: every root query and mutation needs a forwarded identity. Federation's own fields
 * (_service, _entities) are not type-graphql resolvers; reference resolvers check identity themselves.
 */
export const RequireIdentity: MiddlewareFn<GraphQLContext> = async ({ context, info }, next) => {
  const parent = info.parentType.name;
  if ((parent === "Query" || parent === "Mutation") && !context.identity) throw unauthenticated();
  return next();
};
