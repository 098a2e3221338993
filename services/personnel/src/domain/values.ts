import { badInput } from "@grassroots/kit/errors";

/**
 * Value checks personnel adds to the kit's (checkDate, checkNotFuture, checkText, isUuid, the business
 * clock); each failure names the field and what would be accepted.
 */
export { checkDate, checkNotFuture, checkText, isUuid, systemClock } from "@grassroots/kit/validation";

/** Optional free text: undefined stays undefined, blank becomes null. */
export function optionalText(
  value: string | null | undefined,
  field: string,
  max: number,
): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (trimmed.length > max)
    throw badInput(`${field} must have at most ${max} characters; got ${trimmed.length}.`, field);
  return trimmed;
}

export function checkPhone(value: string | null | undefined, field = "phone"): string | null | undefined {
  if (value === undefined || value === null) return value;
  const phone = value.replace(/[\s-]/g, "");
  if (phone === "") return null;
  // A mobile (11 digits from 1) or a fixed line with area code (0 + 9–11 digits).
  if (!/^(1\d{10}|0\d{9,11})$/.test(phone)) {
    throw badInput(
      "A phone number is a mobile number of 11 digits starting with 1, or a fixed line with its area code (0…).",
      field,
    );
  }
  return phone;
}

/** YYYY-MM-DD plus a number of days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
