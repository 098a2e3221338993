import { createHash } from "node:crypto";

/** A stable id from what a seeded record is (the same parts, the same id): a second run finds it; adding a unit changes no other. */
export function seedId(...parts: (string | number)[]): string {
  const h = createHash("sha1")
    .update(`finance-seed:${parts.join(":")}`)
    .digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small stable number from a code (which pattern a unit's sample payments follow). */
export const pick = (code: string, n: number) =>
  parseInt(createHash("sha1").update(code).digest("hex").slice(0, 8), 16) % n;

/** A date (YYYY-MM-DD) so many days later (or earlier). */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
