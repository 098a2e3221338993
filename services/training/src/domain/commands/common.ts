import {
  oncePerRequest as kitOncePerRequest,
  runOncePerRequest,
  type Retryable,
} from "@grassroots/kit/idempotency";
import { badInput, notFoundInArea } from "@grassroots/kit/errors";
import { isUuid } from "@grassroots/kit/validation";
import type { SessionCompleted, SessionOpened, SessionPlanned } from "@grassroots/events/contracts";
import { sessionState } from "../../events/training-events";
import type { Target, TrainingPolicy } from "../access-policy";
import type { OrgUnitRef } from "../directory";
import type { Transaction, UnitOfWork } from "../ports";
import { describeSession, SESSION, type SessionStatus, type TrainingSession } from "../training";

/**
 * Steps 2–3 of the refusal policy for a command on a session: locks the session (SELECT … FOR
 * UPDATE) and checks that the caller manages it. A session that does not exist and one the caller may
 * not see are refused alike, NOT_FOUND as `Training session <id> does not exist in your area.`; a
 * session they see but may not manage (the city's, for a banner admin) is FORBIDDEN. Reached through
 * an enrolment (`via`), the enrolment is the target: its organizer must lie in the caller's area.
 */
export async function managedSession(
  tx: Transaction,
  policy: TrainingPolicy,
  sessionId: string,
  action: string,
  via?: Target,
): Promise<{ session: TrainingSession; organizer: OrgUnitRef }> {
  const target = via ?? { what: SESSION, key: sessionId };
  const session = isUuid(sessionId) ? await tx.sessions.lock(sessionId) : undefined;
  if (!session) throw notFoundInArea(target.what, target.key);
  // The organizer as the org projection knows it now: its path decides who manages the session.
  const organizer = await tx.units.get(session.organizerUnitId);
  policy.manage(organizer, action, target, via ? "area" : "visible");
  return { session, organizer };
}

const STATE_TEXT: Record<SessionStatus, string> = {
  PLANNED: "is only planned (open it first)",
  OPEN: "is open",
  COMPLETED: "is already completed",
  CANCELLED: "was cancelled",
};

/** Refuses a step the session's status does not allow, saying what the status is. */
export function requireStatus(
  session: TrainingSession,
  allowed: readonly SessionStatus[],
  action: string,
  field = "id",
): void {
  if (allowed.includes(session.status)) return;
  throw badInput(
    `Session ${describeSession(session)} ${STATE_TEXT[session.status]}; you cannot ${action}.`,
    field,
    {
      status: session.status,
    },
  );
}

type SessionContract = typeof SessionPlanned | typeof SessionOpened | typeof SessionCompleted;

/** A session's state change, keyed by the session id (the contract's key). */
export function publishSession(
  tx: Transaction,
  contract: SessionContract,
  session: TrainingSession,
  organizer: OrgUnitRef,
) {
  return tx.publish(contract, sessionState(session, organizer));
}

/** The input of a step of a session's lifecycle (open, complete, cancel). */
export interface SessionStepInput {
  id: string;
  expectedVersion: number;
}

/** The kit's Retryable: what a mutation a client may retry carries beside its input. */
export type { Retryable };

/** The kit's `oncePerRequest` over this service's transaction (its tx.idempotency store). */
export const oncePerRequest = <R>(
  tx: Transaction,
  request: { operation: string; actorId: string; input: Retryable },
  work: () => Promise<R>,
  idOf: (result: R) => string,
  replay: (id: string) => Promise<R | undefined>,
): Promise<R> => kitOncePerRequest(tx.idempotency, request, work, idOf, replay);

/**
 * A session command a client may retry, in its own transaction: the result is the session, replayed
 * by its id (plan, open, complete, cancel share this outer form; each file holds its `…In` command).
 */
export const runSessionCommand = <I extends Retryable>(
  uow: UnitOfWork,
  operation: string,
  actorId: string,
  input: I,
  work: (tx: Transaction) => Promise<TrainingSession>,
): Promise<TrainingSession> =>
  runOncePerRequest(
    uow,
    operation,
    actorId,
    input,
    work,
    (session) => session.id,
    (tx, id) => tx.sessions.get(id),
  );
