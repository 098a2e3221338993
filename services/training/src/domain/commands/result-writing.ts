import { badInput, conflict } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { AttendanceRecorded, PrePostCertificateIssued } from "@grassroots/events/contracts";
import { randomUUID } from "node:crypto";
import { attendance, certificateIssued } from "../../events/training-events";
import { certificateNumber, qualifiesForCertificate, type PassRule } from "../../rules/r7-pre-post-training";
import type { TrainingPolicy } from "../access-policy";
import type { OrgUnitRef } from "../directory";
import type { Transaction } from "../ports";
import type { CheckedResult } from "../results";
import {
  describeSession,
  sessionYear,
  type Certificate,
  type Enrollment,
  type TrainingSession,
} from "../training";
import { managedSession, requireStatus } from "./common";

/**
 * What the result commands share (record one, record many, issue a certificate): the session they
 * write in, how one result is written, and how a certificate is issued.
 */

export interface RecordedResult {
  enrollment: Enrollment;
  /** The pre-post certificate this result earned (R7), issued now or earlier; null otherwise. */
  certificate: Certificate | null;
}

export interface ResultsContext {
  tx: Transaction;
  policy: TrainingPolicy;
  clock: Clock;
  rule: PassRule;
  session: TrainingSession;
  organizer: OrgUnitRef;
}

export const RECORD = "record attendance and results";

/** Opens a session for results: locked, managed by the caller (refusal steps 1–2), COMPLETED (the session took place). */
export async function resultsContext(
  tx: Transaction,
  policy: TrainingPolicy,
  clock: Clock,
  rule: PassRule,
  sessionId: string,
): Promise<ResultsContext> {
  const { session, organizer } = await managedSession(tx, policy, sessionId, RECORD);
  requireStatus(session, ["COMPLETED"], "record attendance and results before it is completed", "sessionId");
  return { tx, policy, clock, rule, session, organizer };
}

/**
 * R7: issues the certificate in the caller's transaction: the next number of the organizer's year
 * (the counter row stays locked until commit), the row, and PrePostCertificateIssued for personnel.
 */
export async function issueCertificate(c: ResultsContext, enrollment: Enrollment): Promise<Certificate> {
  const year = sessionYear(c.session);
  const seq = await c.tx.certificates.nextSeq(c.organizer.id, year);
  const certificate = await c.tx.certificates.insert({
    id: randomUUID(),
    number: certificateNumber(c.organizer.code.trim(), year, seq),
    organizerUnitId: c.organizer.id,
    year,
    seq,
    enrollmentId: enrollment.id,
    sessionId: c.session.id,
    statisticianId: enrollment.statisticianId,
    kind: "PRE_POST",
    completedOn: c.session.endDate,
    issuedBy: c.policy.actor.id,
    issuedByName: c.policy.actor.name,
  });
  await c.tx.publish(PrePostCertificateIssued, certificateIssued(certificate));
  return certificate;
}

/**
 * Writes one checked result: AttendanceRecorded, plus the certificate when it earns one. Sending the
 * same values again changes nothing; changing a result that earned a (published) certificate is refused.
 */
export async function applyResult(
  c: ResultsContext,
  enrollment: Enrollment,
  result: CheckedResult,
  held: Certificate | undefined,
): Promise<RecordedResult> {
  const unchanged =
    enrollment.result === result.result &&
    enrollment.hoursAttended === result.hoursAttended &&
    enrollment.score === result.score;
  if (unchanged) return { enrollment, certificate: held ?? null };
  if (held) {
    throw conflict(`Certificate ${held.number} was issued for this result; it can no longer be changed.`, {
      certificateNumber: held.number,
    });
  }
  const updated = await c.tx.enrollments.update(enrollment.id, {
    ...result,
    resultRecordedAt: c.clock.now(),
    resultRecordedBy: c.policy.actor.id,
    resultRecordedByName: c.policy.actor.name,
  });
  await c.tx.publish(AttendanceRecorded, attendance(updated));
  const certificate = qualifiesForCertificate(c.session, updated, c.rule)
    ? await issueCertificate(c, updated)
    : null;
  return { enrollment: updated, certificate };
}

/** A result as it stands now (a retried recordTrainingResult answers with it). */
export async function recordedResultOf(
  tx: Transaction,
  enrollmentId: string,
): Promise<RecordedResult | undefined> {
  const enrollment = await tx.enrollments.get(enrollmentId);
  if (!enrollment) return undefined;
  const [certificate] = await tx.certificates.ofEnrollments([enrollment.id]);
  return { enrollment, certificate: certificate ?? null };
}

/** The results of these people in the session as they stand now, in their order (a retried upload answers with them). */
export async function recordedResultsOf(
  tx: Transaction,
  sessionId: string,
  statisticianIds: readonly string[],
): Promise<RecordedResult[]> {
  const enrollments = new Map(
    (await tx.enrollments.lockOf(sessionId, statisticianIds)).map((e) => [e.statisticianId, e]),
  );
  const held = new Map(
    (await tx.certificates.ofEnrollments([...enrollments.values()].map((e) => e.id))).map((c) => [
      c.enrollmentId,
      c,
    ]),
  );
  return statisticianIds.flatMap((id) => {
    const enrollment = enrollments.get(id);
    return enrollment ? [{ enrollment, certificate: held.get(enrollment.id) ?? null }] : [];
  });
}

export function notEnrolled(session: TrainingSession, statisticianId: string, field: string) {
  return badInput(
    `Statistician ${statisticianId} is not enrolled in session ${describeSession(session)}; results are recorded for participants only.`,
    field,
  );
}
