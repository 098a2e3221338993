import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import { checkRoleForUnit } from "../../rules/post-roles";
import type { PersonnelPolicy } from "../access-policy";
import type { PostAssignment } from "../assignment";
import { overlapMessage, periodsOverlap } from "../commands/appoint-statistician";
import { checkHoldsPosts } from "../commands/common";
import { ID_NUMBER_OUTSIDE_AREA } from "../commands/register-statistician";
import type { Statistician } from "../statistician";
import { reasonOf, type RosterPerson, type RosterRejection, type RosterRow } from "./roster-rows";

/** What an import did (or, in a dry run, would do). */
export interface RosterImportReport {
  dryRun: boolean;
  /** People newly registered. */
  registered: number;
  /** Posts newly started (each through appointStatistician: R7 PENDING_TRAINING, an R5 filing). */
  appointed: number;
  /**
   * Rows whose person is registered and already holds that post, or (a row without a post) is
   * registered in your area: nothing written for them.
   */
  unchanged: number;
  rejectedCount: number;
  /** In line order. */
  rejected: RosterRejection[];
}

/** What the batched look-ups found, by unit code, by ID number and by person. */
export interface RosterLookups {
  units: Map<string, OrgUnitProjection>;
  people: Map<string, { statistician: Statistician; visible: boolean }>;
  posts: Map<string, PostAssignment[]>;
}

/** A good row: appoint at `unit`, registering the person first when `register` (their first row). */
export interface RosterStep {
  row: RosterRow;
  unit: OrgUnitProjection;
  register: boolean;
}

/** The rows of the file kept so far per ID number, for duplicates. */
interface Kept {
  line: number;
  name: string;
  units: Map<string, number>;
}

/**
 * Decides every row from the look-ups alone (no statement per row), in line order, with the checks the
 * API's commands make: the unit in the caller's area (worded as the API's NOT_FOUND, the same for a
 * code nobody knows), a unit that holds that role, the person's record (an ID number registered outside
 * the area is the API's CONFLICT; one registered under another name is refused), a post already held
 * (unchanged) or overlapping (refused as appointStatistician refuses it), and the file's own duplicates.
 * A person may have several rows, one per post at different units, as the roster export writes them.
 */
export function planRoster(
  rows: readonly ({ row: RosterRow } | { person: RosterPerson } | { rejection: RosterRejection })[],
  lookups: RosterLookups,
  policy: PersonnelPolicy,
  dryRun: boolean,
): { report: RosterImportReport; steps: RosterStep[] } {
  const report: RosterImportReport = {
    dryRun,
    registered: 0,
    appointed: 0,
    unchanged: 0,
    rejectedCount: 0,
    rejected: [],
  };
  const steps: RosterStep[] = [];
  const kept = new Map<string, Kept>();
  for (const parsed of rows) {
    if ("rejection" in parsed) {
      report.rejected.push(parsed.rejection);
      continue;
    }
    if ("person" in parsed) {
      const reason = confirmPerson(parsed.person, lookups);
      if (reason)
        report.rejected.push({ line: parsed.person.line, unitCode: "", name: parsed.person.name, reason });
      else report.unchanged++;
      continue;
    }
    const { row } = parsed;
    const outcome = decide(row, lookups, policy, kept.get(row.idNumber));
    if ("reason" in outcome) {
      report.rejected.push({
        line: row.line,
        unitCode: row.unitCode,
        name: row.name,
        reason: outcome.reason,
      });
      continue;
    }
    const seen = kept.get(row.idNumber) ?? { line: row.line, name: row.name, units: new Map() };
    seen.units.set(row.unitCode, row.line);
    kept.set(row.idNumber, seen);
    if ("unchanged" in outcome) {
      report.unchanged++;
      continue;
    }
    const register = !lookups.people.has(row.idNumber) && seen.line === row.line;
    if (register) report.registered++;
    report.appointed++;
    steps.push({ row, unit: outcome.unit, register });
  }
  report.rejectedCount = report.rejected.length;
  return { report, steps };
}

/** Why a row without a post cannot stand (undefined: the person is registered in your area under that name). */
function confirmPerson(person: RosterPerson, { people }: RosterLookups): string | undefined {
  const holder = people.get(person.idNumber);
  if (!holder)
    return "单位代码 (unit_code), 岗位 (role), 编制 (establishment), 到岗日期 (start_date): empty; a row without a post only confirms a person already registered in your area — fill in the post to register and appoint them.";
  if (!holder.visible) return ID_NUMBER_OUTSIDE_AREA;
  if (holder.statistician.name !== person.name)
    return `This resident ID number is registered to ${holder.statistician.name}, not ${person.name}: correct the row, or change the name with updateStatistician first.`;
  return undefined;
}

/** A row's outcome: unchanged, a step at a unit, or the reason it is rejected. */
function decide(
  row: RosterRow,
  { units, people, posts }: RosterLookups,
  policy: PersonnelPolicy,
  earlier: Kept | undefined,
): { unchanged: true } | { unit: OrgUnitProjection } | { reason: string } {
  const unit = units.get(row.unitCode);
  const unitReason =
    reasonOf(() => policy.requireInArea(unit?.path, "Org unit", row.unitCode)) ??
    reasonOf(() => checkHoldsPosts(unit!, "unit_code")) ??
    reasonOf(() => checkRoleForUnit(unit!, row.role));
  if (unitReason) return { reason: unitReason };
  if (earlier && earlier.name !== row.name) {
    return {
      reason: `Duplicate: the same ID number is on line ${earlier.line} under another name (${earlier.name}); a person is listed under one name.`,
    };
  }
  const sameUnit = earlier?.units.get(row.unitCode);
  if (sameUnit !== undefined) {
    return {
      reason: `Duplicate: the same ID number and unit are on line ${sameUnit}; a post is listed once.`,
    };
  }
  const holder = people.get(row.idNumber);
  if (!holder) return { unit: unit! };
  if (!holder.visible) return { reason: ID_NUMBER_OUTSIDE_AREA };
  const person = holder.statistician;
  if (person.name !== row.name) {
    return {
      reason: `This resident ID number is registered to ${person.name}, not ${row.name}: correct the row, or change the name with updateStatistician first.`,
    };
  }
  const atUnit = (posts.get(person.id) ?? []).filter((p) => p.orgUnitId === unit!.id);
  if (atUnit.some((p) => p.status !== "ENDED" && p.role === row.role)) return { unchanged: true };
  const other = atUnit.find((p) => periodsOverlap(p, { startDate: row.startDate, endDate: null }));
  if (other) return { reason: overlapMessage(person, unit!, other) };
  return { unit: unit! };
}
