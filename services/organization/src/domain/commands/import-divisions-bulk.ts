import { OrgUnitCreated, OrgUnitUpdated, type RuleStatusResult } from "@grassroots/events/contracts";
import { isAppError } from "@grassroots/kit/errors";
import { orgUnitIdForCode } from "@grassroots/kit/identity";
import { randomUUID } from "node:crypto";
import { orgUnitState, orgUnitUpdatedData } from "../../events/org-unit-events";
import { postEstablishedStatus } from "../../rules/r1-statistics-posts";
import { systemPolicy } from "../access-policy";
import type { DivisionRow } from "../import/columns";
import {
  checkRows,
  newUnitInput,
  parentCodeOfRow,
  placeRow,
  rowChanges,
  RowRejected,
  type LevelledRow,
} from "../import/row-checks";
import { pathOf, type NewOrgUnit, type OrgUnit, type OrgUnitPatch } from "../org-unit";
import type { BulkUnitChange, Clock, PendingEvent, Transaction } from "../ports";
import { checkNewUnit } from "./create-org-unit";
import type { ImportOptions, ImportReport } from "./import-divisions";
import { checkUpdate } from "./update-org-unit";

/** Rows per statement: a few MB of parameters, a fixed number of statements per chunk. */
export const BULK_CHUNK = 5000;

/** What the bulk path decided for one row, in the row-by-row path's order. */
type Planned =
  | { row: LevelledRow; outcome: "created"; unit: NewOrgUnit }
  | { row: LevelledRow; outcome: "updated"; change?: { unit: OrgUnit; patch: OrgUnitPatch } }
  | { row: LevelledRow; outcome: "unchanged" };

/**
 * The division import's bulk path, inside the caller's transaction: the rows' own checks (as the
 * row-by-row path), the rows staged in a TEMP table and everything the database knows about them
 * (units holding their codes or their parents' codes, ids already taken) read in one set-wise lookup,
 * then every row decided in memory in the row-by-row order with the same commands' checks (so the
 * report is the same, line for line and word for word), then applied set-wise: per chunk of rows one
 * UPDATE, one INSERT (parents first: the rows are in level order), the events in one outbox INSERT and
 * the R1 ledger in one upsert. Statements: a fixed number per chunk, however many rows.
 */
export async function importDivisionsBulk(
  tx: Transaction,
  clock: Clock,
  rows: readonly DivisionRow[],
  options: Omit<ImportOptions, "dryRun">,
): Promise<ImportReport> {
  const chunk = options.chunkSize ?? BULK_CHUNK;
  const rejectedCodes = new Set<string>();
  const { valid, rejected } = checkRows(rows, rejectedCodes);
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, rejected };

  await tx.bulk.stage(
    valid.map((row, seq) => ({
      seq,
      code: row.code,
      parentCode: parentCodeOfRow(row),
      derivedId: orgUnitIdForCode(row.code),
    })),
    chunk,
  );
  const { units, takenIds } = await tx.bulk.lookUp();
  const known = new KnownUnits(units);

  // Decided and applied a chunk at a time: later chunks see the earlier ones' units as known.
  const decide = planRow(clock, options, known, takenIds, rejectedCodes);
  for (let start = 0; start < valid.length; start += chunk) {
    const planned: Planned[] = [];
    for (const row of valid.slice(start, start + chunk)) {
      try {
        planned.push(decide(row));
      } catch (error) {
        if (!isAppError(error) && !(error instanceof RowRejected)) throw error;
        report.rejected.push({ line: row.line, code: row.code, reason: (error as Error).message });
      }
    }
    await applyChunk(tx, planned, chunk);
    for (const p of planned) report[p.outcome]++;
    options.onProgress?.(Math.min(start + chunk, valid.length), valid.length, report);
  }
  await tx.bulk.done();
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

/** The units the import can see as it goes: the database's (looked up) and those it has planned. */
class KnownUnits {
  private readonly byCode = new Map<string, OrgUnit>();
  private readonly byId = new Map<string, OrgUnit>();

  constructor(units: readonly OrgUnit[]) {
    for (const unit of units) this.put(unit);
  }

  put(unit: OrgUnit): void {
    this.byCode.set(unit.code, unit);
    this.byId.set(unit.id, unit);
  }

  code(code: string | null): OrgUnit | undefined {
    return code === null ? undefined : this.byCode.get(code);
  }

  id(id: string | null): OrgUnit | undefined {
    return id === null ? undefined : this.byId.get(id);
  }
}

