import { randomUUID } from "node:crypto";
import { assertVersion, badInput, notFound } from "@grassroots/kit";
import { filingStepEvent } from "../../events/personnel-events";
import type { PostAssignment } from "../assignment";
import type { PersonnelPolicy } from "../access-policy";
import type { Filing, FilingChange, FilingDetails } from "../filing";
import { routeFor } from "../filing-workflow";
import { bannerIdOf, describeUnit, holdsPosts, type OrgUnitView } from "../org-unit";
import type { Clock, Transaction } from "../ports";
import type { Statistician } from "../statistician";
import { isUuid } from "../values";

/** The person a command works on, locked; NOT_FOUND when unknown or outside the caller's area. */
export async function lockStatisticianInReach(
  tx: Transaction,
  policy: PersonnelPolicy,
  id: string,
): Promise<Statistician> {
  const person = isUuid(id) ? await tx.statisticians.lock(id) : undefined;
  if (!person || !(await tx.statisticians.visibleFrom(person.id, policy.scope)))
    throw notFound("Statistician", id);
  return person;
}

/** The assignment a command changes, locked; NOT_FOUND when unknown or at a unit outside the caller's area. */
export async function lockAssignmentInReach(
  tx: Transaction,
  policy: PersonnelPolicy,
  id: string,
): Promise<{ assignment: PostAssignment; unit: OrgUnitView }> {
  const assignment = isUuid(id) ? await tx.assignments.lock(id) : undefined;
  const unit = assignment ? await tx.units.get(assignment.orgUnitId) : undefined;
  if (!assignment || !unit || !unit.path.startsWith(policy.scope)) throw notFound("Post assignment", id);
  return { assignment, unit };
}

/**
 * A unit named in the input that is to hold a post: known to the projection, active, of a kind that
 * holds posts. Each failure is BAD_USER_INPUT naming the field.
 */
export async function unitForPosts(tx: Transaction, id: string, field: string): Promise<OrgUnitView> {
  const unit = isUuid(id) ? await tx.units.get(id) : undefined;
  if (!unit) {
    throw badInput(
      `Org unit ${id} given as ${field} is unknown: it is not in the organization's tree (or its creation has not reached personnel yet).`,
      field,
    );
  }
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
 * The post a change (transfer, role change, end) works on, locked, after the checks they share: in the
 * caller's area (NOT_FOUND), theirs to manage (FORBIDDEN), the version they saw (CONFLICT), not ended
 * and the change dated on or after the post's start (BAD_USER_INPUT).
 */
export async function lockPostForChange(
  tx: Transaction,
  policy: PersonnelPolicy,
  input: { assignmentId: string; expectedVersion: number },
  action: string,
  date: { value: string; field: string },
): Promise<{ assignment: PostAssignment; unit: OrgUnitView }> {
  const { assignment, unit } = await lockAssignmentInReach(tx, policy, input.assignmentId);
  policy.manageStaff(unit, action);
  assertVersion("The post assignment", assignment.version, input.expectedVersion);
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
  return { assignment, unit };
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
  unit: OrgUnitView,
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
  await tx.publish(filingStepEvent(filing, policy.actorId, filing.submittedAt));
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
