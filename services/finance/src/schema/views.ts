import type { BudgetExecution } from "../domain/budget-execution";
import type { BudgetLine, BudgetLineRevision, Disbursement } from "../domain/budget";
import { capitalNumerals } from "../domain/capital-numerals";
import { formatMoney } from "@grassroots/kit/validation";
import { instalmentStatus, type R8Payment } from "../rules/r8-funds-on-time-in-full";
import type { BudgetExecutionType } from "./types/budget-execution.type";
import type {
  BudgetLineRevisionType,
  BudgetLineType,
  DisbursementType,
  InstalmentType,
} from "./types/budget.type";

/** Domain objects as the API shows them: money as yuan strings (and capitals on vouchers), terms flattened. */

/** The line as the API shows it; `source` (not a field) keeps the domain line for its nested fields. */
export type LineView = BudgetLineType & { source: BudgetLine };

export const lineView = (line: BudgetLine): LineView => ({
  source: line,
  id: line.id,
  fiscalYear: line.fiscalYear,
  level: line.level,
  ownerUnitId: line.ownerUnitId,
  purpose: line.purpose,
  purposeName: line.purposeName,
  beneficiaryUnitId: line.terms.beneficiaryUnitId,
  classificationCode: line.terms.classificationCode,
  documentTitle: line.terms.documentTitle,
  documentNumber: line.terms.documentNumber,
  amount: formatMoney(line.terms.amountFen),
  amountInCapitals: capitalNumerals(line.terms.amountFen),
  scheduleKind: line.terms.scheduleKind,
  revision: line.currentRevision,
  revisionReason: line.terms.reason,
  createdBy: line.createdBy,
  createdByName: line.createdByName,
  version: line.version,
  createdAt: line.createdAt,
  updatedAt: line.updatedAt,
});

export const revisionView = (r: BudgetLineRevision): BudgetLineRevisionType => ({
  ...r,
  amount: formatMoney(r.amountFen),
});

export const disbursementView = (d: Disbursement): DisbursementType => ({
  ...d,
  amount: formatMoney(d.amountFen),
  amountInCapitals: capitalNumerals(d.amountFen),
});

/** The line's schedule as of a date, from its disbursements (reversed payments do not count). */
export function instalmentViews(
  line: BudgetLine,
  disbursements: readonly Disbursement[],
  asOf: string,
): InstalmentType[] {
  const reversed = new Set(disbursements.map((d) => d.reversesId).filter(Boolean));
  const payments: R8Payment[] = disbursements
    .filter((d) => d.kind === "PAYMENT" && !reversed.has(d.id))
    .map((d) => ({ lineId: d.lineId, seq: d.instalmentSeq, amountFen: d.amountFen, paidOn: d.paidOn }));
  return line.instalments.map((i) => {
    const r = instalmentStatus({ ...i, lineId: line.id }, payments, asOf);
    return {
      seq: r.seq,
      dueDate: r.dueDate,
      amount: formatMoney(r.amountFen),
      paid: formatMoney(r.paidFen),
      status: r.status,
      daysLate: r.daysLate,
      short: formatMoney(r.shortFen),
    };
  });
}

export const executionView = (e: BudgetExecution): BudgetExecutionType => ({
  unitId: e.unitId,
  fiscalYear: e.fiscalYear,
  asOf: e.asOf,
  status: e.status,
  budgeted: formatMoney(e.budgetedFen),
  dueToDate: formatMoney(e.dueToDateFen),
  paid: formatMoney(e.paidFen),
  paidOnTime: formatMoney(e.paidOnTimeFen),
  executionRate: e.executionRate,
  onTimeRate: e.onTimeRate,
  reason: e.reason,
  items: e.items.map((i) => ({
    lineId: i.lineId,
    purpose: i.purpose,
    seq: i.seq,
    dueDate: i.dueDate,
    amount: formatMoney(i.amountFen),
    paid: formatMoney(i.paidFen),
    status: i.status,
    daysLate: i.daysLate,
    short: formatMoney(i.shortFen),
    reason: i.reason,
  })),
});
