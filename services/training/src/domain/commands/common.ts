import { badInput, isUuid, notFound } from "@grassroots/kit";
import type { SessionCancelled, SessionCompleted, SessionOpened, SessionPlanned } from "@grassroots/events";
import { sessionState } from "../../events/training-events";
import type { OrgUnitRef } from "../directory";
import type { Transaction } from "../ports";
import { describeSession, type SessionStatus, type TrainingSession } from "../training";

/** Locks the session a command changes (SELECT … FOR UPDATE), or NOT_FOUND. */
export async function lockSession(tx: Transaction, id: string, what = "Training session"): Promise<TrainingSession> {
  const session = isUuid(id) ? await tx.sessions.lock(id) : undefined;
  if (!session) throw notFound(what, id);
  return session;
}

/** The organizer as the org projection knows it now (its path decides who manages the session). */
export async function organizerOf(tx: Transaction, session: TrainingSession): Promise<OrgUnitRef> {
  const organizer = await tx.directory.unit(session.organizerUnitId);
  if (!organizer) throw notFound("Organizer unit", session.organizerUnitId);
  return organizer;
}

const STATE_TEXT: Record<SessionStatus, string> = {
  PLANNED: "is only planned (open it first)",
  OPEN: "is open",
  COMPLETED: "is already completed",
  CANCELLED: "was cancelled",
};

/** Refuses a step the session's status does not allow, saying what the status is. */
export function requireStatus(session: TrainingSession, allowed: readonly SessionStatus[], action: string, field = "id"): void {
  if (allowed.includes(session.status)) return;
  throw badInput(`Session ${describeSession(session)} ${STATE_TEXT[session.status]}; you cannot ${action}.`, field, {
    status: session.status,
  });
}

type SessionContract = typeof SessionPlanned | typeof SessionOpened | typeof SessionCompleted;

export function publishSession(tx: Transaction, contract: SessionContract, session: TrainingSession, organizer: OrgUnitRef) {
  return tx.publish(contract, sessionState(session, organizer), session.id);
}

export function publishCancelled(tx: Transaction, contract: typeof SessionCancelled, session: TrainingSession, organizer: OrgUnitRef) {
  return tx.publish(contract, { ...sessionState(session, organizer), reason: session.cancellationReason ?? "" }, session.id);
}
