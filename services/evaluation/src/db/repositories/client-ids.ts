import { isUuid } from "@grassroots/kit/validation";

/**
 * A lookup by an id the client sent: an id that is no UUID names no row, so it is answered as a
 * missing one (the command's NOT_FOUND) instead of reaching PostgreSQL, which would fail the whole
 * statement on `invalid input syntax for type uuid` (an internal error; found by the #14 fuzzing).
 */
export function byClientId<T>(id: string, find: () => Promise<T | undefined>): Promise<T | undefined> {
  return isUuid(id) ? find() : Promise.resolve(undefined);
}
