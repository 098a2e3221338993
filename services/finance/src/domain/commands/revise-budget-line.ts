import { BudgetLineRevised } from "@grassroots/events/contracts";
import { assertVersion, badInput } from "@grassroots/kit/errors";
import { checkText, type Clock } from "@grassroots/kit/validation";
import { budgetLineState } from "../../events/budget-events";
import type { FinancePolicy } from "../access-policy";
import { describeLine, type BudgetLine } from "../budget";
import { formatMoney, sumFen } from "@grassroots/kit/validation";
import type { Transaction, UnitOfWork } from "../ports";
import { publishR8IfChanged } from "../r8-status/publish-r8";
import { checkTerms, type LineTermsInput } from "./create-budget-line";
import { runOncePerRequest, type Retryable } from "@grassroots/kit/idempotency";
import { ownedLine, requireOpenYear } from "./common";

export interface ReviseBudgetLineInput extends LineTermsInput, Retryable {
  lineId: string;
  expectedVersion: number;
  reason: string;
}

export function reviseBudgetLine(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: ReviseBudgetLineInput,
): Promise<BudgetLine> {
  return runOncePerRequest(
    uow,
    "reviseBudgetLine",
    policy.actor.id,
    input,
    (tx) => reviseBudgetLineIn(tx, policy, clock, input),
    (line) => `${line.id}`,
    (tx, id) => tx.budgets.get(id),
  );
}

/**
 * R8: a revision is a new version of the line's terms and schedule, linked to the one it revises and
 * with a reason; the earlier versions stay as they were. A revision may not leave an instalment
 * below what was already paid on it.
 */
export async function reviseBudgetLineIn(
  tx: Transaction,
  policy: FinancePolicy,
  clock: Clock,
  input: ReviseBudgetLineInput,
): Promise<BudgetLine> {
  const action = "revise budget lines";
  policy.requireRole(action, "FINANCE_OFFICER");
  const { line, owner } = await ownedLine(tx, policy, input.lineId, action);
  const reason = checkText(input.reason, "reason", 500);
  const { terms, instalments } = await checkTerms(tx, policy, line.fiscalYear, input, reason);
  await requireOpenYear(tx, owner, line.fiscalYear, "lineId");
  const paid = await paidPerInstalment(tx, line.id);
  for (const [seq, paidFen] of paid) {
    const next = instalments.find((i) => i.seq === seq);
    if (!next || next.amountFen < paidFen)
      throw badInput(
        `${formatMoney(paidFen)} was already paid on instalment ${seq} of ${describeLine(line)}; the revised schedule must keep it at least that.`,
        "schedule",
      );
  }
  assertVersion(`Budget line ${describeLine(line)}`, line.version, input.expectedVersion);
  const revised = await tx.budgets.revise(line.id, terms, instalments);
  await tx.publish(BudgetLineRevised, budgetLineState(revised, owner));
  await publishR8IfChanged(tx, clock, revised, line);
  return revised;
}

/** Net paid per instalment (payments not reversed). */
export async function paidPerInstalment(tx: Transaction, lineId: string): Promise<Map<number, bigint>> {
  const all = await tx.budgets.disbursementsOf(lineId);
  const reversed = new Set(all.filter((d) => d.reversesId).map((d) => d.reversesId));
  const paid = new Map<number, bigint>();
  for (const d of all.filter((d) => d.kind === "PAYMENT" && !reversed.has(d.id)))
    paid.set(d.instalmentSeq, (paid.get(d.instalmentSeq) ?? 0n) + d.amountFen);
  return paid;
}

export const netPaid = (paid: Map<number, bigint>) => sumFen(paid.values());
