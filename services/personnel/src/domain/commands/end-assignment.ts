import { AssignmentEnded } from "@grassroots/events/contracts";
import { assignmentState } from "../../events/assignment-events";
import type { PersonnelPolicy } from "../access-policy";
import { idempotent } from "@grassroots/kit/idempotency";
import type { Clock, PersonnelSettings, Transaction, UnitOfWork } from "../ports";
import { reevaluateStaffing } from "../staffing";
import { checkNotFuture, checkText } from "../values";
import {
  checkPostChange,
  lockAssignmentInReach,
  staffChangeOf,
  submitFiling,
  type StaffChange,
} from "./common";

export interface EndAssignmentInput {
  requestId: string;
  assignmentId: string;
  expectedVersion: number;
  endDate: string;
  reason: string;
}

export function endAssignment(
  uow: UnitOfWork,
  policy: PersonnelPolicy,
  clock: Clock,
  settings: PersonnelSettings,
  input: EndAssignmentInput,
) {
  return uow.run((tx) => endAssignmentIn(tx, policy, clock, settings, input));
}

/** A DEPARTURE: the post ENDS on endDate (not before it started) with a reason; filed (R5); staffing re-evaluated. */
export async function endAssignmentIn(
  tx: Transaction,
  policy: PersonnelPolicy,
  clock: Clock,
  settings: PersonnelSettings,
  input: EndAssignmentInput,
): Promise<StaffChange> {
  const { requestId, ...rest } = input;
  policy.requireWriter("end statisticians' posts");
  const { assignment: old, unit } = await lockAssignmentInReach(tx, policy, input.assignmentId);
  checkNotFuture(input.endDate, "endDate", clock);
  const reason = checkText(input.reason, "reason", 500);
  return idempotent(
    tx.idempotency,
    { requestId, operation: "endAssignment", actorId: policy.actorId, input: rest },
    async () => {
      checkPostChange(old, input.expectedVersion, { value: input.endDate, field: "endDate" });
      const assignment = await tx.assignments.update(old.id, {
        status: "ENDED",
        endDate: input.endDate,
        endReason: reason,
      });
      await tx.publish(AssignmentEnded, {
        ...assignmentState(assignment, unit.path),
        reason: assignment.endReason ?? "",
      });
      const filing = await submitFiling(tx, policy, clock, "DEPARTURE", assignment, unit, {
        role: assignment.role,
        establishment: assignment.establishment,
        effectiveDate: input.endDate,
        reason,
      });
      await reevaluateStaffing(tx, [unit.id], settings.thresholds, clock.now());
      return { result: { assignment, previousAssignment: null, filing }, resultId: filing.id };
    },
    (filingId) => staffChangeOf(tx, filingId),
  );
}