/**
 * The row-by-row path's upsert of one row (import-divisions.ts `upsertRow`), decided against the
 * known units instead of the database, with the same commands' checks (`checkNewUnit`, `checkUpdate`).
 * A planned unit becomes known at once, so later rows see it as they would have seen it written.
 */
function planRow(
  clock: Clock,
  options: Omit<ImportOptions, "dryRun">,
  known: KnownUnits,
  takenIds: ReadonlySet<string>,
  rejectedCodes: ReadonlySet<string>,
): (row: LevelledRow) => Planned {
  const policy = options.policy ?? systemPolicy(options.actor);
  const area = options.area;
  return (row: LevelledRow): Planned => {
    const found = known.code(row.code);
    const placed = placeRow(row, known.code(parentCodeOfRow(row)), found, area, rejectedCodes);
    if ("update" in placed) {
      const existing = placed.update;
      const changes = rowChanges(row, existing);
      if (!changes) return { row, outcome: "unchanged" };
      const parent = changes.kind !== undefined ? known.id(existing.parentId) : undefined;
      const change = checkUpdate(policy, clock, existing, parent, {
        id: existing.id,
        expectedVersion: existing.version,
        ...changes,
      });
      if (Object.keys(change.patch).length === 0) return { row, outcome: "updated" };
      known.put({ ...existing, ...change.patch, version: existing.version + 1 });
      return { row, outcome: "updated", change };
    }
    const checked = checkNewUnit(policy, clock, placed.parent ?? null, newUnitInput(row, placed.parent));
    const derived = orgUnitIdForCode(row.code);
    const id = takenIds.has(derived) ? randomUUID() : derived;
    const unit: NewOrgUnit = {
      id,
      code: row.code,
      name: checked.name,
      kind: checked.kind,
      parentId: checked.parent?.id ?? null,
      path: pathOf(checked.parent?.path ?? null, id),
      depth: checked.parent ? checked.parent.depth + 1 : 0,
      postEstablished: row.postEstablished ?? false,
      postEstablishedOn: row.postEstablished ? (row.postEstablishedOn ?? null) : null,
      isSample: row.isSample ?? false,
    };
    known.put(asPlanned(unit));
    return { row, outcome: "created", unit };
  };
}

/** A planned unit as later rows see it (what the database will hold once it is inserted). */
const asPlanned = (unit: NewOrgUnit): OrgUnit => ({
  ...unit,
  registerCount: null,
  registerAsOf: null,
  active: true,
  deactivatedAt: null,
  deactivatedBy: null,
  deactivatedByName: null,
  deactivationReason: null,
  version: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

/**
 * One chunk's writes: its updates, its new units (in level order, so a parent is inserted before its
 * children, in this statement or an earlier one), then their events in the row-by-row path's order
 * (each unit's created or updated event) and their R1 results through the ledger.
 */
async function applyChunk(tx: Transaction, planned: readonly Planned[], chunk: number): Promise<void> {
  const changes = planned.flatMap((p) => (p.outcome === "updated" && p.change ? [p.change] : []));
  const updated = await tx.bulk.update(changes.map(changeOf), chunk);
  const created = await tx.bulk.insert(
    planned.flatMap((p) => (p.outcome === "created" ? [p.unit] : [])),
    chunk,
  );
  const stored = new Map([...updated, ...created].map((u) => [u.id, u]));
  const events: PendingEvent[] = [];
  const statuses: RuleStatusResult[] = [];
  for (const p of planned) {
    if (p.outcome === "unchanged" || (p.outcome === "updated" && !p.change)) continue;
    const unit = stored.get(p.outcome === "created" ? p.unit.id : p.change!.unit.id)!;
    events.push(
      p.outcome === "created"
        ? { contract: OrgUnitCreated, data: orgUnitState(unit) }
        : { contract: OrgUnitUpdated, data: orgUnitUpdatedData(unit, Object.keys(p.change!.patch)) },
    );
    const status = postEstablishedStatus(unit);
    if (status) statuses.push(status);
  }
  await tx.bulk.publish(events, chunk);
  await tx.bulk.publishRuleStatuses(statuses, chunk);
}

const changeOf = ({ unit, patch }: { unit: OrgUnit; patch: OrgUnitPatch }): BulkUnitChange => {
  const next = { ...unit, ...patch };
  return {
    id: unit.id,
    name: next.name,
    kind: next.kind,
    postEstablished: next.postEstablished,
    postEstablishedOn: next.postEstablishedOn,
  };
};
