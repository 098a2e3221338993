import type { Logger } from "pino";

import { Access, requireIdentity } from "../identity/access";
import type { Identity } from "../identity/identity";

/** What every resolver receives. `access()` looks up the caller's home unit once per request. */
export interface GraphQLContext {
  requestId: string;
  identity?: Identity;
  logger: Logger;
  access(): Promise<Access>;
}

export type HomePathLookup = (orgUnitId: string) => Promise<string | undefined>;

export function createContext(
  requestId: string,
  identity: Identity | undefined,
  logger: Logger,
  homePathOf: HomePathLookup,
): GraphQLContext {
  let access: Promise<Access> | undefined;
  return {
    requestId,
    identity,
    logger,
    access() {
      const caller = requireIdentity(identity);
      access ??= homePathOf(caller.orgUnitId).then((path) => new Access(caller, path));
      return access;
    },
  };
}

/**
 * The one read-scoping helper: the path prefix of the caller's subtree, for every read to filter on
 * (`path LIKE $scope || '%'`). A caller whose home unit is unknown gets a prefix no path has (deny by
 * default). Looked up once per request.
 */
export async function readScope(ctx: Pick<GraphQLContext, "access">): Promise<string> {
  return (await ctx.access()).scopePrefix;
}
