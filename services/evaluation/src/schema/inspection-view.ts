import { findingOverdue, type Finding, type Inspection, type Rectification } from "../domain/supervision";
import type { FindingType, InspectionType, RectificationType } from "./types/inspection.type";

export const inspectionView = (i: Inspection): InspectionType => ({
  id: i.id,
  inspectedUnit: { id: i.inspectedUnitId },
  inspectionDate: i.inspectionDate,
  kind: i.kind,
  inspector: i.inspector,
  summary: i.summary,
  recordedByName: i.recordedByName,
});

export const findingView = (f: Finding, today: string): FindingType => ({
  id: f.id,
  inspectionId: f.inspectionId,
  category: f.category,
  severity: f.severity,
  rule: f.rule,
  description: f.description,
  deadline: f.deadline,
  responsibleUnit: { id: f.responsibleUnitId },
  status: f.status,
  overdue: findingOverdue(f, today),
  escalated: f.escalatedAt !== null,
  escalatedAt: f.escalatedAt,
  version: f.version,
});

export const rectificationView = (r: Rectification): RectificationType => ({
  id: r.id,
  measures: r.measures,
  evidence: r.evidence,
  submittedOn: r.submittedOn,
  submittedByName: r.submittedByName,
  decision: r.decision,
  rejectionReason: r.rejectionReason,
  decidedByName: r.decidedByName,
  decidedAt: r.decidedAt,
});
