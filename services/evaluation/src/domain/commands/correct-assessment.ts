import { badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import type { EvaluationPolicy } from "../access-policy";
import type { Assessment } from "../assessment";
import type { Transaction, UnitOfWork } from "../ports";
import { managedAssessment, SCHEME_MANAGERS } from "./common";

export interface CorrectAssessmentInput {
  assessmentId: string;
  reason: string;
  expectedVersion: number;
}

/**
 * R12: a published assessment is never edited. Its correction is the next revision, SCORED with the
 * same scores (AUTO values stay frozen) for the assessor to change, then reviewed and published again
 * (the results' next revision). The earlier revision is kept, marked superseded.
 */
export async function correctAssessmentIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: CorrectAssessmentInput,
): Promise<Assessment> {
  policy.requireRole("correct assessments", ...SCHEME_MANAGERS);
  const { assessment } = await managedAssessment(
    tx,
    policy,
    input,
    "correct its assessments",
    ({ assessment }) => {
      if (assessment.status !== "PUBLISHED" || assessment.superseded) {
        throw badInput(
          `Only a published assessment is corrected; ${assessment.id} is ${assessment.superseded ? "superseded" : assessment.status}.`,
          "assessmentId",
        );
      }
      if (!input.reason.trim()) throw badInput("reason is required.", "reason");
    },
  );
  await tx.assessments.update(assessment.id, { superseded: true });
  const next = await tx.assessments.insert({
    id: randomUUID(),
    schemeVersionId: assessment.schemeVersionId,
    subjectUnitId: assessment.subjectUnitId,
    revision: assessment.revision + 1,
    supersedesId: assessment.id,
    correctionReason: input.reason.trim(),
    status: "DRAFT",
  });
  for (const { scoredAt: _at, ...score } of await tx.assessments.scores([assessment.id])) {
    await tx.assessments.putScore({ ...score, assessmentId: next.id });
  }
  for (const { recordedAt: _at, ...adjustment } of await tx.assessments.adjustments([assessment.id])) {
    await tx.assessments.insertAdjustment({ ...adjustment, id: randomUUID(), assessmentId: next.id });
  }
  return tx.assessments.update(next.id, { status: "SCORED", scoredAt: clock.now() });
}

export const correctAssessment = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: CorrectAssessmentInput,
) => uow.run((tx) => correctAssessmentIn(tx, policy, clock, input));
