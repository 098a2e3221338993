import { assertVersion, badInput, checkText, conflict, isUuid, notFound, type Clock } from "@grassroots/kit";
import { randomUUID } from "node:crypto";
import type { TrainingPolicy } from "../access-policy";
import { describeUnit, type OrgUnitRef } from "../directory";
import type { Transaction, UnitOfWork } from "../ports";
import { describeSession, type Enrollment, type TrainingSession } from "../training";
import { lockSession, organizerOf, requireStatus } from "./common";

export interface EnrollInput {
  sessionId: string;
  statisticianId: string;
}

/** Refuses a person the projection does not know, or who serves nowhere inside the organizer's area. */
async function requireServingUnder(tx: Transaction, statisticianId: string, organizer: OrgUnitRef): Promise<void> {
  const [people, posts] = await Promise.all([tx.directory.statisticians([statisticianId]), tx.directory.posts([statisticianId])]);
  if (people.length === 0 && posts.length === 0) {
    throw badInput(`Statistician ${statisticianId} is not known; register and appoint the person in personnel first.`, "statisticianId");
  }
  if (posts.some((p) => p.path.startsWith(organizer.path))) return;
  const name = people[0]?.name ?? statisticianId;
  const where = posts.length === 0 ? "holds no current post" : "serves only outside its area";
  throw badInput(
    `${name} ${where}: ${describeUnit(organizer)} enrols statisticians serving inside its own area.`,
    "statisticianId",
  );
}

/**
 * Enrols a statistician serving inside the organizer's subtree into an OPEN session. The session row
 * is locked first (SELECT … FOR UPDATE), so concurrent enrolments queue and the capacity check sees
 * every enrolment committed before it: never more ENROLLED than capacity.
 */
export function enroll(uow: UnitOfWork, policy: TrainingPolicy, clock: Clock, input: EnrollInput): Promise<Enrollment> {
  if (!isUuid(input.statisticianId)) throw badInput(`statisticianId "${input.statisticianId}" is not an id.`, "statisticianId");
  return uow.run(async (tx) => {
    const session = await lockSession(tx, input.sessionId);
    const organizer = await organizerOf(tx, session);
    policy.manage(organizer, "enrol participants");
    requireStatus(session, ["OPEN"], "enrol participants", "sessionId");
    await requireServingUnder(tx, input.statisticianId, organizer);
    const [existing] = await tx.enrollments.lockOf(session.id, [input.statisticianId]);
    if (existing?.status === "ENROLLED") {
      throw conflict(`This person is already enrolled in session ${describeSession(session)}.`, { enrollmentId: existing.id });
    }
    await requireFreePlace(tx, session);
    if (existing) {
      return tx.enrollments.update(existing.id, {
        status: "ENROLLED",
        enrolledAt: clock.now(),
        enrolledBy: policy.actorId,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawalReason: null,
      });
    }
    return tx.enrollments.insert({ id: randomUUID(), sessionId: session.id, statisticianId: input.statisticianId, enrolledBy: policy.actorId });
  });
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

export interface WithdrawInput {
  enrollmentId: string;
  expectedVersion: number;
  reason?: string | null;
}

/** Withdraws an enrolment while the session is OPEN; the row stays, with who, when and why. */
export function withdraw(uow: UnitOfWork, policy: TrainingPolicy, clock: Clock, input: WithdrawInput): Promise<Enrollment> {
  const reason = input.reason?.trim() ? checkText(input.reason, "reason", 500) : null;
  return uow.run(async (tx) => {
    const found = isUuid(input.enrollmentId) ? await tx.enrollments.get(input.enrollmentId) : undefined;
    if (!found) throw notFound("Enrollment", input.enrollmentId);
    // Session first, then the enrolment: the same lock order as enrol, so the two never deadlock.
    const session = await lockSession(tx, found.sessionId);
    const organizer = await organizerOf(tx, session);
    policy.manage(organizer, "withdraw participants");
    const enrollment = (await tx.enrollments.lock(found.id))!;
    assertVersion("This enrolment", enrollment.version, input.expectedVersion);
    if (enrollment.status === "WITHDRAWN") throw badInput("This enrolment was already withdrawn.", "enrollmentId");
    requireStatus(session, ["OPEN"], "withdraw participants", "enrollmentId");
    return tx.enrollments.update(enrollment.id, {
      status: "WITHDRAWN",
      withdrawnAt: clock.now(),
      withdrawnBy: policy.actorId,
      withdrawalReason: reason,
    });
  });
}
