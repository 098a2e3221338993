import type { Identity } from "@grassroots/kit";
import { createHash } from "node:crypto";

/**
 * Whom a cached answer may be shown to: callers with the same roles and the same home unit see the
 * same cacheable objects (they are filtered by area and masked by role, and depend on nothing else),
 * so every CITY_ADMIN of a city shares one dashboard answer. Not the user id: see Cacheable in the kit.
 */
export function accessKey(identity: Identity): string {
  const roles = [...identity.roles].sort().join(",");
  return createHash("sha256").update(`${roles}|${identity.orgUnitId}`).digest("base64url");
}
