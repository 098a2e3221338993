import { badInput, notFoundInArea } from "@grassroots/kit/errors";
import { isUuid, type Clock } from "@grassroots/kit/validation";
import { refuseCertificate, type PassRule } from "../../rules/r7-pre-post-training";
import type { TrainingPolicy } from "../access-policy";
import type { Transaction, UnitOfWork } from "../ports";
import type { Certificate } from "../training";
import { managedSession, oncePerRequest, type Retryable } from "./common";
import { issueCertificate } from "./result-writing";

export function issuePrePostCertificate(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  rule: PassRule,
  enrollmentId: string,
  retry: Retryable = {},
): Promise<Certificate> {
  const input = { enrollmentId, ...retry };
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "issuePrePostCertificate", actorId: policy.actor.id, input },
      () => issuePrePostCertificateIn(tx, policy, clock, rule, enrollmentId),
      (certificate) => certificate.enrollmentId,
      async (id) => (await tx.certificates.ofEnrollments([id]))[0],
    ),
  );
}

/**
 * The certificate of a PASSED pre-post enrolment: the one already issued (results issue it at once),
 * or a new one if the enrolment qualifies and has none. Refused for FAILED or ABSENT results, missing
 * results, withdrawn enrolments and sessions of other kinds: nothing is written, nothing published.
 */
export async function issuePrePostCertificateIn(
  tx: Transaction,
  policy: TrainingPolicy,
  clock: Clock,
  rule: PassRule,
  enrollmentId: string,
): Promise<Certificate> {
  const action = "issue certificates";
  policy.requireManager(action);
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
}
