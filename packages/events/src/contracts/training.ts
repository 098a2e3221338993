import { z } from "zod";
import { isoDate, orgPath } from "./common";
import { defineEvent, type EventKey } from "./contract";

/** Kafka key of CertificateHolder events: the certificate holder's statistician id (not the certificate's): a person's certificates stay in order. */
export const CertificateHolderKey: EventKey = {
  field: "statisticianId",
  means:
    "the certificate holder's statistician id (not the certificate's): a person's certificates stay in order",
};
/** Kafka key of Session events: the session's id (attendance events too: a session's events stay in order). */
export const SessionKey: EventKey = {
  field: "sessionId",
  means: "the session's id (attendance events too: a session's events stay in order)",
};

// Events of the training service.

export const TrainingKinds = ["COMPREHENSIVE", "PRE_POST", "SPECIALIZED"] as const;

const session = z.object({
  sessionId: z.uuid(),
  organizerUnitId: z.uuid(),
  organizerPath: orgPath,
  kind: z.enum(TrainingKinds),
  title: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  hours: z.number().int().min(1),
  status: z.enum(["PLANNED", "OPEN", "COMPLETED", "CANCELLED"]),
  version: z.number().int().min(1),
});

export const SessionPlanned = defineEvent(
  "training",
  "session",
  "planned",
  "A training session was planned (R6).",
  session,
  SessionKey,
);
export const SessionOpened = defineEvent(
  "training",
  "session",
  "opened",
  "A session opened for enrolment.",
  session,
  SessionKey,
);
export const SessionCompleted = defineEvent(
  "training",
  "session",
  "completed",
  "A session took place and was closed.",
  session,
  SessionKey,
);
export const SessionCancelled = defineEvent(
  "training",
  "session",
  "cancelled",
  "A session was cancelled.",
  session.extend({ reason: z.string() }),
  SessionKey,
);

export const AttendanceRecorded = defineEvent(
  "training",
  "session",
  "attendance-recorded",
  "A participant's attendance and result were recorded.",
  z.object({
    sessionId: z.uuid(),
    statisticianId: z.uuid(),
    hoursAttended: z.number().min(0),
    result: z.enum(["PASSED", "FAILED", "ABSENT"]),
    score: z.number().nullable(),
  }),
  SessionKey,
);

/**
 * The pre-post completion personnel waits for (R7): issued only when a person PASSED a PRE_POST
 * session. Keyed by the statistician id so a person's certificates stay in order.
 */
export const PrePostCertificateIssued = defineEvent(
  "training",
  "certificate",
  "issued",
  "A person passed a PRE_POST session and holds a certificate: their pending appointments may become ACTIVE (R7).",
  z.object({
    certificateId: z.uuid(),
    certificateNumber: z.string(),
    statisticianId: z.uuid(),
    sessionId: z.uuid(),
    organizerUnitId: z.uuid(),
    kind: z.literal("PRE_POST"),
    completedOn: isoDate,
  }),
  CertificateHolderKey,
);

export const trainingEvents = [
  SessionPlanned,
  SessionOpened,
  SessionCompleted,
  SessionCancelled,
  AttendanceRecorded,
  PrePostCertificateIssued,
];
