import { badInput } from "@grassroots/kit/errors";
import { LEVELS, type Level, type OrgUnitKind } from "./org-unit";

/**
 * The 12-digit statistical division code (统计用区划代码): 2 province + 2 city + 2 county
 * + 3 township + 3 village digits. Pure functions; every problem is a BAD_USER_INPUT naming the rule.
 */

/** Where each level's own digits are (0-based, end exclusive) and how they read in messages. */
const SEGMENTS: Record<Level, { start: number; end: number; digits: string }> = {
  CITY: { start: 2, end: 4, digits: "digits 3–4" },
  COUNTY: { start: 4, end: 6, digits: "digits 5–6" },
  TOWNSHIP: { start: 6, end: 9, digits: "digits 7–9" },
  VILLAGE: { start: 9, end: 12, digits: "digits 10–12" },
};

interface CodeRange {
  from: number;
  to: number;
  kinds: readonly OrgUnitKind[];
}

/** GLOSSARY.md ranges of each level's own digits, per kind. */
const RANGES: Record<Level, readonly CodeRange[]> = {
  CITY: [{ from: 1, to: 99, kinds: ["CITY"] }],
  COUNTY: [{ from: 1, to: 99, kinds: ["DISTRICT", "BANNER"] }],
  TOWNSHIP: [
    { from: 1, to: 99, kinds: ["SUBDISTRICT"] },
    { from: 100, to: 199, kinds: ["TOWN"] },
    { from: 200, to: 399, kinds: ["TOWNSHIP", "SUMU"] },
    { from: 400, to: 599, kinds: ["PARK"] },
  ],
  VILLAGE: [
    { from: 1, to: 199, kinds: ["COMMUNITY"] },
    { from: 200, to: 399, kinds: ["VILLAGE", "GACHA"] },
  ],
};

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const rangeText = (level: Level, r: CodeRange) => {
  const width = SEGMENTS[level].end - SEGMENTS[level].start;
  return `${pad(r.from, width)}–${pad(r.to, width)}`;
};

export const isWellFormedCode = (code: string): boolean => /^\d{12}$/.test(code);

export function checkCodeFormat(code: string, field = "code"): void {
  if (!isWellFormedCode(code)) {
    throw badInput(
      `Code "${code}" is not a division code: it must be exactly 12 digits (2 province, 2 city, 2 county, 3 township, 3 village).`,
      field,
    );
  }
}

const segmentValue = (code: string, level: Level) =>
  Number(code.slice(SEGMENTS[level].start, SEGMENTS[level].end));

/** The level of a well-formed code: its deepest non-zero segment, with every segment above it non-zero. */
export function levelOfCode(code: string, field = "code"): Level {
  checkCodeFormat(code, field);
  if (code.startsWith("00")) throw badInput(`Code ${code} has no province (digits 1–2 are 00).`, field);
  const deepest = [...LEVELS].reverse().find((level) => segmentValue(code, level) !== 0);
  if (!deepest) throw badInput(`Code ${code} is a province code; org units start at city level.`, field);
  for (const level of LEVELS.slice(0, LEVELS.indexOf(deepest))) {
    if (segmentValue(code, level) === 0) {
      throw badInput(
        `Code ${code} sets ${SEGMENTS[deepest].digits} but its ${level.toLowerCase()} ${SEGMENTS[level].digits} are zero.`,
        field,
      );
    }
  }
  return deepest;
}

/** The level of a code when it has one, else undefined (never throws: for deciding, not validating). */
export function levelIfWellFormed(code: string): Level | undefined {
  try {
    return levelOfCode(code);
  } catch {
    return undefined;
  }
}

/** The kinds a code's range allows (e.g. 200–399 at township level: TOWNSHIP or SUMU). */
export function kindsForCode(code: string, field = "code"): readonly OrgUnitKind[] {
  const level = levelOfCode(code, field);
  const value = segmentValue(code, level);
  const range = RANGES[level].find((r) => value >= r.from && value <= r.to);
  if (!range) {
    const allowed = RANGES[level].map((r) => `${rangeText(level, r)} ${r.kinds.join("/")}`).join(", ");
    throw badInput(
      `Code ${code}: ${SEGMENTS[level].digits} = ${code.slice(SEGMENTS[level].start, SEGMENTS[level].end)} is outside every ${level.toLowerCase()}-level range (${allowed}).`,
      field,
    );
  }
  return range.kinds;
}

