import { badInput } from "@grassroots/kit";
import type { Clock } from "./ports";

/** Small value checks shared by the commands; each failure names the field and what would be accepted. */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => new Date(Date.now() + CHINA_OFFSET_MS).toISOString().slice(0, 10),
};

export function checkName(name: string, field = "name"): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) {
    throw badInput(`A unit name must have 1 to 100 characters; got ${trimmed.length}.`, field);
  }
  return trimmed;
}

export function checkDate(value: string, field: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) throw badInput(`${field} must be a date YYYY-MM-DD; got "${value}".`, field);
  return value;
}

export function checkNotFuture(value: string, field: string, clock: Clock): string {
  checkDate(value, field);
  const today = clock.today();
  if (value > today) throw badInput(`${field} ${value} is in the future; use a date on or before ${today}.`, field);
  return value;
}

export function checkText(value: string, field: string, max: number, min = 1): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw badInput(`${field} must have ${min} to ${max} characters; got ${trimmed.length}.`, field);
  }
  return trimmed;
}

export function checkInt(value: number, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${field} must be a whole number from ${min} to ${max}; got ${value}.`, field);
  }
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);
