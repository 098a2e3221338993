import { Directive } from "type-graphql";

/**
 * Apollo's cache-control directive, declared in every subgraph's SDL. A subgraph answer is cacheable
 * only when every object in it carries a hint; the gateway takes the shortest age over all the
 * subgraphs a query touched and caches the whole answer per caller (see gateway/src/cache).
 */
export const CACHE_CONTROL_SDL = `
# @inaccessible: an internal detail of the subgraphs, kept out of the public API.
enum CacheControlScope @inaccessible { PUBLIC PRIVATE }
directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;

/**
 * How old a cached answer may be, by what it shows: the org tree changes by decision of a bureau, a
 * summary (staffing, coverage) with every appointment. Working lists (statisticians, filings,
 * sessions, enrolments) carry no hint and are always read fresh.
 */
export const CACHE_MAX_AGE_SECONDS = { structure: 60, summary: 15 } as const;

/**
 * Marks an object type as safe to cache for `kind`'s age. Always PRIVATE: answers are filtered by the
 * caller's area and masked by role, so the gateway shares them only between callers with the same
 * roles and home unit. Use it only on objects whose content depends on nothing else about the caller
 * (not on the user id), and never on personal working lists.
 */
export function Cacheable(kind: keyof typeof CACHE_MAX_AGE_SECONDS): ClassDecorator {
  return Directive(`@cacheControl(maxAge: ${CACHE_MAX_AGE_SECONDS[kind]}, scope: PRIVATE)`) as ClassDecorator;
}

/** For helper types (page info) that are as fresh as whatever holds them. */
export function InheritsCacheAge(): ClassDecorator {
  return Directive("@cacheControl(inheritMaxAge: true)") as ClassDecorator;
}
