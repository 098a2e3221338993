import type { CreateOrgUnitInput } from "../commands/create-org-unit";
import { levelOfCode, parentCodeOf } from "../division-code";
import { LEVELS, ORG_UNIT_KINDS, type OrgUnit, type OrgUnitKind } from "../org-unit";
import type { DivisionRow } from "./columns";

/**
 * What both paths of the division import (row by row and bulk) check of the rows alone, before the
 * database is asked anything, and the words of every rejection either path gives, so their reports
 * are the same by construction.
 */

export interface ImportRejection {
  line: number;
  code: string;
  reason: string;
}

export type LevelledRow = DivisionRow & { level: number };

/** Thrown (or returned) for a row the import rejects for a reason of its own (not a command's error). */
export class RowRejected extends Error {}

export const rejectionWords = {
  unknownKind: (kind: string) => `unknown kind "${kind}" (expected one of ${ORG_UNIT_KINDS.join(", ")})`,
  duplicate: (code: string) => `code ${code} appears more than once in the file`,
  /** For a parent whose row failed the rows' own checks (kind, code, a repeated code). */
  parentRejected: (parentCode: string) => `its parent ${parentCode} was rejected`,
  unknownParent: (parentCode: string, inArea: boolean) =>
    inArea
      ? `unknown parent ${parentCode}: it is not in your area, nor earlier in the file`
      : `unknown parent ${parentCode}: it is neither in the database nor earlier in the file`,
  otherParent: (code: string) =>
    `${code} already exists under another parent; move it with moveOrgUnit instead`,
  notInArea: (code: string) => `${code} is not in your area`,
  usedOutside: (code: string) =>
    `code ${code} is already used outside your area; each code belongs to one unit`,
};

/**
 * The rows' own checks, in file order: a known kind, a well-formed code with a level, and each code
 * once (a later row with a code already seen is rejected). Returns the rest sorted parents first
 * (by level, then code) and the rejections; `rejectedCodes` gets every rejected row's code.
 */
export function checkRows(
  rows: readonly DivisionRow[],
  rejectedCodes: Set<string>,
): { valid: LevelledRow[]; rejected: ImportRejection[] } {
  const rejected: ImportRejection[] = [];
  const seen = new Set<string>();
  const valid: LevelledRow[] = [];
  for (const row of rows) {
    try {
      if (row.unknownKind) throw new Error(rejectionWords.unknownKind(row.unknownKind));
      const level = LEVELS.indexOf(levelOfCode(row.code));
      if (seen.has(row.code)) throw new Error(rejectionWords.duplicate(row.code));
      seen.add(row.code);
      valid.push({ ...row, level });
    } catch (error) {
      rejected.push({
        line: row.line,
        code: row.code,
        reason: error instanceof Error ? error.message : String(error),
      });
      rejectedCodes.add(row.code);
    }
  }
  // Codes are 12 digits here, so this order is the same in JavaScript and in SQL (COLLATE "C").
  valid.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  return { valid, rejected };
}

/** Whose area the import is confined to (a caller's Access): rows outside it are rejected. */
export interface ImportArea {
  covers(path: string): boolean;
}

/** The parent code a row names: its parent_code cell, else the one its code implies. */
export const parentCodeOfRow = (row: DivisionRow): string | null => row.parentCode ?? parentCodeOf(row.code);

/** A unit the caller may see: anything for a tool, the caller's area otherwise (a unit elsewhere reads as missing). */
export const visible = (unit: OrgUnit | undefined, area: ImportArea | undefined): OrgUnit | undefined =>
  unit && (!area || area.covers(unit.path)) ? unit : undefined;

/**
 * Where a row goes, given the units holding its code (`found`) and its parent's (`namedParent`) as
 * the import sees them now: an update of the unit in the caller's area under the parent the file
 * names (that parent may lie above the area: a banner admin's file holds their banner's own row), or
 * a new unit under `parent`. Anything else is rejected with the import's own reason.
 */
export function placeRow(
  row: DivisionRow,
  namedParent: OrgUnit | undefined,
  found: OrgUnit | undefined,
  area: ImportArea | undefined,
  rejectedCodes: ReadonlySet<string>,
): { update: OrgUnit } | { parent: OrgUnit | undefined } {
  const parentCode = parentCodeOfRow(row);
  const existing = visible(found, area);
  if (existing && (existing.parentId ?? null) === (namedParent?.id ?? null)) return { update: existing };
  const parent = visible(namedParent, area);
  if (parentCode && !parent) {
    if (rejectedCodes.has(parentCode)) throw new RowRejected(rejectionWords.parentRejected(parentCode));
    throw new RowRejected(rejectionWords.unknownParent(parentCode, area !== undefined));
  }
  if (existing) throw new RowRejected(rejectionWords.otherParent(row.code));
  if (area && !parentCode) throw new RowRejected(rejectionWords.notInArea(row.code));
  // Held outside the caller's area: say the code is taken (codes are unique city-wide), never where.
  if (found) throw new RowRejected(rejectionWords.usedOutside(row.code));
  return { parent };
}

/** What a row changes of an existing unit: its name, its kind (when it gives one), or nothing. */
export function rowChanges(
  row: DivisionRow,
  existing: OrgUnit,
): { name?: string; kind?: OrgUnitKind } | undefined {
  const kind = row.kind && row.kind !== existing.kind ? row.kind : undefined;
  const name = row.name.trim() !== existing.name ? row.name : undefined;
  return kind === undefined && name === undefined ? undefined : { name, kind };
}

/** The createOrgUnit input of a new unit from a row. */
export const newUnitInput = (row: DivisionRow, parent: OrgUnit | undefined): CreateOrgUnitInput => ({
  parentId: parent?.id ?? null,
  code: row.code,
  name: row.name,
  kind: row.kind,
  isSample: row.isSample,
  postEstablished: row.postEstablished,
  postEstablishedOn: row.postEstablishedOn,
});
