import { TrainingKinds } from "@grassroots/events/contracts";

/** Sessions, enrolments and certificates as the domain sees them (the database entities have the same shape). */

export type TrainingKind = (typeof TrainingKinds)[number];
export const TRAINING_KINDS: readonly TrainingKind[] = TrainingKinds;

export const SESSION_STATUSES = ["PLANNED", "OPEN", "COMPLETED", "CANCELLED"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * Who a session is for: banner and district statistics staff (the city's R6 obligation), or the
 * grassroots staff of a banner (township, park and village level).
 */
export const AUDIENCES = ["BANNER_STAFF", "GRASSROOTS_STAFF"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const ENROLLMENT_STATUSES = ["ENROLLED", "WITHDRAWN"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const RESULTS = ["PASSED", "FAILED", "ABSENT"] as const;
export type TrainingResult = (typeof RESULTS)[number];

export interface TrainingSession {
  id: string;
  organizerUnitId: string;
  kind: TrainingKind;
  title: string;
  audience: Audience;
  /** Business dates; a session's year is the year of its end date. */
  startDate: string;
  endDate: string;
  hours: number;
  place: string | null;
  online: boolean;
  capacity: number;
  status: SessionStatus;
  /**
   * Audit columns: `…By` is the token subject of whoever did the step, `…ByName` their display name
   * then (the subject when the token carried no name; null on rows written before names were kept).
   */
  plannedBy: string;
  plannedByName: string | null;
  openedAt: Date | null;
  openedBy: string | null;
  openedByName: string | null;
  completedAt: Date | null;
  completedBy: string | null;
  completedByName: string | null;
  cancelledAt: Date | null;
  cancelledBy: string | null;
  cancelledByName: string | null;
  cancellationReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewSession = Pick<
  TrainingSession,
  | "id"
  | "organizerUnitId"
  | "kind"
  | "title"
  | "audience"
  | "startDate"
  | "endDate"
  | "hours"
  | "place"
  | "online"
  | "capacity"
  | "plannedBy"
  | "plannedByName"
>;

export type SessionPatch = Partial<
  Pick<
    TrainingSession,
    | "status"
    | "openedAt"
    | "openedBy"
    | "openedByName"
    | "completedAt"
    | "completedBy"
    | "completedByName"
    | "cancelledAt"
    | "cancelledBy"
    | "cancelledByName"
    | "cancellationReason"
  >
>;

export interface Enrollment {
  id: string;
  sessionId: string;
  statisticianId: string;
  status: EnrollmentStatus;
  enrolledAt: Date;
  enrolledBy: string;
  enrolledByName: string | null;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawnByName: string | null;
  withdrawalReason: string | null;
  /** Hours attended, to one decimal; null until the result is recorded. */
  hoursAttended: number | null;
  result: TrainingResult | null;
  score: number | null;
  resultRecordedAt: Date | null;
  resultRecordedBy: string | null;
  resultRecordedByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type EnrollmentPatch = Partial<
  Pick<
    Enrollment,
    | "status"
    | "enrolledAt"
    | "enrolledBy"
    | "enrolledByName"
    | "withdrawnAt"
    | "withdrawnBy"
    | "withdrawnByName"
    | "withdrawalReason"
    | "hoursAttended"
    | "result"
    | "score"
    | "resultRecordedAt"
    | "resultRecordedBy"
    | "resultRecordedByName"
  >
>;

/** A pre-post training certificate (R7): one per passing enrolment, numbered per organizer and year. */
export interface Certificate {
  id: string;
  number: string;
  organizerUnitId: string;
  year: number;
  seq: number;
  enrollmentId: string;
  sessionId: string;
  statisticianId: string;
  kind: "PRE_POST";
  completedOn: string;
  issuedBy: string;
  issuedByName: string | null;
  issuedAt: Date;
}

export type NewCertificate = Omit<Certificate, "issuedAt">;

/** A new enrolment: who is enrolled, and who enrolled them. */
export type NewEnrollment = Pick<
  Enrollment,
  "id" | "sessionId" | "statisticianId" | "enrolledBy" | "enrolledByName"
>;

/** The year a session counts for (R6) and its certificates are numbered in (R7). */
export const sessionYear = (session: Pick<TrainingSession, "endDate">): number =>
  Number(session.endDate.slice(0, 4));

/** How a refusal names a session the caller sent (NOT_FOUND: `Training session <id> does not exist in your area.`). */
export const SESSION = "Training session";

export const describeSession = (session: Pick<TrainingSession, "title" | "startDate">): string =>
  `"${session.title}" (${session.startDate})`;
