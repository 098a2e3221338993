import type { BudgetLineCreated, DisbursementRecorded, EventData } from "@grassroots/events/contracts";
import type { BudgetLine, Disbursement } from "../domain/budget";
import { formatMoney } from "@grassroots/kit/validation";
import type { OrgUnitRef } from "../domain/ports";

/** The data of finance's budget events (no personal data: ids, dates, amounts, document numbers). */

export const budgetLineState = (
  line: BudgetLine,
  owner: OrgUnitRef,
): EventData<typeof BudgetLineCreated> => ({
  lineId: line.id,
  fiscalYear: line.fiscalYear,
  level: line.level,
  ownerUnitId: line.ownerUnitId,
  ownerUnitPath: owner.path,
  purpose: line.purpose,
  purposeName: line.purposeName,
  beneficiaryUnitId: line.terms.beneficiaryUnitId,
  amount: formatMoney(line.terms.amountFen),
  revision: line.currentRevision,
  reason: line.terms.reason,
  instalments: line.instalments.map((i) => ({
    seq: i.seq,
    dueDate: i.dueDate,
    amount: formatMoney(i.amountFen),
  })),
  version: line.version,
});

export const disbursementState = (
  d: Disbursement,
  line: BudgetLine,
): EventData<typeof DisbursementRecorded> => ({
  disbursementId: d.id,
  lineId: d.lineId,
  fiscalYear: line.fiscalYear,
  ownerUnitId: line.ownerUnitId,
  instalmentSeq: d.instalmentSeq,
  kind: d.kind,
  amount: formatMoney(d.amountFen),
  paidOn: d.paidOn,
  voucherNumber: d.voucherNumber,
  reversesId: d.reversesId,
  overBudget: d.overBudgetDocument !== null,
});
