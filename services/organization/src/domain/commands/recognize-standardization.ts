import { StandardizationAssessed } from "@grassroots/events/contracts";
import { badInput, conflict, notFoundInArea } from "@grassroots/kit/errors";
import { checkInt, isUuid } from "@grassroots/kit/validation";
import { standardizationAssessedData } from "../../events/standardization-events";
import type { ChangePolicy, Target } from "../access-policy";
import type { Transaction, UnitOfWork } from "../ports";
import type { Assessment } from "../standardization";
import { oncePerRequest, type Retryable } from "./common";

export interface RecognizeInput {
  assessmentId: string;
  /** The region's recognition batch (第N批), e.g. 6 for 2023. */
  batch: number;
  year: number;
}

/** R2: records that the region recognised a STANDARDIZED assessment in a batch and year; once only. */
export function recognizeStandardization(
  uow: UnitOfWork,
  policy: ChangePolicy,
  input: RecognizeInput & Retryable,
) {
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "recognizeStandardization", actorId: policy.actorId, input },
      () => recognizeStandardizationIn(tx, policy, input),
      (assessment) => assessment.id,
      (id) => tx.standardization.assessment(id),
    ),
  );
}

export async function recognizeStandardizationIn(
  tx: Transaction,
  policy: ChangePolicy,
  input: RecognizeInput,
): Promise<Assessment> {
  policy.cityDecision("recognise standardized townships");
  const target: Target = {
    what: "Standardization assessment",
    key: input.assessmentId,
    field: "assessmentId",
  };
  const assessment = isUuid(input.assessmentId)
    ? await tx.standardization.lockAssessment(input.assessmentId)
    : undefined;
  // An assessment is in the caller's area when its unit is: missing or elsewhere read the same.
  if (!assessment) throw notFoundInArea(target.what, target.key, target.field);
  const unit = policy.assess(await tx.units.get(assessment.orgUnitId), target);
  checkInt(input.batch, "batch", 1, 100);
  checkInt(input.year, "year", 2000, 2100);
  if (assessment.result !== "STANDARDIZED") {
    throw badInput(
      `Only a STANDARDIZED assessment can be recognised; this one met ${assessment.itemsMet} of ${assessment.itemsTotal} items.`,
      "assessmentId",
    );
  }
  if (assessment.recognitionBatch !== null) {
    throw conflict(
      `This assessment was already recognised in batch ${assessment.recognitionBatch} of ${assessment.recognitionYear}.`,
    );
  }
  if (input.year < Number(assessment.assessedOn.slice(0, 4))) {
    throw badInput(
      `The recognition year ${input.year} is before the assessment (${assessment.assessedOn}).`,
      "year",
    );
  }
  const recognized = await tx.standardization.recognize(assessment.id, input.batch, input.year, {
    id: policy.actorId,
    name: policy.actorName,
  });
  await tx.publish(StandardizationAssessed, standardizationAssessedData(recognized, unit.path));
  return recognized;
}
