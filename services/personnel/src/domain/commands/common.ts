import { randomUUID } from "node:crypto";
import { assertVersion, badInput, notFoundInArea } from "@grassroots/kit/errors";
import { FILING_EVENT, filingStepState } from "../../events/filing-events";
import type { PostAssignment } from "../assignment";
import type { PersonnelPolicy } from "../access-policy";
import type { Filing, FilingChange, FilingDetails } from "../filing";
import { routeFor } from "../../rules/r5-level-by-level-filing";
import {
  bannerIdOf,
  describeUnit,
  holdsPosts,
  type OrgUnitProjection,
} from "@grassroots/org-projection/units";
import type { Clock, Transaction } from "../ports";
import type { Statistician } from "../statistician";
import { isUuid } from "../values";

/**
 * The person a command works on, locked; NOT_FOUND (worded as a missing person) when unknown or outside
 * the caller's area (registered there, or holding or having held a post there).
 */
export async function lockStatisticianInReach(
  tx: Transaction,
  policy: PersonnelPolicy,
  id: string,
): Promise<Statistician> {
  const person = isUuid(id) ? await tx.statisticians.lock(id) : undefined;
  if (!person || !(await tx.statisticians.visibleFrom(person.id, policy.scope)))
    throw notFoundInArea("Statistician", id);
  return person;
}

/** The assignment a command changes, locked; NOT_FOUND when unknown or at a unit outside the caller's area. */
export async function lockAssignmentInReach(
  tx: Transaction,
  policy: PersonnelPolicy,
  id: string,
): Promise<{ assignment: PostAssignment; unit: OrgUnitProjection }> {
  const assignment = isUuid(id) ? await tx.assignments.lock(id) : undefined;
  const unit = assignment ? await tx.units.get(assignment.orgUnitId) : undefined;
  policy.requireInArea(unit?.path, "Post assignment", id);
  return { assignment: assignment!, unit: unit! };
}

/**
 * A unit named in the input (the unit a command writes to): NOT_FOUND, worded as a unit that does not
 * exist, when personnel does not know it or it lies outside the caller's area.
 */
export async function unitInArea(
  tx: Transaction,
  policy: PersonnelPolicy,
  id: string,
): Promise<OrgUnitProjection> {
  const unit = isUuid(id) ? await tx.units.get(id) : undefined;
  policy.requireInArea(unit?.path, "Org unit", id);
  return unit!;
}

/** A unit that is to hold a post: active, of a kind that holds posts. Each failure is BAD_USER_INPUT naming the field. */
export function checkHoldsPosts(unit: OrgUnitProjection, field: string): OrgUnitProjection {
  if (!unit.active)
    throw badInput(`${describeUnit(unit)} was deactivated; appoint to an active unit.`, field);
  if (!holdsPosts(unit.kind)) {
    throw badInput(
      `${describeUnit(unit)} is a ${unit.kind}: grassroots statistics posts are held at township level, in parks and at village level.`,
      field,
    );
  }
  return unit;
}

/**
 * What a change (transfer, role change, end) needs of the post it works on, once it is in the caller's
 * area: the version they saw (CONFLICT), not ended and the change dated on or after the post's start
 * (BAD_USER_INPUT).
 */
export function checkPostChange(
  assignment: PostAssignment,
  expectedVersion: number,
  date: { value: string; field: string },
): void {
  assertVersion("The post assignment", assignment.version, expectedVersion);
  if (assignment.status === "ENDED") {
    throw badInput(
      `This post ended on ${assignment.endDate} (${assignment.endReason ?? "no reason given"}); it cannot change any more.`,
      "assignmentId",
    );
  }
  if (date.value < assignment.startDate) {
    throw badInput(
      `${date.field} ${date.value} is before the post's start date ${assignment.startDate}.`,
      date.field,
    );
  }
}

/**
 * R5: every staff change creates a filing, SUBMITTED by whoever made the change, routed by the unit:
 * through its township (village level) or straight to the banner bureau.
 */
export async function submitFiling(
  tx: Transaction,
  policy: PersonnelPolicy,
  clock: Clock,
  change: FilingChange,
  assignment: PostAssignment,
  unit: OrgUnitProjection,
  details: FilingDetails,
): Promise<Filing> {
  const route = routeFor(unit.kind);
  const bannerId = bannerIdOf(unit.path);
  if (!bannerId)
    throw badInput(
      `${describeUnit(unit)} lies in no banner or district; its changes cannot be filed.`,
      "orgUnitId",
    );
  const filing = await tx.filings.insert({
    id: randomUUID(),
    change,
    statisticianId: assignment.statisticianId,
    assignmentId: assignment.id,
    orgUnitId: unit.id,
    orgUnitPath: unit.path,
    bannerId,
    townshipId: route === "VIA_TOWNSHIP" ? unit.parentId : null,
    route,
    status: "SUBMITTED",
    details,
    submittedOn: clock.today(),
    submittedBy: policy.actorId,
    submittedByName: policy.actorName,
    submittedAt: clock.now(),
  });
  await tx.filings.addStep({
    filingId: filing.id,
    step: "SUBMIT",
    fromStatus: null,
    toStatus: "SUBMITTED",
    actor: policy.actorId,
    actorName: policy.actorName,
    at: filing.submittedAt,
    note: null,
  });
  await tx.publish(FILING_EVENT[filing.status], filingStepState(filing, policy.actorId, filing.submittedAt));
  return filing;
}

/** What the four staff-change mutations return: the assignment as it is now, the one it replaced, the filing. */
export interface StaffChange {
  assignment: PostAssignment;
  previousAssignment: PostAssignment | null;
  filing: Filing;
}

/** Rebuilds a change's result from its filing (for a retried request). */
export async function staffChangeOf(tx: Transaction, filingId: string): Promise<StaffChange> {
  const filing = (await tx.filings.get(filingId))!;
  const assignment = (await tx.assignments.get(filing.assignmentId))!;
  const previousId = filing.details.previousAssignmentId;
  const previousAssignment = previousId ? ((await tx.assignments.get(previousId)) ?? null) : null;
  return { assignment, previousAssignment, filing };
}
