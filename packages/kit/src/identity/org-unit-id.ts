import { createHash } from "node:crypto";

// Fixed namespace so every environment derives the same org unit id from the same division code.
const NAMESPACE = Buffer.from("6f1d3c2a9b8e4f70a1c2d3e4f5a6b7c8", "hex");

/**
 * The id of an org unit created with a division code: a name-based UUID (RFC 9562 version 5) of the
 * code. Deterministic, so seeds, development tokens and other services agree without a lookup.
 */
export function orgUnitIdForCode(code: string): string {
  const hash = createHash("sha1").update(NAMESPACE).update(code, "utf8").digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
