import { badInput } from "@grassroots/kit/errors";

/** A unit's name: what the division-code table and clerks use, trimmed, 1–100 characters. */
export function checkName(name: string, field = "name"): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) {
    throw badInput(`A unit name must have 1 to 100 characters; got ${trimmed.length}.`, field);
  }
  return trimmed;
}
