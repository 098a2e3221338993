import { isAppError } from "@grassroots/kit/errors";
import { systemPolicy, type ChangePolicy } from "../access-policy";
import { createOrgUnitIn } from "./create-org-unit";
import { updateOrgUnitIn } from "./update-org-unit";
import { levelOfCode, parentCodeOf } from "../division-code";
import { LEVELS, ORG_UNIT_KINDS, type OrgUnitKind } from "../org-unit";
import type { Clock, Transaction, UnitOfWork } from "../ports";
import type { OrgUnit } from "../org-unit";
import type { DivisionRow } from "../import/columns";

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; code: string; reason: string }[];
}

/** Whose area the import is confined to (a caller's Access): rows outside it are rejected. */
export interface ImportArea {
  covers(path: string): boolean;
}

export interface ImportOptions {
  /** Recorded as the actor of every change (command-line tools; ignored when `policy` is given). */
  actor: string;
  /** The caller's change policy (`policyFor(access)`); default: the system policy of `actor`. */
  policy?: ChangePolicy;
  /**
   * The caller's area. A row whose parent or unit lies outside it is rejected worded as a missing
   * parent ("not in your area"), never naming what exists elsewhere. Default: everywhere (tools).
   */
  area?: ImportArea;
  /** Validate and apply every row in one transaction, then roll it back: nothing written or published. */
  dryRun?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number, report: ImportReport) => void;
}

type Outcome = "created" | "updated" | "unchanged";

/** Thrown to roll back a dry run's transaction once its report is complete. */
class DryRunDone extends Error {}

/**
 * Upserts division rows by code: parents before children (sorted by level), one transaction per batch,
 * each create or update through the same command (and rules, and event) as the API, under the caller's
 * change policy. A row that breaks a rule or lies outside the caller's area is rejected with its reason
 * and the rest go on; only an unexpected error stops the import. A dry run does all of it in one
 * transaction and rolls that back.
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
  const policy = options.policy ?? systemPolicy(options.actor);
  const context: RowContext = { clock, policy, area: options.area, rejectedCodes };
  const runBatches = async (inOneTransaction?: Transaction) => {
    for (let start = 0; start < valid.length; start += batchSize) {
      const batch = valid.slice(start, start + batchSize);
      const outcomes = inOneTransaction
        ? await applyBatch(inOneTransaction, context, batch)
        : await uow.run((tx) => applyBatch(tx, context, batch));
      for (const { row, outcome } of outcomes) {
        if (outcome instanceof Error) {
          reject(row, outcome.message);
          rejectedCodes.add(row.code);
        } else report[outcome]++;
      }
      options.onProgress?.(Math.min(start + batchSize, valid.length), valid.length, report);
    }
  };
  if (options.dryRun) {
    await uow
      .run(async (tx) => {
        await runBatches(tx);
        throw new DryRunDone();
      })
      .catch((error) => {
        if (!(error instanceof DryRunDone)) throw error;
      });
  } else {
    await runBatches();
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

/**
 * The import inside the caller's transaction: every batch runs in it, so the whole import commits or
 * rolls back with whatever else the transaction holds (an import sent with a client requestId).
 */
export function importDivisionsIn(
  tx: Transaction,
  clock: Clock,
  rows: readonly DivisionRow[],
  options: Omit<ImportOptions, "dryRun">,
): Promise<ImportReport> {
  return importDivisions({ run: (work) => work(tx) }, clock, rows, options);
}

interface RowContext {
  clock: Clock;
  policy: ChangePolicy;
  area: ImportArea | undefined;
  rejectedCodes: Set<string>;
}

async function applyBatch(tx: Transaction, context: RowContext, batch: readonly DivisionRow[]) {
  const results: { row: DivisionRow; outcome: Outcome | Error }[] = [];
  for (const row of batch) {
    try {
      results.push({ row, outcome: await upsertRow(tx, context, row) });
    } catch (error) {
      if (!isAppError(error) && !(error instanceof RowRejected)) throw error;
      results.push({ row, outcome: error });
    }
  }
  return results;
}

class RowRejected extends Error {}

/** A unit the caller may see: anything for a tool, the caller's area otherwise (a unit elsewhere reads as missing). */
const visible = (unit: OrgUnit | undefined, area: ImportArea | undefined) =>
  unit && (!area || area.covers(unit.path)) ? unit : undefined;

async function upsertRow(tx: Transaction, context: RowContext, row: DivisionRow): Promise<Outcome> {
  const { clock, policy, area, rejectedCodes } = context;
  const parentCode = row.parentCode ?? parentCodeOf(row.code);
  const namedParent = parentCode ? await tx.units.getByCode(parentCode) : undefined;
  const found = await tx.units.getByCode(row.code);
  const existing = visible(found, area);
  // A unit in the caller's area under the parent the file names; that parent may lie above the area
  // (a banner admin's file holds their banner's own row, whose parent is the city).
  if (existing && (existing.parentId ?? null) === (namedParent?.id ?? null)) {
    return updateIfChanged(tx, context, existing, row);
  }
  const parent = visible(namedParent, area);
  if (parentCode && !parent) {
    if (rejectedCodes.has(parentCode)) throw new RowRejected(`its parent ${parentCode} was rejected`);
    throw new RowRejected(
      area
        ? `unknown parent ${parentCode}: it is not in your area, nor earlier in the file`
        : `unknown parent ${parentCode}: it is neither in the database nor earlier in the file`,
    );
  }
  if (existing) {
    throw new RowRejected(
      `${row.code} already exists under another parent; move it with moveOrgUnit instead`,
    );
  }
  if (area && !parentCode) throw new RowRejected(`${row.code} is not in your area`);
  if (found) {
    // Held outside the caller's area: say the code is taken (codes are unique city-wide), never where.
    throw new RowRejected(
      `code ${row.code} is already used outside your area; each code belongs to one unit`,
    );
  }
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

async function updateIfChanged(
  tx: Transaction,
  { clock, policy }: RowContext,
  existing: OrgUnit,
  row: DivisionRow,
): Promise<Outcome> {
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
