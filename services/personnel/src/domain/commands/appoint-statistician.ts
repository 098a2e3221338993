import { badInput } from "@grassroots/kit/errors";
import { randomUUID } from "node:crypto";
import { AssignmentStarted } from "@grassroots/events/contracts";
import { assignmentState } from "../../events/assignment-events";
import { checkRoleForUnit } from "../../rules/post-roles";
import type { PersonnelPolicy } from "../access-policy";
import type { EstablishmentStatus, PostAssignment, StatisticianRole } from "../assignment";
import { idempotent } from "@grassroots/kit/idempotency";
import { describeUnit, type OrgUnitProjection } from "@grassroots/org-projection/units";
import type { Clock, PersonnelSettings, Transaction, UnitOfWork } from "../ports";
import { reevaluateStaffing } from "../staffing";
import type { Statistician } from "../statistician";
import { checkDate, checkNotFuture } from "../values";
import {
  checkHoldsPosts,
  lockStatisticianInReach,
  staffChangeOf,
  submitFiling,
  unitInArea,
  type StaffChange,
} from "./common";

export interface AppointInput {
  requestId: string;
  statisticianId: string;
  orgUnitId: string;
  role: StatisticianRole;
  establishment: EstablishmentStatus;
  startDate: string;
  /** A planned end (a fixed-term contract); the post still ends only with endAssignment. */
  endDate?: string | null;
}

export function appointStatistician(
  uow: UnitOfWork,
  policy: PersonnelPolicy,
  clock: Clock,
  settings: PersonnelSettings,
  input: AppointInput,
) {
  return uow.run((tx) => appointStatisticianIn(tx, policy, clock, settings, input));
}

export function checkPeriod(
  startDate: string,
  endDate: string | null | undefined,
  clock: Clock,
  startField = "startDate",
  endField = "endDate",
): void {
  checkNotFuture(startDate, startField, clock);
  if (endDate == null) return;
  checkDate(endDate, endField);
  if (endDate < startDate)
    throw badInput(`${endField} ${endDate} is before ${startField} ${startDate}.`, endField);
}

/** Refuses a period that overlaps another of the person's posts at the same unit. */
export async function requireNoOverlap(
  tx: Transaction,
  person: Statistician,
  unit: OrgUnitProjection,
  startDate: string,
  endDate: string | null,
): Promise<void> {
  const [other] = await tx.assignments.overlapping(person.id, unit.id, startDate, endDate);
  if (!other) return;
  throw badInput(overlapMessage(person, unit, other), "startDate", { assignmentId: other.id });
}

/** Why a new post may not start: the person's other post at the unit whose period overlaps it. */
export function overlapMessage(
  person: Pick<Statistician, "name">,
  unit: Pick<OrgUnitProjection, "name" | "code">,
  other: Pick<PostAssignment, "role" | "status" | "startDate" | "endDate">,
): string {
  return (
    `${person.name} already holds a post at ${describeUnit(unit)} (${other.role}, ${other.status}, from ${other.startDate}` +
    `${other.endDate ? ` to ${other.endDate}` : ""}) that overlaps the new one; change that post's role or end it first.`
  );
}

/** The overlap rule of `overlapping`, for posts already read: both periods inclusive, a null end open. */
export const periodsOverlap = (
  a: { startDate: string; endDate: string | null },
  b: { startDate: string; endDate: string | null },
): boolean =>
  (a.endDate === null || a.endDate >= b.startDate) && (b.endDate === null || b.endDate >= a.startDate);

/**
 * A new post for a person at a unit. R7: it starts ACTIVE only when the person already holds a
 * pre-post certificate; otherwise PENDING_TRAINING until the training service announces one.
 * R5: files an APPOINTMENT. R3/R4: re-evaluates the unit's staffing.
 */
export async function appointStatisticianIn(
  tx: Transaction,
  policy: PersonnelPolicy,
  clock: Clock,
  settings: PersonnelSettings,
  input: AppointInput,
): Promise<StaffChange> {
  const { requestId, ...rest } = input;
  policy.requireWriter("appoint statisticians");
  const person = await lockStatisticianInReach(tx, policy, input.statisticianId);
  const unit = await unitInArea(tx, policy, input.orgUnitId);
  checkPeriod(input.startDate, input.endDate, clock);
  return idempotent(
    tx.idempotency,
    { requestId, operation: "appointStatistician", actorId: policy.actorId, input: rest },
    async () => {
      checkHoldsPosts(unit, "orgUnitId");
      checkRoleForUnit(unit, input.role);
      await requireNoOverlap(tx, person, unit, input.startDate, input.endDate ?? null);
      const assignment = await startAssignment(tx, policy, person, unit, {
        role: input.role,
        establishment: input.establishment,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
      });
      const filing = await submitFiling(tx, policy, clock, "APPOINTMENT", assignment, unit, {
        role: assignment.role,
        establishment: assignment.establishment,
        effectiveDate: assignment.startDate,
      });
      await reevaluateStaffing(tx, [unit.id], settings.thresholds, clock.now());
      return { result: { assignment, previousAssignment: null, filing }, resultId: filing.id };
    },
    (filingId) => staffChangeOf(tx, filingId),
  );
}

/** Inserts a post: ACTIVE with the person's pre-post certificate if they hold one, else PENDING_TRAINING (R7). */
export async function startAssignment(
  tx: Transaction,
  policy: PersonnelPolicy,
  person: Statistician,
  unit: OrgUnitProjection,
  post: Pick<PostAssignment, "role" | "establishment" | "startDate" | "endDate">,
): Promise<PostAssignment> {
  const certificate = await tx.certificates.firstOf(person.id);
  const assignment = await tx.assignments.insert({
    id: randomUUID(),
    statisticianId: person.id,
    orgUnitId: unit.id,
    ...post,
    status: certificate ? "ACTIVE" : "PENDING_TRAINING",
    certificateId: certificate?.certificateId ?? null,
    createdBy: policy.actorId,
    createdByName: policy.actorName,
  });
  await tx.publish(AssignmentStarted, assignmentState(assignment, unit.path));
  return assignment;
}
