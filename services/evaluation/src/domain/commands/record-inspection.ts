import { FindingRaised, RuleIds } from "@grassroots/events/contracts";
import { badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import type { EvaluationPolicy } from "../access-policy";
import { publishFinding } from "../finding-status";
import { checkDate, trimmed } from "../meeting";
import type { Transaction, UnitOfWork } from "../ports";
import { runOncePerRequest } from "@grassroots/kit/idempotency";
import {
  SEVERITIES,
  type Finding,
  type Inspection,
  type InspectionKind,
  type Severity,
} from "../supervision";

export interface FindingInput {
  category: string;
  severity: Severity;
  rule?: string | null;
  description: string;
  deadline: string;
  responsibleUnitId: string;
}

export interface RecordInspectionInput {
  inspectedUnitId: string;
  inspectionDate: string;
  kind: InspectionKind;
  inspector: string;
  summary?: string | null;
  findings: FindingInput[];
}

/**
 * R13: an inspection of a unit in the caller's area by an INSPECTOR (or a bureau: CITY_ADMIN,
 * BANNER_ADMIN), with its findings — each with a rectification deadline no earlier than the
 * inspection and a responsible unit in the inspected unit's subtree. A FindingRaised event each.
 */
export async function recordInspectionIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  clock: Clock,
  input: RecordInspectionInput,
): Promise<{ inspection: Inspection; findings: Finding[] }> {
  policy.requireRole("record inspections", "INSPECTOR", "CITY_ADMIN", "BANNER_ADMIN");
  const unit = await tx.units.get(input.inspectedUnitId);
  policy.requireInArea(unit, { what: "Org unit", key: input.inspectedUnitId, field: "inspectedUnitId" });
  const inspectionDate = checkDate(input.inspectionDate, "inspectionDate");
  if (inspectionDate > clock.today()) throw badInput("inspectionDate is in the future.", "inspectionDate");
  const inspector = trimmed(input.inspector, "inspector", 100)!;
  const summary = trimmed(input.summary, "summary", 2000, false);
  const responsible = new Map(
    (await tx.units.many(input.findings.map((f) => f.responsibleUnitId))).map((u) => [u.id, u]),
  );
  const findings = input.findings.map((f, i) => {
    const field = `findings[${i}]`;
    const deadline = checkDate(f.deadline, `${field}.deadline`);
    if (deadline < inspectionDate) {
      throw badInput(
        `${field}.deadline ${deadline} is before the inspection date ${inspectionDate}.`,
        `${field}.deadline`,
      );
    }
    const owner = responsible.get(f.responsibleUnitId);
    if (!owner || !owner.path.startsWith(unit!.path)) {
      throw badInput(
        `${field}.responsibleUnitId must be the inspected unit or a unit below it.`,
        `${field}.responsibleUnitId`,
      );
    }
    if (f.rule && !(RuleIds as readonly string[]).includes(f.rule))
      throw badInput(`${field}.rule ${f.rule} is not a rule.`, `${field}.rule`);
    if (!SEVERITIES.includes(f.severity))
      throw badInput(`${field}.severity must be one of ${SEVERITIES.join(", ")}.`, `${field}.severity`);
    return {
      category: trimmed(f.category, `${field}.category`, 100)!,
      description: trimmed(f.description, `${field}.description`, 2000)!,
      severity: f.severity,
      rule: (f.rule || null) as Finding["rule"],
      deadline,
      responsibleUnitId: owner.id,
    };
  });
  const inspection = await tx.supervision.insertInspection({
    id: randomUUID(),
    inspectedUnitId: unit!.id,
    inspectionDate,
    kind: input.kind,
    inspector,
    summary,
    recordedBy: policy.actor.id,
    recordedByName: policy.actor.name,
  });
  const raised: Finding[] = [];
  for (const f of findings) {
    const finding = await tx.supervision.insertFinding({
      id: randomUUID(),
      inspectionId: inspection.id,
      inspectionDate,
      ...f,
    });
    await publishFinding(tx, FindingRaised, clock, finding);
    raised.push(finding);
  }
  return { inspection, findings: raised };
}

/** The API's form: retryable with a client requestId; the result is the inspection. */
export const recordInspection = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: RecordInspectionInput & { requestId?: string },
) =>
  runOncePerRequest(
    uow,
    "recordInspection",
    policy.actor.id,
    input,
    async (tx) => (await recordInspectionIn(tx, policy, clock, input)).inspection,
    (i) => i.id,
    (tx, id) => tx.supervision.getInspection(id),
  );
