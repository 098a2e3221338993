import { badParameter } from "./report";

// Query parameters of the exports: checked here so a bad one is refused before any operation runs.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `year`: a four-digit year 2000–2100; `fallback` when absent. */
export function yearParam(query: URLSearchParams, fallback: number): number {
  const raw = query.get("year");
  if (raw === null) return fallback;
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100)
    throw badParameter("year", `expected a year between 2000 and 2100, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** A unit id parameter (an org unit's UUID); `fallback` (the caller's home unit) when absent. */
export function unitIdParam(query: URLSearchParams, name: string, fallback: string): string {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!UUID.test(raw)) throw badParameter(name, `expected an org unit id (UUID), got ${JSON.stringify(raw)}`);
  return raw.toLowerCase();
}

/** A required id parameter (e.g. an allocation round's id). */
export function requiredIdParam(query: URLSearchParams, name: string): string {
  const raw = query.get(name);
  if (raw === null) throw badParameter(name, "required");
  if (!UUID.test(raw)) throw badParameter(name, `expected an id (UUID), got ${JSON.stringify(raw)}`);
  return raw.toLowerCase();
}

/** Business dates are China's (UTC+8). */
export function chinaToday(now = new Date()): { year: number; text: string } {
  const d = new Date(now.getTime() + 8 * 3600_000);
  return {
    year: d.getUTCFullYear(),
    text: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`,
  };
}
