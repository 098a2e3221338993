import { isAppError } from "@grassroots/kit/errors";
import { systemPolicy, type ChangePolicy } from "../access-policy";
import { createOrgUnitIn } from "./create-org-unit";
import { updateOrgUnitIn } from "./update-org-unit";
import type { Clock, Transaction, UnitOfWork } from "../ports";
import type { DivisionRow } from "../import/columns";
import {
  checkRows,
  newUnitInput,
  parentCodeOfRow,
  placeRow,
  rowChanges,
  RowRejected,
  type ImportArea,
  type ImportRejection,
} from "../import/row-checks";
import { importDivisionsBulk } from "./import-divisions-bulk";

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: ImportRejection[];
}

/**
 * How the rows are applied. "bulk" (the default, for every import the API and the CLI run): staged,
 * looked up and written set-wise in one transaction, a fixed number of statements per chunk of rows.
 * "rows": one command per row in transactions of `batchSize` (the reference the bulk path is tested
 * against; the CLI's --row-by-row). Both give the same report, units and events.
 */
export type ImportPath = "bulk" | "rows";

export type { ImportArea };

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
  path?: ImportPath;
  /** Rows per transaction of the row-by-row path (200). */
  batchSize?: number;
  /** Rows per statement of the bulk path (5,000). */
  chunkSize?: number;
  onProgress?: (done: number, total: number, report: ImportReport) => void;
}

type Outcome = "created" | "updated" | "unchanged";

/** Thrown to roll back a dry run's transaction once its report is complete. */
class DryRunDone extends Error {}

/** A dry run: the work in one transaction, rolled back once it is done; returns what it returned. */
async function rolledBack<T>(uow: UnitOfWork, work: (tx: Transaction) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await uow
    .run(async (tx) => {
      result = await work(tx);
      throw new DryRunDone();
    })
    .catch((error) => {
      if (!(error instanceof DryRunDone)) throw error;
    });
  return result as T;
}

/**
 * Upserts division rows by code: parents before children (sorted by level), each create or update
 * under the same rules (and event) as the API's commands, under the caller's change policy. A row that
 * breaks a rule or lies outside the caller's area is rejected with its reason and the rest go on; only
 * an unexpected error stops the import. A dry run does all of it in one transaction and rolls that back.
 */
export async function importDivisions(
  uow: UnitOfWork,
  clock: Clock,
  rows: readonly DivisionRow[],
  options: ImportOptions,
): Promise<ImportReport> {
  if ((options.path ?? "bulk") === "bulk") {
    const work = (tx: Transaction) => importDivisionsBulk(tx, clock, rows, options);
    return options.dryRun ? rolledBack(uow, work) : uow.run(work);
  }
  return importRowByRow(uow, clock, rows, options);
}

/** The row-by-row path: one command per row, one transaction per batch. */
async function importRowByRow(
  uow: UnitOfWork,
  clock: Clock,
  rows: readonly DivisionRow[],
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  const reject = (row: DivisionRow, reason: string) =>
    report.rejected.push({ line: row.line, code: row.code, reason });
  const rejectedCodes = new Set<string>();
  const { valid, rejected } = checkRows(rows, rejectedCodes);
  report.rejected.push(...rejected);

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
        // Not added to rejectedCodes: "its parent … was rejected" is for a parent that failed the
        // rows' own checks, so a child's reason does not depend on which batch its parent was in.
        if (outcome instanceof Error) reject(row, outcome.message);
        else report[outcome]++;
      }
      options.onProgress?.(Math.min(start + batchSize, valid.length), valid.length, report);
    }
  };
  await (options.dryRun ? rolledBack(uow, runBatches) : runBatches());
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
  if ((options.path ?? "bulk") === "bulk") return importDivisionsBulk(tx, clock, rows, options);
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

async function upsertRow(tx: Transaction, context: RowContext, row: DivisionRow): Promise<Outcome> {
  const { clock, policy, area, rejectedCodes } = context;
  const parentCode = parentCodeOfRow(row);
  const namedParent = parentCode ? await tx.units.getByCode(parentCode) : undefined;
  const found = await tx.units.getByCode(row.code);
  const placed = placeRow(row, namedParent, found, area, rejectedCodes);
  if ("update" in placed) {
    const changes = rowChanges(row, placed.update);
    if (!changes) return "unchanged";
    await updateOrgUnitIn(tx, policy, clock, {
      id: placed.update.id,
      expectedVersion: placed.update.version,
      ...changes,
    });
    return "updated";
  }
  await createOrgUnitIn(tx, policy, clock, newUnitInput(row, placed.parent));
  return "created";
}
