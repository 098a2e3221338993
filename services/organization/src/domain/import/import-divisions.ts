import { isAppError } from "@grassroots/kit";
import { systemPolicy } from "../access-policy";
import { createOrgUnitIn } from "../commands/create-org-unit";
import { updateOrgUnitIn } from "../commands/update-org-unit";
import { levelOfCode, parentCodeOf } from "../division-code";
import { LEVELS, ORG_UNIT_KINDS, type OrgUnitKind } from "../org-unit";
import type { Clock, Transaction, UnitOfWork } from "../ports";
import type { DivisionRow } from "./csv";

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; code: string; reason: string }[];
}

export interface ImportOptions {
  /** Recorded as the actor of every change. */
  actor: string;
  batchSize?: number;
  onProgress?: (done: number, total: number, report: ImportReport) => void;
}

type Outcome = "created" | "updated" | "unchanged";

/**
 * Upserts division rows by code: parents before children (sorted by level), one transaction per batch,
 * each create or update through the same command (and rules, and event) as the API. A row that breaks a
 * rule is rejected with its reason and the rest go on; only an unexpected error stops the import.
 */
export async function importDivisions(
  uow: UnitOfWork,
  clock: Clock,
  rows: readonly DivisionRow[],
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  const reject = (row: DivisionRow, reason: string) =>
    report.rejected.push({ line: row.line, code: row.code, reason });
  const rejectedCodes = new Set<string>();

  const seen = new Set<string>();
  const valid: (DivisionRow & { level: number })[] = [];
  for (const row of rows) {
    try {
      if (row.unknownKind)
        throw new Error(`unknown kind "${row.unknownKind}" (expected one of ${ORG_UNIT_KINDS.join(", ")})`);
      const level = LEVELS.indexOf(levelOfCode(row.code));
      if (seen.has(row.code)) throw new Error(`code ${row.code} appears more than once in the file`);
      seen.add(row.code);
      valid.push({ ...row, level });
    } catch (error) {
      reject(row, error instanceof Error ? error.message : String(error));
      rejectedCodes.add(row.code);
    }
  }
  valid.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));

  const batchSize = options.batchSize ?? 200;
  const policy = systemPolicy(options.actor);
  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize);
    const outcomes = await uow.run(async (tx) => {
      const results: { row: DivisionRow; outcome: Outcome | Error }[] = [];
      for (const row of batch) {
        try {
          results.push({ row, outcome: await upsertRow(tx, clock, policy, row, rejectedCodes) });
        } catch (error) {
          if (!isAppError(error) && !(error instanceof RowRejected)) throw error;
          results.push({ row, outcome: error });
        }
      }
      return results;
    });
    for (const { row, outcome } of outcomes) {
      if (outcome instanceof Error) {
        reject(row, outcome.message);
        rejectedCodes.add(row.code);
      } else report[outcome]++;
    }
    options.onProgress?.(Math.min(start + batchSize, valid.length), valid.length, report);
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

class RowRejected extends Error {}

async function upsertRow(
  tx: Transaction,
  clock: Clock,
  policy: ReturnType<typeof systemPolicy>,
  row: DivisionRow,
  rejectedCodes: Set<string>,
): Promise<Outcome> {
  const parentCode = row.parentCode ?? parentCodeOf(row.code);
  if (parentCode && rejectedCodes.has(parentCode))
    throw new RowRejected(`its parent ${parentCode} was rejected`);
  const parent = parentCode ? await tx.units.getByCode(parentCode) : undefined;
  if (parentCode && !parent) {
    throw new RowRejected(
      `unknown parent ${parentCode}: it is neither in the database nor earlier in the file`,
    );
  }
  const existing = await tx.units.getByCode(row.code);
  if (!existing) {
    await createOrgUnitIn(tx, policy, clock, {
      parentId: parent?.id ?? null,
      code: row.code,
      name: row.name,
      kind: row.kind,
      isSample: row.isSample,
      postEstablished: row.postEstablished,
      postEstablishedOn: row.postEstablishedOn,
    });
    return "created";
  }
  if ((existing.parentId ?? null) !== (parent?.id ?? null)) {
    throw new RowRejected(
      `${row.code} already exists under another parent; move it with moveOrgUnit instead`,
    );
  }
  const kind: OrgUnitKind | undefined = row.kind && row.kind !== existing.kind ? row.kind : undefined;
  const name = row.name.trim() !== existing.name ? row.name : undefined;
  if (kind === undefined && name === undefined) return "unchanged";
  await updateOrgUnitIn(tx, policy, clock, {
    id: existing.id,
    expectedVersion: existing.version,
    name,
    kind,
  });
  return "updated";
}
