import { createHash } from "node:crypto";

/** JSON with object keys sorted, so the same data hashes alike whatever order a producer wrote it in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** What the inbox keeps of an event's data: its type and data, hashed (never the data itself). */
export function eventDataHash(type: string, data: unknown): string {
  return createHash("sha256").update(type).update("\n").update(canonical(data)).digest("base64url");
}
