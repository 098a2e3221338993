import { badInput, conflict } from "@grassroots/kit/errors";
import { isUuid, type Clock } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import type { TrainingPolicy } from "../access-policy";
import { describeUnit, type OrgUnitRef } from "../directory";
import type { Transaction, UnitOfWork } from "../ports";
import { describeSession, type Enrollment, type TrainingSession } from "../training";
import { type Retryable, managedSession, oncePerRequest, requireStatus } from "./common";

export interface EnrollInput {
  sessionId: string;
  statisticianId: string;
}

export function enrollInSession(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  input: EnrollInput & Retryable,
): Promise<Enrollment> {
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "enrollInTrainingSession", actorId: policy.actor.id, input: input },
      () => enrollInSessionIn(tx, policy, clock, input),
      (enrollment) => enrollment.id,
      (id) => tx.enrollments.get(id),
    ),
  );
}

/**
 * Enrols a statistician serving inside the organizer's subtree into an OPEN session. The session row
 * is locked first (SELECT … FOR UPDATE), so concurrent enrolments queue and the capacity check sees
 * every enrolment committed before it: never more ENROLLED than capacity.
 */
export async function enrollInSessionIn(
  tx: Transaction,
  policy: TrainingPolicy,
  clock: Clock,
  input: EnrollInput,
): Promise<Enrollment> {
  const action = "enrol participants";
  policy.requireManager(action);
  const { session, organizer } = await managedSession(tx, policy, input.sessionId, action);
  await requireServingUnder(tx, policy, input.statisticianId, organizer);
  requireStatus(session, ["OPEN"], action, "sessionId");
  const [existing] = await tx.enrollments.lockOf(session.id, [input.statisticianId]);
  if (existing?.status === "ENROLLED") {
    throw conflict(`This person is already enrolled in session ${describeSession(session)}.`, {
      enrollmentId: existing.id,
    });
  }
  await requireFreePlace(tx, session);
  const by = { enrolledBy: policy.actor.id, enrolledByName: policy.actor.name };
  if (existing) {
    return tx.enrollments.update(existing.id, {
      status: "ENROLLED",
      enrolledAt: clock.now(),
      ...by,
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawnByName: null,
      withdrawalReason: null,
    });
  }
  return tx.enrollments.insert({
    id: randomUUID(),
    sessionId: session.id,
    statisticianId: input.statisticianId,
    ...by,
  });
}

/**
 * The person to enrol, in the refusal policy's order: NOT_FOUND (worded as a missing person) unless a
 * current post of theirs lies in the caller's area; then BAD_USER_INPUT unless one lies inside the
 * organizer's area (a city admin enrolling someone of another banner into a banner's session).
 */
async function requireServingUnder(
  tx: Transaction,
  policy: TrainingPolicy,
  statisticianId: string,
  organizer: OrgUnitRef,
): Promise<void> {
  const posts = isUuid(statisticianId) ? await tx.statisticians.posts([statisticianId]) : [];
  policy.requirePersonInArea(
    posts.map((p) => p.path),
    statisticianId,
  );
  if (posts.some((p) => p.path.startsWith(organizer.path))) return;
  const [person] = await tx.statisticians.named([statisticianId]);
  throw badInput(
    `${person?.name ?? statisticianId} serves only outside its area: ${describeUnit(organizer)} enrols statisticians serving inside its own area.`,
    "statisticianId",
  );
}

async function requireFreePlace(tx: Transaction, session: TrainingSession): Promise<void> {
  const enrolled = await tx.sessions.countEnrolled(session.id);
  if (enrolled >= session.capacity) {
    throw conflict(`Session ${describeSession(session)} is full: all ${session.capacity} places are taken.`, {
      capacity: session.capacity,
      enrolled,
    });
  }
}
