import { RectificationSubmitted } from "@grassroots/events/contracts";
import { assertVersion, badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import type { EvaluationPolicy } from "../access-policy";
import { publishFinding } from "../finding-status";
import { trimmed } from "../meeting";
import type { Transaction, UnitOfWork } from "../ports";
import type { Finding } from "../supervision";

export interface SubmitRectificationInput {
  findingId: string;
  measures: string;
  evidence: string;
  expectedVersion: number;
}

/** R13: the responsible unit's clerk submits what it did about an open finding, with evidence: OPEN → SUBMITTED. */
export async function submitRectificationIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: SubmitRectificationInput,
): Promise<Finding> {
  policy.requireRole("submit rectifications", "UNIT_CLERK");
  const finding = await tx.supervision.lockFinding(input.findingId);
  const unit = finding && (await tx.units.get(finding.responsibleUnitId));
  policy.requireInArea(unit, { what: "Finding", key: input.findingId, field: "findingId" });
  if (finding!.status !== "OPEN") {
    throw badInput(
      `Finding ${finding!.id} is ${finding!.status}: a rectification is submitted for an open finding.`,
      "findingId",
    );
  }
  const measures = trimmed(input.measures, "measures", 2000)!;
  const evidence = trimmed(input.evidence, "evidence", 500)!;
  assertVersion(`Finding ${finding!.id}`, finding!.version, input.expectedVersion);
  await tx.supervision.insertRectification({
    id: randomUUID(),
    findingId: finding!.id,
    measures,
    evidence,
    submittedOn: clock.today(),
    submittedBy: policy.actor.id,
    submittedByName: policy.actor.name,
  });
  const submitted = await tx.supervision.updateFinding(finding!.id, { status: "SUBMITTED" });
  await publishFinding(tx, RectificationSubmitted, clock, submitted);
  return submitted;
}

export const submitRectification = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: SubmitRectificationInput,
) => uow.run((tx) => submitRectificationIn(tx, policy, clock, input));
