import { DisbursementRecorded } from "@grassroots/events/contracts";
import { badInput } from "@grassroots/kit/errors";
import { checkInt, checkNotFuture, checkText, type Clock } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import { disbursementState } from "../../events/budget-events";
import type { FinancePolicy } from "../access-policy";
import { describeLine, type Disbursement } from "../budget";
import { formatMoney, parseMoney } from "@grassroots/kit/validation";
import type { Transaction, UnitOfWork } from "../ports";
import { publishR8IfChanged } from "../r8-status/publish-r8";
import { runOncePerRequest, type Retryable } from "@grassroots/kit/idempotency";
import { ownedLine, requireOpenYear } from "./common";
import { netPaid, paidPerInstalment } from "./revise-budget-line";

export interface RecordDisbursementInput extends Retryable {
  lineId: string;
  instalmentSeq: number;
  amount: string;
  paidOn: string;
  voucherNumber: string;
  payer: string;
  /** An explicit approval to pay past the line's amount: its document and reason, recorded with the payment. */
  overBudgetApproval?: { documentNumber: string; reason: string };
  id?: string;
}

export function recordDisbursement(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: RecordDisbursementInput,
): Promise<Disbursement> {
  return runOncePerRequest(
    uow,
    "recordDisbursement",
    policy.actor.id,
    input,
    (tx) => recordDisbursementIn(tx, policy, clock, input),
    (d) => d.id,
    (tx, id) => tx.budgets.getDisbursement(id),
  );
}

/**
 * R8: a payment (拨付) against an instalment; partial payments are fine. One that would take the line
 * past its amount is refused unless it carries an over-budget approval (recorded with it).
 */
export async function recordDisbursementIn(
  tx: Transaction,
  policy: FinancePolicy,
  clock: Clock,
  input: RecordDisbursementInput,
): Promise<Disbursement> {
  const action = "record disbursements";
  policy.requireRole(action, "FINANCE_OFFICER");
  const { line, owner } = await ownedLine(tx, policy, input.lineId, action);
  const amountFen = parseMoney(input.amount, "amount", { zero: false });
  const seq = checkInt(input.instalmentSeq, "instalmentSeq", 1, 60);
  if (!line.instalments.some((i) => i.seq === seq))
    throw badInput(
      `${describeLine(line)} has instalments 1 to ${line.instalments.length}; there is no instalment ${seq}.`,
      "instalmentSeq",
    );
  const paidOn = checkNotFuture(input.paidOn, "paidOn", clock);
  const voucherNumber = checkText(input.voucherNumber, "voucherNumber", 60);
  const payer = checkText(input.payer, "payer", 100);
  const approval = input.overBudgetApproval
    ? {
        document: checkText(input.overBudgetApproval.documentNumber, "overBudgetApproval.documentNumber", 60),
        reason: checkText(input.overBudgetApproval.reason, "overBudgetApproval.reason", 500),
      }
    : null;
  await requireOpenYear(tx, owner, line.fiscalYear, "lineId");
  const paid = netPaid(await paidPerInstalment(tx, line.id));
  const over = paid + amountFen > line.terms.amountFen;
  if (over && !approval) {
    const left = line.terms.amountFen - paid;
    throw badInput(
      `${formatMoney(amountFen)} would take ${describeLine(line)} past its amount ${formatMoney(line.terms.amountFen)} ` +
        `(${formatMoney(paid)} paid, ${formatMoney(left)} left); pay at most ${formatMoney(left)}, or attach an over-budget approval.`,
      "amount",
    );
  }
  const disbursement = await tx.budgets.insertDisbursement({
    id: input.id ?? randomUUID(),
    lineId: line.id,
    instalmentSeq: seq,
    kind: "PAYMENT",
    amountFen,
    paidOn,
    voucherNumber,
    payer,
    reversesId: null,
    reason: null,
    overBudgetDocument: over ? approval!.document : null,
    overBudgetReason: over ? approval!.reason : null,
    recordedBy: policy.actor.id,
    recordedByName: policy.actor.name,
  });
  await tx.publish(DisbursementRecorded, disbursementState(disbursement, line));
  await publishR8IfChanged(tx, clock, line);
  return disbursement;
}
