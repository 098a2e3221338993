import { badInput } from "../errors/app-error";

/** The most rows one page of a list holds, and how many a client gets when it does not say. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** The page size a client asked for (`first`), or BAD_USER_INPUT naming the allowed range. */
export function checkPageSize(
  first: number | null | undefined,
  max = MAX_PAGE_SIZE,
  fallback = DEFAULT_PAGE_SIZE,
  argument = "first",
): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badInput(`${argument} must be between 1 and ${max}; got ${size}.`, argument);
  }
  return size;
}

/** Cursors are opaque to clients; inside they are `<kind>:<sort key>`. */
export const encodeCursor = (kind: string, key: string) =>
  Buffer.from(`${kind}:${key}`, "utf8").toString("base64url");

/** The sort key inside a cursor this API returned, or BAD_USER_INPUT naming the argument. */
export function decodeCursor(
  kind: string,
  cursor: string | undefined | null,
  keyPattern: RegExp,
  argument = "after",
): string | undefined {
  if (!cursor) return undefined;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const key = text.startsWith(`${kind}:`) ? text.slice(kind.length + 1) : undefined;
  if (key === undefined || !keyPattern.test(key)) {
    throw badInput(
      `${argument} is not a cursor this API returned; pass endCursor from a previous page.`,
      argument,
    );
  }
  return key;
}

/** One page of a list, as a store's keyset read returns it. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
}

/** A Relay-style connection (the GraphQL types are each service's; their data is this). */
export interface Connection<E> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * A page as a connection: each item's cursor is `encodeCursor(kind, keyOf(item))` (the keyset's sort
 * key), `endCursor` the last one's. `edge` builds an edge with more than cursor and node.
 */
export function connectionOf<T>(
  page: Page<T>,
  kind: string,
  keyOf: (item: T) => string,
): Connection<{ cursor: string; node: T }>;
export function connectionOf<T, E>(
  page: Page<T>,
  kind: string,
  keyOf: (item: T) => string,
  edge: (item: T, cursor: string) => E,
): Connection<E>;
export function connectionOf<T, E>(
  page: Page<T>,
  kind: string,
  keyOf: (item: T) => string,
  edge?: (item: T, cursor: string) => E,
): Connection<E | { cursor: string; node: T }> {
  const cursors = page.items.map((item) => encodeCursor(kind, keyOf(item)));
  return {
    edges: page.items.map((item, i) => (edge ? edge(item, cursors[i]) : { cursor: cursors[i], node: item })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: cursors.at(-1) ?? null },
    totalCount: page.totalCount,
  };
}
