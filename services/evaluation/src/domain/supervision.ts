import type { RuleId } from "@grassroots/events/contracts";

/** R13 supervision: inspections, their findings and the rectifications of them. */
export const INSPECTION_KINDS = [
  "GOVERNMENT_SUPERVISION",
  "BUSINESS_ASSESSMENT",
  "DAILY_SUPERVISION",
] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const SEVERITIES = ["MINOR", "MAJOR", "SERIOUS"] as const;
export type Severity = (typeof SEVERITIES)[number];
export type FindingStatus = "OPEN" | "SUBMITTED" | "ACCEPTED";

export interface Inspection {
  id: string;
  inspectedUnitId: string;
  inspectionDate: string;
  kind: InspectionKind;
  /** Who inspected: the inspector or the bureau, as a name. */
  inspector: string;
  summary: string | null;
  recordedBy: string;
  recordedByName: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Finding {
  id: string;
  inspectionId: string;
  inspectionDate: string;
  category: string;
  severity: Severity;
  rule: RuleId | null;
  description: string;
  deadline: string;
  responsibleUnitId: string;
  status: FindingStatus;
  overdueAt: Date | null;
  escalatedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Rectification {
  id: string;
  findingId: string;
  measures: string;
  evidence: string;
  submittedOn: string;
  submittedBy: string;
  submittedByName: string;
  decision: "ACCEPTED" | "REJECTED" | null;
  rejectionReason: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export type NewInspection = Omit<Inspection, "version" | "createdAt" | "updatedAt">;
export type NewFinding = Omit<
  Finding,
  "version" | "createdAt" | "updatedAt" | "overdueAt" | "escalatedAt" | "status"
>;
export type FindingPatch = Partial<Pick<Finding, "status" | "overdueAt" | "escalatedAt">>;
export type NewRectification = Omit<
  Rectification,
  "decision" | "rejectionReason" | "decidedBy" | "decidedByName" | "decidedAt" | "createdAt"
>;

/** Open (not accepted) past its deadline. */
export const findingOverdue = (f: Pick<Finding, "status" | "deadline">, today: string): boolean =>
  f.status !== "ACCEPTED" && f.deadline < today;

/** The day an overdue finding is escalated: this many days after its deadline. */
export function escalationDay(deadline: string, days: number): string {
  const d = new Date(`${deadline}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
