import { assertVersion } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { SessionOpened } from "@grassroots/events/contracts";
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

export function openTrainingSession(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  input: SessionStepInput & Retryable,
): Promise<TrainingSession> {
  return runSessionCommand(uow, "openTrainingSession", policy.actor.id, input, (tx) =>
    openTrainingSessionIn(tx, policy, clock, input),
  );
}

/** PLANNED → OPEN: enrolment opens. */
export async function openTrainingSessionIn(
  tx: Transaction,
  policy: TrainingPolicy,
  clock: Clock,
  input: SessionStepInput,
): Promise<TrainingSession> {
  const action = "open training sessions";
  policy.requireManager(action);
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
}
