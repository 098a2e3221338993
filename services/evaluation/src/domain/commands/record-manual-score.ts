import { badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { manualPoints } from "../../rules/r12-scoring";
import type { EvaluationPolicy } from "../access-policy";
import { requireEditable, type Assessment } from "../assessment";
import { decimalOf, hundredthsOf } from "../decimal";
import type { Transaction, UnitOfWork } from "../ports";
import { managedAssessment, SCHEME_MANAGERS } from "./common";

export interface ManualScoreInput {
  assessmentId: string;
  indicatorCode: string;
  /** Out of the indicator's maximum, e.g. "8.5". */
  score: string;
  evidence?: string | null;
  comment?: string | null;
  expectedVersion: number;
}

/** R12: an assessor's score of a MANUAL indicator, with evidence (where the scheme asks for it) and a comment. */
export async function recordManualScoreIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  _clock: Clock,
  input: ManualScoreInput,
): Promise<Assessment> {
  policy.requireRole("score assessments", ...SCHEME_MANAGERS);
  let points = 0;
  let score = 0;
  const { assessment } = await managedAssessment(
    tx,
    policy,
    input,
    "score its assessments",
    ({ assessment, scheme }) => {
      requireEditable(assessment);
      const indicator = scheme.definition.indicators.find((i) => i.code === input.indicatorCode);
      if (!indicator) throw badInput(`The scheme has no indicator ${input.indicatorCode}.`, "indicatorCode");
      if (indicator.kind !== "MANUAL")
        throw badInput(
          `${indicator.code} is an AUTO indicator: it is scored from its metric.`,
          "indicatorCode",
        );
      score = hundredthsOf(input.score, "score");
      if (score > indicator.maxScore) {
        throw badInput(
          `score ${input.score} is above ${indicator.code}'s maximum ${decimalOf(indicator.maxScore)}.`,
          "score",
        );
      }
      if (indicator.evidenceRequired && !input.evidence?.trim())
        throw badInput(`${indicator.code} needs evidence.`, "evidence");
      points = manualPoints(indicator, score);
    },
  );
  await tx.assessments.putScore({
    assessmentId: assessment.id,
    indicatorCode: input.indicatorCode,
    kind: "MANUAL",
    points,
    score,
    metricValue: null,
    figures: null,
    evidence: input.evidence?.trim() || null,
    comment: input.comment?.trim() || null,
    scoredBy: policy.actor.id,
    scoredByName: policy.actor.name,
  });
  return tx.assessments.update(assessment.id, {});
}

export const recordManualScore = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: ManualScoreInput,
) => uow.run((tx) => recordManualScoreIn(tx, policy, clock, input));
