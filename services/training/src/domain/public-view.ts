import type { Certificate, Enrollment, TrainingSession } from "./training";

/**
 * The one policy for federation references (every service): a reference to an entity that exists
 * always resolves. Inside what the caller may see it is the whole record; outside it is the entity's
 * public view: its identity and the plain facts every non-null field carries stay real, every nullable
 * field is withheld (null), every list is empty, and `inYourArea` says which of the two the caller got.
 *
 * Only references can reach an entity outside the caller's view (queries filter in SQL), so views are
 * built where references are resolved (src/schema/loaders.ts), from the visibility the same SQL computed.
 */
export type Viewed<T, Withheld extends keyof T> = Omit<T, Withheld> & { [K in Withheld]: T[K] | null } & {
  /** True: the whole record (in your area, or a session of a bureau above you). False: the public view. */
  inYourArea: boolean;
};

/** A session outside the caller's view: the plan's identity (organizer, kind, title, audience, dates, hours, status) stays. */
export const SESSION_WITHHELD = [
  "place",
  "plannedBy",
  "plannedByName",
  "openedAt",
  "openedBy",
  "openedByName",
  "completedAt",
  "completedBy",
  "completedByName",
  "cancelledAt",
  "cancelledBy",
  "cancelledByName",
  "cancellationReason",
] as const satisfies readonly (keyof TrainingSession)[];

/** An enrolment outside the caller's view: which session and which person (each resolved as its own reference), nothing of the result. */
export const ENROLLMENT_WITHHELD = [
  "enrolledBy",
  "enrolledByName",
  "withdrawnAt",
  "withdrawnBy",
  "withdrawnByName",
  "withdrawalReason",
  "hoursAttended",
  "result",
  "score",
  "resultRecordedAt",
  "resultRecordedBy",
  "resultRecordedByName",
] as const satisfies readonly (keyof Enrollment)[];

/** A certificate outside the caller's view: its number, organizer, year and date stay (what a certificate shows); who issued it does not. */
export const CERTIFICATE_WITHHELD = [
  "issuedBy",
  "issuedByName",
] as const satisfies readonly (keyof Certificate)[];

export type SessionView = Viewed<TrainingSession, (typeof SESSION_WITHHELD)[number]>;
export type EnrollmentView = Viewed<Enrollment, (typeof ENROLLMENT_WITHHELD)[number]>;
export type CertificateView = Viewed<Certificate, (typeof CERTIFICATE_WITHHELD)[number]>;

/** The whole record when `inYourArea`, else the public view (withheld fields null). */
export function viewOf<T extends object, K extends keyof T>(
  entity: T,
  inYourArea: boolean,
  withheld: readonly K[],
): Viewed<T, K> {
  const view: Record<string, unknown> = { ...entity, inYourArea };
  if (!inYourArea) for (const key of withheld) view[key as string] = null;
  return view as Viewed<T, K>;
}

export const sessionView = (session: TrainingSession, inYourArea: boolean): SessionView =>
  viewOf(session, inYourArea, SESSION_WITHHELD);
export const enrollmentView = (enrollment: Enrollment, inYourArea: boolean): EnrollmentView =>
  viewOf(enrollment, inYourArea, ENROLLMENT_WITHHELD);
export const certificateView = (certificate: Certificate, inYourArea: boolean): CertificateView =>
  viewOf(certificate, inYourArea, CERTIFICATE_WITHHELD);

/** False only for a public view: objects from queries and commands are whole records. */
export const isWhole = (entity: object): boolean => (entity as { inYourArea?: boolean }).inYourArea !== false;
