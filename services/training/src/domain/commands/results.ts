import {
  AppError,
  assertVersion,
  badInput,
  conflict,
  isAppError,
  isUuid,
  notFoundInArea,
  type Clock,
} from "@grassroots/kit";
import { AttendanceRecorded, PrePostCertificateIssued } from "@grassroots/events";
import { randomUUID } from "node:crypto";
import { attendance, certificateIssued } from "../../events/training-events";
import {
  certificateNumber,
  qualifiesForCertificate,
  refuseCertificate,
  type PassRule,
} from "../../rules/r7-pre-post-training";
import type { TrainingPolicy } from "../access-policy";
import type { OrgUnitRef } from "../directory";
import type { Transaction, UnitOfWork } from "../ports";
import { checkResult, type CheckedResult, type ResultInput } from "../results";
import {
  describeSession,
  sessionYear,
  type Certificate,
  type Enrollment,
  type TrainingSession,
} from "../training";
import { managedSession, requireStatus } from "./common";

export interface RecordedResult {
  enrollment: Enrollment;
  /** The pre-post certificate this result earned (R7), issued now or earlier; null otherwise. */
  certificate: Certificate | null;
}

interface Context {
  tx: Transaction;
  policy: TrainingPolicy;
  clock: Clock;
  rule: PassRule;
  session: TrainingSession;
  organizer: OrgUnitRef;
}

const RECORD = "record attendance and results";

/** Opens a session for results: locked, managed by the caller (refusal steps 1–2), COMPLETED (the session took place). */
async function resultsContext(
  tx: Transaction,
  policy: TrainingPolicy,
  clock: Clock,
  rule: PassRule,
  sessionId: string,
): Promise<Context> {
  const { session, organizer } = await managedSession(tx, policy, sessionId, RECORD);
  requireStatus(session, ["COMPLETED"], "record attendance and results before it is completed", "sessionId");
  return { tx, policy, clock, rule, session, organizer };
}

/**
 * R7: issues the certificate in the caller's transaction: the next number of the organizer's year
 * (the counter row stays locked until commit), the row, and PrePostCertificateIssued for personnel.
 */
async function issueCertificate(c: Context, enrollment: Enrollment): Promise<Certificate> {
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
  await c.tx.publish(PrePostCertificateIssued, certificateIssued(certificate), certificate.statisticianId);
  return certificate;
}

/**
 * Writes one checked result: AttendanceRecorded, plus the certificate when it earns one. Sending the
 * same values again changes nothing; changing a result that earned a (published) certificate is refused.
 */
async function applyResult(
  c: Context,
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
  await c.tx.publish(AttendanceRecorded, attendance(updated), updated.sessionId);
  const certificate = qualifiesForCertificate(c.session, updated, c.rule)
    ? await issueCertificate(c, updated)
    : null;
  return { enrollment: updated, certificate };
}

function notEnrolled(session: TrainingSession, statisticianId: string, field: string) {
  return badInput(
    `Statistician ${statisticianId} is not enrolled in session ${describeSession(session)}; results are recorded for participants only.`,
    field,
  );
}

export interface RecordResultInput extends ResultInput {
  sessionId: string;
  statisticianId: string;
  /** The enrolment's version when correcting a result; omit for the first entry. */
  expectedVersion?: number;
}

export function recordResult(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  rule: PassRule,
  input: RecordResultInput,
): Promise<RecordedResult> {
  policy.requireManager(RECORD);
  return uow.run(async (tx) => {
    const c = await resultsContext(tx, policy, clock, rule, input.sessionId);
    const checked = checkResult(c.session, input, rule);
    const [enrollment] = isUuid(input.statisticianId)
      ? await tx.enrollments.lockOf(c.session.id, [input.statisticianId])
      : [];
    if (!enrollment || enrollment.status !== "ENROLLED")
      throw notEnrolled(c.session, input.statisticianId, "statisticianId");
    if (input.expectedVersion !== undefined)
      assertVersion("This enrolment", enrollment.version, input.expectedVersion);
    const [held] = await tx.certificates.ofEnrollments([enrollment.id]);
    return applyResult(c, enrollment, checked, held);
  });
}

