import { badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import type { EvaluationPolicy } from "../access-policy";
import { unscoredOf, type Assessment } from "../assessment";
import type { Transaction, UnitOfWork } from "../ports";
import { managedAssessment, SCHEME_MANAGERS } from "./common";

/** R12: SCORED → REVIEWED, once every indicator has a score; the reviewer is recorded. Scores are final from here. */
export async function reviewAssessmentIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: { assessmentId: string; expectedVersion: number },
): Promise<Assessment> {
  policy.requireRole("review assessments", ...SCHEME_MANAGERS);
  const { assessment } = await managedAssessment(
    tx,
    policy,
    input,
    "review its assessments",
    async ({ assessment, scheme }) => {
      const scores = await tx.assessments.scores([assessment.id]);
      if (assessment.status !== "SCORED")
        throw badInput(`Assessment ${assessment.id} is ${assessment.status}, not SCORED.`, "assessmentId");
      const unscored = unscoredOf(scheme, scores);
      if (unscored.length > 0)
        throw badInput(`Indicators not scored yet: ${unscored.join(", ")}.`, "assessmentId", { unscored });
    },
  );
  return tx.assessments.update(assessment.id, {
    status: "REVIEWED",
    reviewedBy: policy.actor.id,
    reviewedByName: policy.actor.name,
    reviewedAt: clock.now(),
  });
}

export const reviewAssessment = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: { assessmentId: string; expectedVersion: number },
) => uow.run((tx) => reviewAssessmentIn(tx, policy, clock, input));