/**
 * The kind a code implies when none is given. Where a range holds two kinds the name decides
 * (…苏木 → SUMU, …嘎查 → GACHA); county level follows the NBS numbering (01–20 district, 21+ banner/county).
 */
export function inferKind(code: string, name = ""): OrgUnitKind {
  const kinds = kindsForCode(code);
  if (kinds.length === 1) return kinds[0];
  const level = levelOfCode(code);
  if (level === "COUNTY") return segmentValue(code, "COUNTY") <= 20 ? "DISTRICT" : "BANNER";
  if (kinds.includes("SUMU")) return name.trim().endsWith("苏木") ? "SUMU" : "TOWNSHIP";
  return name.trim().endsWith("嘎查") ? "GACHA" : "VILLAGE";
}

/** Refuses a kind that does not belong to the code's level and range, naming the allowed range. */
export function checkKindFitsCode(kind: OrgUnitKind, code: string, field = "kind", codeField = "code"): void {
  const kinds = kindsForCode(code, codeField);
  if (kinds.includes(kind)) return;
  const level = levelOfCode(code, codeField);
  const fitting = Object.entries(RANGES).flatMap(([lvl, ranges]) =>
    ranges
      .filter((r) => r.kinds.includes(kind))
      .map((r) => `${SEGMENTS[lvl as Level].digits} ${rangeText(lvl as Level, r)}`),
  );
  throw badInput(
    `Code ${code} is a ${kinds.join("/")} code (${SEGMENTS[level].digits} = ${code.slice(SEGMENTS[level].start, SEGMENTS[level].end)}); a ${kind} needs ${fitting.join(" or ")}.`,
    field,
  );
}

/** The digits that identify a unit of this level: a descendant's code starts with them. */
export function significantPrefix(code: string, level: Level = levelOfCode(code)): string {
  return code.slice(0, SEGMENTS[level].end);
}

/** A child's code: one level below the parent, starting with the parent's significant digits. */
export function checkChildCode(parentCode: string, childCode: string, field = "code"): void {
  const parentLevel = levelOfCode(parentCode, "parentCode");
  const childLevel = levelOfCode(childCode, field);
  const expected = LEVELS[LEVELS.indexOf(parentLevel) + 1];
  const prefix = significantPrefix(parentCode, parentLevel);
  if (!expected || childLevel !== expected || !childCode.startsWith(prefix)) {
    if (!expected)
      throw badInput(`Parent ${parentCode} is at village level and cannot have children.`, field);
    const segment = SEGMENTS[expected];
    const zeros = "0".repeat(12 - segment.end);
    throw badInput(
      `Code ${childCode} does not fit under parent ${parentCode}: a ${expected.toLowerCase()}-level child's code is ${prefix} + its own ${segment.digits} (not all zero) + ${zeros || "nothing"}.`,
      field,
    );
  }
}

/** Rewrites a descendant's code when its ancestor's significant digits change (used by moves). */
export function recode(descendantCode: string, oldPrefix: string, newPrefix: string): string {
  if (!descendantCode.startsWith(oldPrefix) || oldPrefix.length !== newPrefix.length) {
    throw new Error(`recode: ${descendantCode} does not start with ${oldPrefix}`);
  }
  return newPrefix + descendantCode.slice(oldPrefix.length);
}

/** The code of the unit directly above (the same digits with this level's zeroed), or null for a city. */
export function parentCodeOf(code: string, field = "code"): string | null {
  const level = levelOfCode(code, field);
  if (level === "CITY") return null;
  const parentLevel = LEVELS[LEVELS.indexOf(level) - 1];
  return significantPrefix(code, parentLevel).padEnd(12, "0");
}
