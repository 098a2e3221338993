/**
 * Helpers for per-request DataLoaders: a batch function gets keys and returns rows in any order;
 * DataLoader wants one result per key, in key order.
 */

/**
 * Memoises `create(ctx)` per request context (a WeakMap, so nothing outlives the request): every
 * resolver of one request shares the same loaders, hence the same batches.
 */
export function perRequest<C extends object, L>(create: (ctx: C) => L): (ctx: C) => L {
  const cache = new WeakMap<C, L>();
  return (ctx) => {
    let found = cache.get(ctx);
    if (!found) {
      found = create(ctx);
      cache.set(ctx, found);
    }
    return found;
  };
}

/**
 * `loaders(ctx, services)` for resolvers that hold the services: one set of loaders per request and
 * service set (tests build several), so every resolver of a request shares the same batches.
 */
export function loadersPerRequest<C extends object, S extends object, L>(
  create: (ctx: C, services: S) => L,
): (ctx: C, services: S) => L {
  const byServices = new WeakMap<S, (ctx: C) => L>();
  return (ctx, services) => {
    let forRequest = byServices.get(services);
    if (!forRequest) {
      forRequest = perRequest((c: C) => create(c, services));
      byServices.set(services, forRequest);
    }
    return forRequest(ctx);
  };
}

/**
 * One loader per argument of a field that takes arguments (`OrgUnit.scorecard(year)`): every parent
 * asking with the same argument shares one batch. Call it once per request (inside `perRequest`);
 * arguments are told apart by their JSON.
 */
export function perArgument<A, L>(make: (arg: A) => L): (arg: A) => L {
  const made = new Map<string, L>();
  return (arg) => {
    const key = JSON.stringify(arg);
    let loader = made.get(key);
    if (!loader) made.set(key, (loader = make(arg)));
    return loader;
  };
}
