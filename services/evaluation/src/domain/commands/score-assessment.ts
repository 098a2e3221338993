import { badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { metricValue } from "../../rules/r12-metrics";
import { autoPoints } from "../../rules/r12-scoring";
import type { EvaluationPolicy } from "../access-policy";
import type { Assessment } from "../assessment";
import type { Transaction, UnitOfWork } from "../ports";
import { managedAssessment, SCHEME_MANAGERS } from "./common";

export interface ScoreAssessmentInput {
  assessmentId: string;
  expectedVersion: number;
}

/**
 * R12: DRAFT → SCORED. Every AUTO indicator is frozen from its metric as it stood at the scheme's
 * cut-off date (the value and the figures behind it are kept beside the points), so later events
 * change nothing. Only on or after the cut-off date.
 */
export async function scoreAssessmentIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: ScoreAssessmentInput,
): Promise<Assessment> {
  policy.requireRole("score assessments", ...SCHEME_MANAGERS);
  const { assessment, scheme, subject } = await managedAssessment(
    tx,
    policy,
    input,
    "score its assessments",
    ({ assessment, scheme }) => {
      if (assessment.status !== "DRAFT")
        throw badInput(`Assessment ${assessment.id} is ${assessment.status}, not DRAFT.`, "assessmentId");
      if (clock.today() < scheme.cutOffDate) {
        throw badInput(
          `The AUTO indicators freeze at the cut-off date ${scheme.cutOffDate}; it is ${clock.today()}.`,
          "assessmentId",
        );
      }
    },
  );
  const counts = (await tx.ruleStatuses.countsAt([subject], scheme.year, scheme.cutOffDate)).get(subject.id)!;
  for (const indicator of scheme.definition.indicators) {
    if (indicator.kind !== "AUTO") continue;
    const value = metricValue(indicator.metric, counts);
    await tx.assessments.putScore({
      assessmentId: assessment.id,
      indicatorCode: indicator.code,
      kind: "AUTO",
      points: autoPoints(indicator.weight, indicator.scoring, value.value),
      score: null,
      metricValue: value.value,
      figures: value.figures,
      evidence: null,
      comment: `${indicator.metric} at ${scheme.cutOffDate}`,
      scoredBy: policy.actor.id,
      scoredByName: policy.actor.name,
    });
  }
  return tx.assessments.update(assessment.id, { status: "SCORED", scoredAt: clock.now() });
}

export const scoreAssessment = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: ScoreAssessmentInput,
) => uow.run((tx) => scoreAssessmentIn(tx, policy, clock, input));
