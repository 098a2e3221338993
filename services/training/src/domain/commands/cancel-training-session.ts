import { assertVersion } from "@grassroots/kit/errors";
import { checkText, type Clock } from "@grassroots/kit/validation";
import { SessionCancelled } from "@grassroots/events/contracts";
import { sessionState } from "../../events/training-events";
import type { TrainingPolicy } from "../access-policy";
import type { Transaction, UnitOfWork } from "../ports";
import { describeSession, type TrainingSession } from "../training";
import {
  type Retryable,
  type SessionStepInput,
  managedSession,
  requireStatus,
  runSessionCommand,
} from "./common";

export interface CancelSessionInput extends SessionStepInput {
  reason: string;
}

export function cancelTrainingSession(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  input: CancelSessionInput & Retryable,
): Promise<TrainingSession> {
  return runSessionCommand(uow, "cancelTrainingSession", policy.actor.id, input, (tx) =>
    cancelTrainingSessionIn(tx, policy, clock, input),
  );
}

/** PLANNED or OPEN → CANCELLED, with who, when and why; enrolments stay as they were (nothing is deleted). */
export async function cancelTrainingSessionIn(
  tx: Transaction,
  policy: TrainingPolicy,
  clock: Clock,
  input: CancelSessionInput,
): Promise<TrainingSession> {
  const action = "cancel training sessions";
  policy.requireManager(action);
  const { session, organizer } = await managedSession(tx, policy, input.id, action);
  const reason = checkText(input.reason, "reason", 500);
  assertVersion(`Session ${describeSession(session)}`, session.version, input.expectedVersion);
  requireStatus(session, ["PLANNED", "OPEN"], "cancel it");
  const cancelled = await tx.sessions.update(session.id, {
    status: "CANCELLED",
    cancelledAt: clock.now(),
    cancelledBy: policy.actor.id,
    cancelledByName: policy.actor.name,
    cancellationReason: reason,
  });
  await tx.publish(SessionCancelled, {
    ...sessionState(cancelled, organizer),
    reason: cancelled.cancellationReason ?? "",
  });
  return cancelled;
}
