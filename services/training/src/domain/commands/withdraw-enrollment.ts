import { assertVersion, badInput, notFoundInArea } from "@grassroots/kit/errors";
import { checkText, isUuid, type Clock } from "@grassroots/kit/validation";
import type { TrainingPolicy } from "../access-policy";
import type { Transaction, UnitOfWork } from "../ports";
import type { Enrollment } from "../training";
import { type Retryable, managedSession, oncePerRequest, requireStatus } from "./common";

export interface WithdrawInput {
  enrollmentId: string;
  expectedVersion: number;
  reason?: string | null;
}

export function withdrawEnrollment(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  input: WithdrawInput & Retryable,
): Promise<Enrollment> {
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "withdrawTrainingEnrollment", actorId: policy.actor.id, input: input },
      () => withdrawEnrollmentIn(tx, policy, clock, input),
      (enrollment) => enrollment.id,
      (id) => tx.enrollments.get(id),
    ),
  );
}

/** Withdraws an enrolment while the session is OPEN; the row stays, with who, when and why. */
export async function withdrawEnrollmentIn(
  tx: Transaction,
  policy: TrainingPolicy,
  clock: Clock,
  input: WithdrawInput,
): Promise<Enrollment> {
  const action = "withdraw participants";
  policy.requireManager(action);
  const target = { what: "Enrollment", key: input.enrollmentId };
  const found = isUuid(input.enrollmentId) ? await tx.enrollments.get(input.enrollmentId) : undefined;
  if (!found) throw notFoundInArea(target.what, target.key);
  // Session first, then the enrolment: the same lock order as enrol, so the two never deadlock.
  const { session } = await managedSession(tx, policy, found.sessionId, action, target);
  const reason = input.reason?.trim() ? checkText(input.reason, "reason", 500) : null;
  const enrollment = (await tx.enrollments.lock(found.id))!;
  assertVersion("This enrolment", enrollment.version, input.expectedVersion);
  if (enrollment.status === "WITHDRAWN")
    throw badInput("This enrolment was already withdrawn.", "enrollmentId");
  requireStatus(session, ["OPEN"], action, "enrollmentId");
  return tx.enrollments.update(enrollment.id, {
    status: "WITHDRAWN",
    withdrawnAt: clock.now(),
    withdrawnBy: policy.actor.id,
    withdrawnByName: policy.actor.name,
    withdrawalReason: reason,
  });
}
