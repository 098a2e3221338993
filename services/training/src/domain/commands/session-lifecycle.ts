import { assertVersion, badInput, checkText, type Clock } from "@grassroots/kit";
import { SessionCancelled, SessionCompleted, SessionOpened } from "@grassroots/events";
import type { TrainingPolicy } from "../access-policy";
import type { UnitOfWork } from "../ports";
import { describeSession, type TrainingSession } from "../training";
import { managedSession, publishCancelled, publishSession, requireStatus } from "./common";

export interface SessionStepInput {
  id: string;
  expectedVersion: number;
}

/** PLANNED → OPEN: enrolment opens. */
export function openSession(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  input: SessionStepInput,
): Promise<TrainingSession> {
  const action = "open training sessions";
  policy.requireManager(action);
  return uow.run(async (tx) => {
    const { session, organizer } = await managedSession(tx, policy, input.id, action);
    assertVersion(`Session ${describeSession(session)}`, session.version, input.expectedVersion);
    requireStatus(session, ["PLANNED"], "open it for enrolment");
    const opened = await tx.sessions.update(session.id, {
      status: "OPEN",
      openedAt: clock.now(),
      openedBy: policy.actor.id,
      openedByName: policy.actor.name,
    });
    await publishSession(tx, SessionOpened, opened, organizer);
    return opened;
  });
}

/**
 * OPEN → COMPLETED: the session took place (its end date has come). Enrolment closes; attendance and
 * results are recorded from now on, and count for R6 in the year of the end date.
 */
export function completeSession(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  input: SessionStepInput,
): Promise<TrainingSession> {
  const action = "complete training sessions";
  policy.requireManager(action);
  return uow.run(async (tx) => {
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
  });
}

export interface CancelSessionInput extends SessionStepInput {
  reason: string;
}

/** PLANNED or OPEN → CANCELLED, with who, when and why; enrolments stay as they were (nothing is deleted). */
export function cancelSession(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  input: CancelSessionInput,
): Promise<TrainingSession> {
  const action = "cancel training sessions";
  policy.requireManager(action);
  return uow.run(async (tx) => {
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
    await publishCancelled(tx, SessionCancelled, cancelled, organizer);
    return cancelled;
  });
}
