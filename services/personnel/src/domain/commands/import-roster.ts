import { badInput } from "@grassroots/kit/errors";
import { runOncePerRequest, type Retryable } from "@grassroots/kit/idempotency";
import { readTable, TableFileError, type TableFormat, type TableLimits } from "@grassroots/table-files";
import { randomUUID } from "node:crypto";
import type { PersonnelPolicy } from "../access-policy";
import { ROSTER_TABLE } from "../import/roster-columns";
import {
  planRoster,
  type RosterImportReport,
  type RosterLookups,
  type RosterStep,
} from "../import/roster-plan";
import { parseRosterRow, type RosterPerson, type RosterRow } from "../import/roster-rows";
import type { Clock, PersonnelSettings, Transaction, UnitOfWork } from "../ports";
import { appointStatisticianIn } from "./appoint-statistician";
import { registerStatisticianIn } from "./register-statistician";

export interface RosterImportRequest extends Retryable {
  format: TableFormat;
  content: string;
  dryRun: boolean;
}

/** 5 MB and 20,000 rows, as organization's division import. */
export const ROSTER_LIMITS: TableLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 20_000 };

/** The file's rows, each checked on its own; a file that cannot be read is BAD_USER_INPUT on `content`. */
async function readRoster(request: RosterImportRequest, clock: Clock, limits: TableLimits) {
  try {
    const { rows } = await readTable(request.format, request.content, {
      ...ROSTER_TABLE,
      limits,
      rowsName: "roster rows",
    });
    // The export's totals row (合计) is no person.
    return rows.filter((r) => r.cells.seq !== "合计").map((r) => parseRosterRow(r, clock));
  } catch (error) {
    if (error instanceof TableFileError) throw badInput(error.message, "content");
    throw error;
  }
}

/** The units, people and posts the rows name, in three statements whatever the number of rows. */
async function lookUp(
  tx: Transaction,
  policy: PersonnelPolicy,
  rows: RosterRow[],
  persons: RosterPerson[],
): Promise<RosterLookups> {
  const units = await tx.units.byCodes([...new Set(rows.map((r) => r.unitCode))]);
  const idNumbers = new Set([...rows, ...persons].map((r) => r.idNumber));
  const people = await tx.statisticians.byIdNumbers([...idNumbers], policy.scope);
  const posts = await tx.assignments.ofPeople(people.map((p) => p.statistician.id));
  const postsOf = new Map<string, typeof posts>();
  for (const post of posts)
    postsOf.set(post.statisticianId, [...(postsOf.get(post.statisticianId) ?? []), post]);
  return {
    units: new Map(units.map((u) => [u.code, u])),
    people: new Map(people.map((p) => [p.statistician.idNumber, p])),
    posts: postsOf,
  };
}

/** Registers and appoints through the API's own commands (their rules, events, R5 filing, R7 status). */
async function apply(
  tx: Transaction,
  policy: PersonnelPolicy,
  clock: Clock,
  settings: PersonnelSettings,
  steps: RosterStep[],
  lookups: RosterLookups,
): Promise<void> {
  const personOf = new Map([...lookups.people].map(([idNumber, p]) => [idNumber, p.statistician.id]));
  for (const { row, unit, register } of steps) {
    if (register) {
      const person = await registerStatisticianIn(tx, policy, clock, {
        requestId: randomUUID(),
        orgUnitId: unit.id,
        name: row.name,
        idNumber: row.idNumber,
        ethnicity: row.ethnicity,
        phone: row.phone,
        education: row.education,
        title: row.title,
      });
      personOf.set(row.idNumber, person.id);
    }
    await appointStatisticianIn(tx, policy, clock, settings, {
      requestId: randomUUID(),
      statisticianId: personOf.get(row.idNumber)!,
      orgUnitId: unit.id,
      role: row.role,
      establishment: row.establishment,
      startDate: row.startDate,
    });
  }
}

/**
 * The statistician roster import (the API's importStatisticianRoster), refused in the one order: a
 * writer's role (FORBIDDEN), then the file as a whole (BAD_USER_INPUT on `content`); then each row is
 * decided from batched look-ups (rows outside the caller's area rejected as the API's NOT_FOUND words
 * them) and the good ones go in through registerStatistician and appointStatistician. The whole import
 * is one transaction; with a requestId a retry returns the first report. A dry run writes nothing.
 */
export async function importStatisticianRoster(
  uow: UnitOfWork,
  policy: PersonnelPolicy,
  clock: Clock,
  settings: PersonnelSettings,
  request: RosterImportRequest,
  limits: TableLimits = ROSTER_LIMITS,
): Promise<RosterImportReport> {
  policy.requireWriter("import the statistician roster");
  const parsed = await readRoster(request, clock, limits);
  const good = parsed.flatMap((p) => ("row" in p ? [p.row] : []));
  const persons = parsed.flatMap((p) => ("person" in p ? [p.person] : []));
  const plan = async (tx: Transaction) =>
    planRoster(parsed, await lookUp(tx, policy, good, persons), policy, request.dryRun);
  // A dry run reads only, so it needs no requestId: it may be repeated as it is.
  if (request.dryRun) return uow.run(async (tx) => (await plan(tx)).report);
  const { requestId, format, content } = request;
  const done = await runOncePerRequest(
    uow,
    "importStatisticianRoster",
    policy.actorId,
    { requestId, format, content },
    async (tx) => {
      const lookups = await lookUp(tx, policy, good, persons);
      const { report, steps } = planRoster(parsed, lookups, policy, false);
      await apply(tx, policy, clock, settings, steps, lookups);
      const id = requestId === undefined ? "" : await tx.rosterImports.record(report, policy.actorId);
      return { id, report };
    },
    (result) => result.id,
    async (tx, id) => {
      const report = await tx.rosterImports.get(id);
      return report && { id, report };
    },
  );
  return done.report;
}
