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
