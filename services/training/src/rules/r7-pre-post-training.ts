import { badInput } from "@grassroots/kit/errors";
import type { Enrollment, TrainingResult, TrainingSession } from "../domain/training";

/**
 * R7: new statisticians must be trained before they take up the post (新上岗统计人员必须事先参加培训).
 *
 * - A person PASSES a PRE_POST session when the result is PASSED and they attended at least
 *   `minAttendancePercent` of the session's hours (configurable: TRAINING_PASS_MIN_ATTENDANCE_PERCENT,
 *   default 80). Passing issues a certificate and publishes PrePostCertificateIssued, the event
 *   personnel waits for to make the person's PENDING_TRAINING appointments ACTIVE (no human step).
 * - A PASSED result on a PRE_POST session below that share is refused: it would be a pass without
 *   a certificate. FAILED and ABSENT earn no certificate and publish no certificate event.
 * - Certificate numbers are unique per organizer and year: `<organizer code>-<year>-<seq>` (seq 4+
 *   digits, from a counter row per organizer and year that the issuing transaction locks).
 * - A result that earned a certificate can no longer be changed (the certificate was published).
 */
export const PRE_POST = "PRE_POST" as const;

export interface PassRule {
  /** Percentage (1–100) of the session's hours a PASSED pre-post participant must have attended. */
  minAttendancePercent: number;
}

export const DEFAULT_PASS_RULE: PassRule = { minAttendancePercent: 80 };

/** Hours are kept to one decimal: compare in tenths so no floating-point rounding decides a pass. */
export const tenths = (hours: number): number => Math.round(hours * 10);

/** The least attendance that passes, in hours to one decimal, rounded up (16 h at 80 % → 12.8 h). */
export const minimumHours = (sessionHours: number, rule: PassRule): number =>
  Math.ceil((sessionHours * rule.minAttendancePercent) / 10) / 10;

export function qualifiesForCertificate(
  session: Pick<TrainingSession, "kind" | "hours">,
  result: { result: TrainingResult | null; hoursAttended: number | null },
  rule: PassRule,
): boolean {
  return (
    session.kind === PRE_POST &&
    result.result === "PASSED" &&
    result.hoursAttended !== null &&
    tenths(result.hoursAttended) >= tenths(minimumHours(session.hours, rule))
  );
}

/** Refuses a PASSED pre-post result below the attendance share (called with the other result checks). */
export function checkPrePostPass(
  session: Pick<TrainingSession, "kind" | "hours">,
  result: TrainingResult,
  hoursAttended: number,
  rule: PassRule,
  field: string,
): void {
  if (session.kind !== PRE_POST || result !== "PASSED") return;
  const least = minimumHours(session.hours, rule);
  if (tenths(hoursAttended) < tenths(least)) {
    throw badInput(
      `A PASSED pre-post result needs at least ${rule.minAttendancePercent}% of the session's ${session.hours} hours ` +
        `(${least} h); ${hoursAttended} h were recorded. Record FAILED, or correct the hours.`,
      field,
    );
  }
}

/** Why this enrolment earns no certificate, or nothing when it does. */
export function refuseCertificate(
  session: Pick<TrainingSession, "kind" | "hours" | "status">,
  enrollment: Pick<Enrollment, "status" | "result" | "hoursAttended">,
  rule: PassRule,
): string | undefined {
  if (session.kind !== PRE_POST)
    return `Certificates are issued for PRE_POST sessions only; this is a ${session.kind} session.`;
  if (enrollment.status !== "ENROLLED") return "The person withdrew from this session.";
  if (enrollment.result === null) return "No result has been recorded for this person yet.";
  if (enrollment.result !== "PASSED")
    return `A ${enrollment.result} result earns no pre-post certificate (R7).`;
  if (!qualifiesForCertificate(session, enrollment, rule)) {
    return `The person attended ${enrollment.hoursAttended} h, less than ${rule.minAttendancePercent}% of ${session.hours} h.`;
  }
  return undefined;
}

export function certificateNumber(organizerCode: string, year: number, seq: number): string {
  return `${organizerCode}-${year}-${String(seq).padStart(4, "0")}`;
}
