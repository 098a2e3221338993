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
