import { badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import type { EvaluationPolicy } from "../access-policy";
import { requireEditable, type Assessment } from "../assessment";
import { hundredthsOf } from "../decimal";
import type { Transaction, UnitOfWork } from "../ports";
import { managedAssessment, SCHEME_MANAGERS } from "./common";

export interface AdjustmentInput {
  assessmentId: string;
  itemCode: string;
  /** Points added (a bonus item) or taken (a deduction item), e.g. "2". The item's cap bounds their sum. */
  points: string;
  reason: string;
  expectedVersion: number;
}

/** R12: a bonus (加分) or deduction (扣分) entry of one of the scheme's items, with its reason. */
export async function recordAssessmentAdjustmentIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  _clock: Clock,
  input: AdjustmentInput,
): Promise<Assessment> {
  policy.requireRole("score assessments", ...SCHEME_MANAGERS);
  let points = 0;
  const { assessment } = await managedAssessment(
    tx,
    policy,
    input,
    "score its assessments",
    ({ assessment, scheme }) => {
      requireEditable(assessment);
      if (!scheme.definition.adjustments.some((a) => a.code === input.itemCode)) {
        throw badInput(`The scheme has no bonus or deduction item ${input.itemCode}.`, "itemCode");
      }
      points = hundredthsOf(input.points, "points");
      if (points === 0) throw badInput("points must be above 0.", "points");
      if (!input.reason.trim()) throw badInput("reason is required.", "reason");
    },
  );
  await tx.assessments.insertAdjustment({
    id: randomUUID(),
    assessmentId: assessment.id,
    itemCode: input.itemCode,
    points,
    reason: input.reason.trim(),
    recordedBy: policy.actor.id,
    recordedByName: policy.actor.name,
  });
  return tx.assessments.update(assessment.id, {});
}

export const recordAssessmentAdjustment = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: AdjustmentInput,
) => uow.run((tx) => recordAssessmentAdjustmentIn(tx, policy, clock, input));
