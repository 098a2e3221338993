import { assertVersion, badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { SessionCompleted } from "@grassroots/events/contracts";
import type { TrainingPolicy } from "../access-policy";
import type { Transaction, UnitOfWork } from "../ports";
import { describeSession, type TrainingSession } from "../training";
import {
  type Retryable,
  type SessionStepInput,
  managedSession,
  publishSession,
  requireStatus,
  runSessionCommand,
} from "./common";

export function completeTrainingSession(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  input: SessionStepInput & Retryable,
): Promise<TrainingSession> {
  return runSessionCommand(uow, "completeTrainingSession", policy.actor.id, input, (tx) =>
    completeTrainingSessionIn(tx, policy, clock, input),
  );
}

/**
 * OPEN → COMPLETED: the session took place (its end date has come). Enrolment closes; attendance and
 * results are recorded from now on, and count for R6 in the year of the end date.
 */
export async function completeTrainingSessionIn(
  tx: Transaction,
  policy: TrainingPolicy,
  clock: Clock,
  input: SessionStepInput,
): Promise<TrainingSession> {
  const action = "complete training sessions";
  policy.requireManager(action);
  const { session, organizer } = await managedSession(tx, policy, input.id, action);
  assertVersion(`Session ${describeSession(session)}`, session.version, input.expectedVersion);
  requireStatus(session, ["OPEN"], "complete it");
  const today = clock.today();
  if (session.endDate > today) {
    throw badInput(
      `Session ${describeSession(session)} ends on ${session.endDate}; complete it on or after that day.`,
      "id",
    );
  }
  const completed = await tx.sessions.update(session.id, {
    status: "COMPLETED",
    completedAt: clock.now(),
    completedBy: policy.actor.id,
    completedByName: policy.actor.name,
  });
  await publishSession(tx, SessionCompleted, completed, organizer);
  return completed;
}
