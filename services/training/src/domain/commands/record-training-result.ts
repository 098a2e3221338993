import { assertVersion } from "@grassroots/kit/errors";
import { isUuid, type Clock } from "@grassroots/kit/validation";
import type { PassRule } from "../../rules/r7-pre-post-training";
import type { TrainingPolicy } from "../access-policy";
import type { Transaction, UnitOfWork } from "../ports";
import { checkResult, type ResultInput } from "../results";
import { oncePerRequest, type Retryable } from "./common";
import {
  applyResult,
  notEnrolled,
  RECORD,
  recordedResultOf,
  resultsContext,
  type RecordedResult,
} from "./result-writing";

export interface RecordResultInput extends ResultInput {
  sessionId: string;
  statisticianId: string;
  /** The enrolment's version when correcting a result; omit for the first entry. */
  expectedVersion?: number;
}

export function recordTrainingResult(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  rule: PassRule,
  input: RecordResultInput & Retryable,
): Promise<RecordedResult> {
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "recordTrainingResult", actorId: policy.actor.id, input: input },
      () => recordTrainingResultIn(tx, policy, clock, rule, input),
      (recorded) => recorded.enrollment.id,
      (id) => recordedResultOf(tx, id),
    ),
  );
}

/** One participant's attendance and result in a COMPLETED session (a pre-post pass issues the certificate). */
export async function recordTrainingResultIn(
  tx: Transaction,
  policy: TrainingPolicy,
  clock: Clock,
  rule: PassRule,
  input: RecordResultInput,
): Promise<RecordedResult> {
  policy.requireManager(RECORD);
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
}
