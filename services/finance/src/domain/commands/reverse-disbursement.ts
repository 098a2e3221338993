import { DisbursementReversed } from "@grassroots/events/contracts";
import { badInput, notFoundInArea } from "@grassroots/kit/errors";
import { checkNotFuture, checkText, isUuid, type Clock } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import { disbursementState } from "../../events/budget-events";
import type { FinancePolicy } from "../access-policy";
import { describeLine, type Disbursement } from "../budget";
import type { Transaction, UnitOfWork } from "../ports";
import { publishR8IfChanged } from "../r8-status/publish-r8";
import { runOncePerRequest, type Retryable } from "@grassroots/kit/idempotency";
import { ownedLine, requireOpenYear } from "./common";

export interface ReverseDisbursementInput extends Retryable {
  lineId: string;
  disbursementId: string;
  reversedOn: string;
  voucherNumber: string;
  reason: string;
}

export function reverseDisbursement(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: ReverseDisbursementInput,
): Promise<Disbursement> {
  return runOncePerRequest(
    uow,
    "reverseDisbursement",
    policy.actor.id,
    input,
    (tx) => reverseDisbursementIn(tx, policy, clock, input),
    (d) => d.id,
    (tx, id) => tx.budgets.getDisbursement(id),
  );
}

/**
 * R8: a mistaken payment is undone by a reversal referencing it (the whole amount; pay again
 * correctly afterwards), never by editing or deleting it. A reversal is not itself reversed, and a
 * line's reversal undoes that line's payments only.
 */
export async function reverseDisbursementIn(
  tx: Transaction,
  policy: FinancePolicy,
  clock: Clock,
  input: ReverseDisbursementInput,
): Promise<Disbursement> {
  const action = "reverse disbursements";
  policy.requireRole(action, "FINANCE_OFFICER");
  const { line, owner } = await ownedLine(tx, policy, input.lineId, action);
  const original = isUuid(input.disbursementId)
    ? await tx.budgets.getDisbursement(input.disbursementId)
    : undefined;
  if (!original) throw notFoundInArea("Disbursement", input.disbursementId, "disbursementId");
  if (original.lineId !== line.id)
    throw badInput(
      `Disbursement ${original.id} was paid from another line, not ${describeLine(line)}; reverse it on its own line.`,
      "disbursementId",
    );
  if (original.kind === "REVERSAL")
    throw badInput(
      `Disbursement ${original.id} is itself a reversal; a reversal cannot be reversed (record the payment again instead).`,
      "disbursementId",
    );
  const reversedOn = checkNotFuture(input.reversedOn, "reversedOn", clock);
  if (reversedOn < original.paidOn)
    throw badInput(`reversedOn ${reversedOn} is before the payment's date ${original.paidOn}.`, "reversedOn");
  const voucherNumber = checkText(input.voucherNumber, "voucherNumber", 60);
  const reason = checkText(input.reason, "reason", 500);
  const already = (await tx.budgets.disbursementsOf(line.id)).find((d) => d.reversesId === original.id);
  if (already)
    throw badInput(`Disbursement ${original.id} was already reversed by ${already.id}.`, "disbursementId");
  await requireOpenYear(tx, owner, line.fiscalYear, "lineId");
  const reversal = await tx.budgets.insertDisbursement({
    id: randomUUID(),
    lineId: line.id,
    instalmentSeq: original.instalmentSeq,
    kind: "REVERSAL",
    amountFen: original.amountFen,
    paidOn: reversedOn,
    voucherNumber,
    payer: original.payer,
    reversesId: original.id,
    reason,
    overBudgetDocument: null,
    overBudgetReason: null,
    recordedBy: policy.actor.id,
    recordedByName: policy.actor.name,
  });
  await tx.publish(DisbursementReversed, disbursementState(reversal, line));
  await publishR8IfChanged(tx, clock, line);
  return reversal;
}
