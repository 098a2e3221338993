import { levelOfCode } from "../division-code";
import { LEVELS, ORG_UNIT_KINDS } from "../org-unit";
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
