import { badInput } from "../errors/app-error";

/**
 * Small value checks for command inputs and the business clock. Each failure is a BAD_USER_INPUT that
 * names the field and what would be accepted.
 */

/** Business dates (training completion, appointments, fiscal years) are days in China (UTC+8). */
export interface Clock {
  /** Today's business date in China, YYYY-MM-DD. */
  today(): string;
  now(): Date;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => new Date(Date.now() + CHINA_OFFSET_MS).toISOString().slice(0, 10),
};

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function checkDate(value: string, field: string): string {
  // PostgreSQL has no year 0: "0000-01-01" would pass the calendar check and fail in the database;
  // a month 13 is no Date at all (toISOString would throw a RangeError, an internal error).
  const day = new Date(`${value}T00:00:00Z`);
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    value >= "0001-01-01" &&
    !Number.isNaN(day.getTime()) &&
    day.toISOString().startsWith(value);
  if (!valid) throw badInput(`${field} must be a date YYYY-MM-DD; got "${value}".`, field);
  return value;
}

/** A date that has happened: business facts are recorded, not forecast. */
export function checkNotFuture(value: string, field: string, clock: Clock): string {
  checkDate(value, field);
  const today = clock.today();
  if (value > today)
    throw badInput(`${field} ${value} is in the future; use a date on or before ${today}.`, field);
  return value;
}

/** Trimmed text of min..max characters. */
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
