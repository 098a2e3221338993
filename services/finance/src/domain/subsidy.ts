import type { Fen } from "@grassroots/kit/validation";

/** R10: a banner's subsidy standard, one version (a version in force is superseded from a date, never edited). */
export interface SubsidyStandard {
  id: string;
  bannerUnitId: string;
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  documentTitle: string;
  documentNumber: string;
  isSample: boolean;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  items: StandardItem[];
}

export interface StandardItem {
  taskKind: string;
  /** Per household, per report, per unit, per person-month … */
  unitOfWork: string;
  rateFen: Fen;
  /** The rate is a minimum (the banner may pay more). */
  isMinimum: boolean;
}

export interface TaskRecord {
  id: string;
  statisticianId: string;
  unitId: string;
  bannerUnitId: string;
  taskKind: string;
  quantity: number;
  period: string;
  businessDate: string;
  evidenceRef: string;
  claimId: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
}

export const CLAIM_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED", "PAID"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface SubsidyClaim {
  id: string;
  statisticianId: string;
  bannerUnitId: string;
  period: string;
  status: ClaimStatus;
  computedFen: Fen;
  approvedFen: Fen | null;
  differenceReason: string | null;
  returnReason: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  batchId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PaymentBatch {
  id: string;
  bannerUnitId: string;
  period: string;
  claimCount: number;
  totalFen: Fen;
  voucherNumber: string;
  paidOn: string;
  paidBy: string;
  paidByName: string;
  createdAt: Date;
}

export const TASK_KIND = /^[A-Z][A-Z0-9_]{1,39}$/;
export const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** The standard version in force on a date (versions never overlap). */
export const inForceOn = (standards: readonly SubsidyStandard[], date: string) =>
  standards.find((s) => s.effectiveFrom <= date && (s.effectiveTo === null || s.effectiveTo >= date));

/**
 * R10: a claim's computed amount = Σ quantity × the rate of the standard in force on each task's date,
 * in fen. Tasks no standard in force covers are returned apart (they cannot be claimed yet).
 */
export function computeClaim(tasks: readonly TaskRecord[], standards: readonly SubsidyStandard[]) {
  const lines: { taskId: string; standardId: string; rateFen: Fen; amountFen: Fen }[] = [];
  const uncovered: TaskRecord[] = [];
  for (const task of tasks) {
    const standard = inForceOn(standards, task.businessDate);
    const item = standard?.items.find((i) => i.taskKind === task.taskKind);
    if (!standard || !item) uncovered.push(task);
    else
      lines.push({
        taskId: task.id,
        standardId: standard.id,
        rateFen: item.rateFen,
        amountFen: item.rateFen * BigInt(task.quantity),
      });
  }
  return { lines, uncovered, totalFen: lines.reduce((a, l) => a + l.amountFen, 0n) };
}

/** The day before a date (a superseded version ends the day before its successor starts). */
export const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
