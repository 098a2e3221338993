import type { EventContract, EventData } from "@grassroots/events/contracts";
import type { Clock } from "@grassroots/kit/validation";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import { r13Result } from "../rules/r13-rectification";
import type { Transaction } from "./ports";
import { findingOverdue, type Finding, type Inspection } from "./supervision";

/** A finding's state as every finding and rectification event carries it. */
export function findingData(
  finding: Finding,
  inspection: Inspection,
  responsible: OrgUnitProjection,
  today: string,
  reason: string | null = null,
) {
  return {
    findingId: finding.id,
    inspectionId: inspection.id,
    inspectionKind: inspection.kind,
    inspectedUnitId: inspection.inspectedUnitId,
    responsibleUnitId: responsible.id,
    responsibleUnitPath: responsible.path,
    category: finding.category,
    severity: finding.severity,
    rule: finding.rule,
    deadline: finding.deadline,
    status: finding.status,
    overdue: findingOverdue(finding, today),
    escalated: finding.escalatedAt !== null,
    escalatedToUnitId: finding.escalatedAt !== null ? responsible.parentId : null,
    reason,
    version: finding.version,
  };
}

/** Publishes one of the finding contracts (one shape) for the finding's state now. */
export async function publishFinding<C extends EventContract>(
  tx: Transaction,
  contract: C,
  clock: Clock,
  finding: Finding,
  reason: string | null = null,
): Promise<void> {
  const inspection = (await tx.supervision.getInspection(finding.inspectionId))!;
  const responsible = (await tx.units.get(finding.responsibleUnitId))!;
  await tx.publish(
    contract,
    findingData(finding, inspection, responsible, clock.today(), reason) as EventData<C>,
  );
  await publishR13(tx, clock, responsible);
}

/** R13.rectification of a responsible unit, through the ledger (published only when it flips). */
export async function publishR13(tx: Transaction, clock: Clock, unit: OrgUnitProjection): Promise<void> {
  const counts = await tx.supervision.unitCounts(unit.id, clock.today());
  await tx.ruleStatus.publishIfChanged({
    rule: "R13.rectification",
    subjectUnitId: unit.id,
    subjectUnitPath: unit.path,
    period: null,
    ...r13Result(counts),
    asOf: clock.now().toISOString(),
  });
}