export interface RecordResultsInput {
  sessionId: string;
  rows: (ResultInput & { statisticianId: string })[];
}

/** Re-throws a row's error with the row named first (1-based, as a clerk counts the lines of an upload). */
function inRow<T>(index: number, label: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new AppError(error.code, `Row ${index + 1} (statistician ${label}): ${error.message}`, {
      ...error.details,
      row: index + 1,
    });
  }
}

/**
 * A whole session's attendance and results in one transaction: every row is checked before anything
 * is written, and any refusal (naming its row) rolls back the whole upload — no result, no event.
 */
export function recordResults(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  rule: PassRule,
  input: RecordResultsInput,
): Promise<RecordedResult[]> {
  policy.requireManager(RECORD);
  return uow.run(async (tx) => {
    const c = await resultsContext(tx, policy, clock, rule, input.sessionId);
    if (input.rows.length < 1 || input.rows.length > 2000) {
      throw badInput(`A results upload has 1 to 2000 rows; got ${input.rows.length}.`, "rows");
    }
    const ids = input.rows.map((r) => r.statisticianId);
    const first = new Map<string, number>();
    const checked = input.rows.map((row, i) =>
      inRow(i, row.statisticianId, () => {
        if (!isUuid(row.statisticianId))
          throw badInput(`"${row.statisticianId}" is not a statistician id.`, `rows[${i}].statisticianId`);
        if (first.has(row.statisticianId)) {
          throw badInput(
            `the same person is already on row ${first.get(row.statisticianId)! + 1}.`,
            `rows[${i}].statisticianId`,
          );
        }
        first.set(row.statisticianId, i);
        return checkResult(c.session, row, rule, `rows[${i}]`);
      }),
    );
    const enrollments = new Map(
      (await tx.enrollments.lockOf(c.session.id, ids)).map((e) => [e.statisticianId, e]),
    );
    input.rows.forEach((row, i) =>
      inRow(i, row.statisticianId, () => {
        if (enrollments.get(row.statisticianId)?.status !== "ENROLLED")
          throw notEnrolled(c.session, row.statisticianId, `rows[${i}].statisticianId`);
      }),
    );
    const held = new Map(
      (await tx.certificates.ofEnrollments([...enrollments.values()].map((e) => e.id))).map((h) => [
        h.enrollmentId,
        h,
      ]),
    );
    const recorded: RecordedResult[] = [];
    for (const [i, row] of input.rows.entries()) {
      const enrollment = enrollments.get(row.statisticianId)!;
      try {
        recorded.push(await applyResult(c, enrollment, checked[i], held.get(enrollment.id)));
      } catch (error) {
        inRow(i, row.statisticianId, () => {
          throw error;
        });
      }
    }
    return recorded;
  });
}

/**
 * The certificate of a PASSED pre-post enrolment: the one already issued (results issue it at once),
 * or a new one if the enrolment qualifies and has none. Refused for FAILED or ABSENT results, missing
 * results, withdrawn enrolments and sessions of other kinds: nothing is written, nothing published.
 */
export function issuePrePostCertificate(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  rule: PassRule,
  enrollmentId: string,
): Promise<Certificate> {
  const action = "issue certificates";
  policy.requireManager(action);
  return uow.run(async (tx) => {
    const target = { what: "Enrollment", key: enrollmentId };
    const found = isUuid(enrollmentId) ? await tx.enrollments.get(enrollmentId) : undefined;
    if (!found) throw notFoundInArea(target.what, target.key);
    const { session, organizer } = await managedSession(tx, policy, found.sessionId, action, target);
    const enrollment = (await tx.enrollments.lock(found.id))!;
    const [held] = await tx.certificates.ofEnrollments([enrollment.id]);
    if (held) return held;
    const refusal = refuseCertificate(session, enrollment, rule);
    if (refusal) throw badInput(`No pre-post certificate: ${refusal}`, "enrollmentId");
    return issueCertificate({ tx, policy, clock, rule, session, organizer }, enrollment);
  });
}
