import { badInput } from "@grassroots/kit/errors";
import { AssignmentChanged } from "@grassroots/events/contracts";
import { assignmentState } from "../../events/assignment-events";
import { checkRoleForUnit } from "../../rules/post-roles";
import type { PersonnelPolicy } from "../access-policy";
import type { AssignmentPatch, EstablishmentStatus, StatisticianRole } from "../assignment";
import { idempotent } from "@grassroots/kit/idempotency";
import type { Clock, PersonnelSettings, Transaction, UnitOfWork } from "../ports";
import { reevaluateStaffing } from "../staffing";
import { checkNotFuture } from "../values";
import {
  checkPostChange,
  lockAssignmentInReach,
  staffChangeOf,
  submitFiling,
  type StaffChange,
} from "./common";

export interface ChangeRoleInput {
  requestId: string;
  assignmentId: string;
  expectedVersion: number;
  role?: StatisticianRole;
  establishment?: EstablishmentStatus;
  effectiveDate: string;
}

export function changeAssignmentRole(
  uow: UnitOfWork,
  policy: PersonnelPolicy,
  clock: Clock,
  settings: PersonnelSettings,
  input: ChangeRoleInput,
) {
  return uow.run((tx) => changeAssignmentRoleIn(tx, policy, clock, settings, input));
}

/** A ROLE_CHANGE: the post's role and/or establishment status change in place; filed (R5); staffing re-evaluated. */
export async function changeAssignmentRoleIn(
  tx: Transaction,
  policy: PersonnelPolicy,
  clock: Clock,
  settings: PersonnelSettings,
  input: ChangeRoleInput,
): Promise<StaffChange> {
  const { requestId, ...rest } = input;
  policy.requireWriter("change statisticians' roles");
  const { assignment: old, unit } = await lockAssignmentInReach(tx, policy, input.assignmentId);
  checkNotFuture(input.effectiveDate, "effectiveDate", clock);
  return idempotent(
    tx.idempotency,
    { requestId, operation: "changeAssignmentRole", actorId: policy.actorId, input: rest },
    async () => {
      checkPostChange(old, input.expectedVersion, { value: input.effectiveDate, field: "effectiveDate" });
      const patch: AssignmentPatch = {};
      if (input.role !== undefined && input.role !== old.role) patch.role = input.role;
      if (input.establishment !== undefined && input.establishment !== old.establishment)
        patch.establishment = input.establishment;
      const changed = Object.keys(patch);
      if (changed.length === 0) {
        throw badInput(
          `The post already is ${old.role}, ${old.establishment}: give a different role or establishment status.`,
          "role",
        );
      }
      checkRoleForUnit(unit, patch.role ?? old.role);
      const assignment = await tx.assignments.update(old.id, patch);
      await tx.publish(AssignmentChanged, { ...assignmentState(assignment, unit.path), changed });
      const filing = await submitFiling(tx, policy, clock, "ROLE_CHANGE", assignment, unit, {
        previousRole: old.role,
        role: assignment.role,
        previousEstablishment: old.establishment,
        establishment: assignment.establishment,
        effectiveDate: input.effectiveDate,
      });
      await reevaluateStaffing(tx, [unit.id], settings.thresholds, clock.now());
      return { result: { assignment, previousAssignment: null, filing }, resultId: filing.id };
    },
    (filingId) => staffChangeOf(tx, filingId),
  );
}
