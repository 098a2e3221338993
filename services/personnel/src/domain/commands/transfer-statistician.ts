import { badInput } from "@grassroots/kit/errors";
import { AssignmentEnded } from "@grassroots/events/contracts";
import { assignmentState } from "../../events/assignment-events";
import { checkRoleForUnit } from "../../rules/post-roles";
import type { PersonnelPolicy } from "../access-policy";
import type { EstablishmentStatus, StatisticianRole } from "../assignment";
import { idempotent } from "@grassroots/kit/idempotency";
import { describeUnit } from "@grassroots/org-projection/units";
import type { Clock, PersonnelSettings, Transaction, UnitOfWork } from "../ports";
import { reevaluateStaffing } from "../staffing";
import { checkNotFuture } from "../values";
import { requireNoOverlap, startAssignment } from "./appoint-statistician";
import {
  checkHoldsPosts,
  checkPostChange,
  lockAssignmentInReach,
  staffChangeOf,
  submitFiling,
  unitInArea,
  type StaffChange,
} from "./common";

export interface TransferInput {
  requestId: string;
  assignmentId: string;
  expectedVersion: number;
  toOrgUnitId: string;
  /** The old post ends and the new one starts on this business date. */
  date: string;
  /** Default: the same as the old post (refused when the new unit's kind does not take it). */
  role?: StatisticianRole;
  establishment?: EstablishmentStatus;
}

export function transferStatistician(
  uow: UnitOfWork,
  policy: PersonnelPolicy,
  clock: Clock,
  settings: PersonnelSettings,
  input: TransferInput,
) {
  return uow.run((tx) => transferStatisticianIn(tx, policy, clock, settings, input));
}

/**
 * Moves a person's post to another unit: the old assignment ENDS and a new one STARTS on the same date
 * (ACTIVE only with a pre-post certificate, R7). The caller's area must include both units (NOT_FOUND
 * otherwise, as for a post or unit that does not exist). Files a
 * TRANSFER at the new unit (its route decides who forwards it) and re-evaluates both units.
 */
export async function transferStatisticianIn(
  tx: Transaction,
  policy: PersonnelPolicy,
  clock: Clock,
  settings: PersonnelSettings,
  input: TransferInput,
): Promise<StaffChange> {
  const { requestId, ...rest } = input;
  policy.requireWriter("transfer statisticians");
  const { assignment: old, unit: from } = await lockAssignmentInReach(tx, policy, input.assignmentId);
  const target = await unitInArea(tx, policy, input.toOrgUnitId);
  checkNotFuture(input.date, "date", clock);
  return idempotent(
    tx.idempotency,
    { requestId, operation: "transferStatistician", actorId: policy.actorId, input: rest },
    async () => {
      checkPostChange(old, input.expectedVersion, { value: input.date, field: "date" });
      const to = checkHoldsPosts(target, "toOrgUnitId");
      if (to.id === from.id) {
        throw badInput(
          `The post is already at ${describeUnit(to)}; to change its role use changeAssignmentRole.`,
          "toOrgUnitId",
        );
      }
      const role = input.role ?? old.role;
      checkRoleForUnit(to, role, input.role ? "role" : "toOrgUnitId");
      // In reach through the post being moved.
      const person = (await tx.statisticians.lock(old.statisticianId))!;
      await requireNoOverlap(tx, person, to, input.date, null);

      const ended = await tx.assignments.update(old.id, {
        status: "ENDED",
        endDate: input.date,
        endReason: `Transferred to ${describeUnit(to)}`,
      });
      await tx.publish(AssignmentEnded, {
        ...assignmentState(ended, from.path),
        reason: ended.endReason ?? "",
      });
      const assignment = await startAssignment(tx, policy, person, to, {
        role,
        establishment: input.establishment ?? old.establishment,
        startDate: input.date,
        endDate: null,
      });
      const filing = await submitFiling(tx, policy, clock, "TRANSFER", assignment, to, {
        fromOrgUnitId: from.id,
        previousAssignmentId: ended.id,
        previousRole: old.role,
        previousEstablishment: old.establishment,
        role: assignment.role,
        establishment: assignment.establishment,
        effectiveDate: input.date,
      });
      await reevaluateStaffing(tx, [from.id, to.id], settings.thresholds, clock.now());
      return { result: { assignment, previousAssignment: ended, filing }, resultId: filing.id };
    },
    (filingId) => staffChangeOf(tx, filingId),
  );
}
