import { StandardizationAssessed } from "@grassroots/events/contracts";
import { badInput } from "@grassroots/kit/errors";
import { checkNotFuture, checkText } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import { standardizationAssessedData } from "../../events/standardization-events";
import {
  ASSESSED_KINDS,
  assessmentResult,
  checkItemsComplete,
  isAssessable,
} from "../../rules/r2-standardization";
import { unitTarget, type ChangePolicy } from "../access-policy";
import { describe } from "../org-unit";
import type { Clock, Transaction, UnitOfWork } from "../ports";
import type { Assessment, ItemStatus } from "../standardization";
import { publishStandardizationStatus } from "../rule-status/publish-rule-status";
import { lockUnit, oncePerRequest, requireActive, type Retryable } from "./common";

export interface RecordAssessmentInput {
  orgUnitId: string;
  standardCode: string;
  standardVersion: number;
  assessedOn: string;
  items: { itemCode: string; status: ItemStatus; evidence: string }[];
}

/** R2: one township's 八有八化 assessment, item by item with evidence; the result is computed and stored. */
export function recordAssessment(
  uow: UnitOfWork,
  policy: ChangePolicy,
  clock: Clock,
  input: RecordAssessmentInput & Retryable,
) {
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "recordStandardizationAssessment", actorId: policy.actorId, input },
      () => recordAssessmentIn(tx, policy, clock, input),
      (assessment) => assessment.id,
      (id) => tx.standardization.assessment(id),
    ),
  );
}

export async function recordAssessmentIn(
  tx: Transaction,
  policy: ChangePolicy,
  clock: Clock,
  input: RecordAssessmentInput,
): Promise<Assessment> {
  const unit = policy.assess(await lockUnit(tx, input.orgUnitId), unitTarget(input.orgUnitId, "orgUnitId"));
  checkNotFuture(input.assessedOn, "assessedOn", clock);
  const items = input.items.map((item, i) => ({
    ...item,
    evidence: checkText(item.evidence, `items[${i}].evidence`, 2000, 0),
  }));
  requireActive(unit);
  if (!isAssessable(unit.kind)) {
    throw badInput(
      `八有八化 assessments are for township-level units (${ASSESSED_KINDS.join(", ")}); ${describe(unit)} is a ${unit.kind}.`,
      "orgUnitId",
    );
  }
  const standard = await tx.standardization.findStandard(input.standardCode, input.standardVersion);
  if (!standard) {
    throw badInput(
      `There is no standard ${input.standardCode} version ${input.standardVersion}.`,
      "standardVersion",
    );
  }
  if (input.assessedOn < standard.effectiveFrom) {
    throw badInput(
      `Standard ${standard.code} v${standard.version} applies from ${standard.effectiveFrom}; the assessment date ${input.assessedOn} is earlier.`,
      "assessedOn",
    );
  }
  checkItemsComplete(
    standard.items,
    items.map((i) => i.itemCode),
  );
  const byCode = new Map(standard.items.map((i) => [i.code, i]));
  const result = assessmentResult(items.map((i) => i.status));
  const assessment = await tx.standardization.insertAssessment({
    id: randomUUID(),
    orgUnitId: unit.id,
    standardId: standard.id,
    standardCode: standard.code,
    standardVersion: standard.version,
    assessedOn: input.assessedOn,
    assessedBy: policy.actorId,
    assessedByName: policy.actorName,
    result,
    itemsMet: items.filter((i) => i.status === "MET").length,
    itemsTotal: standard.items.length,
    items: items.map((i) => ({
      itemId: byCode.get(i.itemCode)!.id,
      itemCode: i.itemCode,
      status: i.status,
      evidence: i.evidence,
    })),
  });
  await tx.publish(StandardizationAssessed, standardizationAssessedData(assessment, unit.path));
  await publishStandardizationStatus(tx, unit, Number(assessment.assessedOn.slice(0, 4)));
  return assessment;
}
