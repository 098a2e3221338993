import {
  AttendanceRecorded,
  PrePostCertificateIssued,
  SessionPlanned,
  type EventData,
} from "@grassroots/events/contracts";
import type { OrgUnitRef } from "../domain/directory";
import type { Certificate, Enrollment, TrainingSession } from "../domain/training";

/** The data of the events this service publishes (no personal data: ids, dates, hours, results). */

export function sessionState(
  session: TrainingSession,
  organizer: OrgUnitRef,
): EventData<typeof SessionPlanned> {
  return {
    sessionId: session.id,
    organizerUnitId: session.organizerUnitId,
    organizerPath: organizer.path,
    kind: session.kind,
    title: session.title,
    startDate: session.startDate,
    endDate: session.endDate,
    hours: session.hours,
    status: session.status,
    version: session.version,
  };
}

export const attendance = (enrollment: Enrollment): EventData<typeof AttendanceRecorded> => ({
  sessionId: enrollment.sessionId,
  statisticianId: enrollment.statisticianId,
  hoursAttended: enrollment.hoursAttended ?? 0,
  result: enrollment.result!,
  score: enrollment.score,
});

export const certificateIssued = (certificate: Certificate): EventData<typeof PrePostCertificateIssued> => ({
  certificateId: certificate.id,
  certificateNumber: certificate.number,
  statisticianId: certificate.statisticianId,
  sessionId: certificate.sessionId,
  organizerUnitId: certificate.organizerUnitId,
  kind: "PRE_POST",
  completedOn: certificate.completedOn,
});
