import { RectificationAccepted, RectificationRejected } from "@grassroots/events/contracts";
import { assertVersion, badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import type { EvaluationPolicy } from "../access-policy";
import { publishFinding } from "../finding-status";
import { trimmed } from "../meeting";
import type { Transaction, UnitOfWork } from "../ports";
import type { Finding } from "../supervision";

export interface DecideRectificationInput {
  findingId: string;
  accept: boolean;
  /** Required to reject. */
  reason?: string | null;
  expectedVersion: number;
}

/**
 * R13: the inspector accepts the submitted rectification (the finding is closed) or rejects it with a
 * reason (the finding is open again; the rejected rectification is kept).
 */
export async function decideRectificationIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: DecideRectificationInput,
): Promise<Finding> {
  policy.requireRole("accept or reject rectifications", "INSPECTOR");
  const finding = await tx.supervision.lockFinding(input.findingId);
  const inspection = finding && (await tx.supervision.getInspection(finding.inspectionId));
  const inspected = inspection && (await tx.units.get(inspection.inspectedUnitId));
  policy.requireInArea(inspected, { what: "Finding", key: input.findingId, field: "findingId" });
  const pending = await tx.supervision.pendingRectification(finding!.id);
  if (finding!.status !== "SUBMITTED" || !pending) {
    throw badInput(`Finding ${finding!.id} has no rectification submitted to decide on.`, "findingId");
  }
  const reason = input.accept ? null : trimmed(input.reason, "reason", 500);
  assertVersion(`Finding ${finding!.id}`, finding!.version, input.expectedVersion);
  await tx.supervision.decideRectification(pending.id, {
    decision: input.accept ? "ACCEPTED" : "REJECTED",
    rejectionReason: reason,
    decidedBy: policy.actor.id,
    decidedByName: policy.actor.name,
  });
  const decided = await tx.supervision.updateFinding(finding!.id, {
    status: input.accept ? "ACCEPTED" : "OPEN",
  });
  await publishFinding(
    tx,
    input.accept ? RectificationAccepted : RectificationRejected,
    clock,
    decided,
    reason,
  );
  return decided;
}

export const decideRectification = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: DecideRectificationInput,
) => uow.run((tx) => decideRectificationIn(tx, policy, clock, input));
