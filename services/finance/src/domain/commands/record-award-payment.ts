import { AllocationRoundDisbursed } from "@grassroots/events/contracts";
import { badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { roundState } from "../../events/award-events";
import type { FinancePolicy } from "../access-policy";
import type { Disbursement } from "../budget";
import { formatMoney, parseMoney, sumFen } from "@grassroots/kit/validation";
import type { UnitOfWork } from "../ports";
import { requireRoundStatus, roundInArea } from "./award-common";
import { runOncePerRequest, type Retryable } from "@grassroots/kit/idempotency";
import { recordDisbursementIn } from "./record-disbursement";

export interface RecordAwardPaymentInput extends Retryable {
  roundId: string;
  unitId: string;
  instalmentSeq: number;
  amount: string;
  paidOn: string;
  voucherNumber: string;
  payer: string;
}

/**
 * R9: a banner's allocation of an approved round paid as a disbursement against the programme's
 * line (the city's finance officer, as every payment from the city's lines). Never more than the
 * banner was allocated; once every banner is paid in full the round is DISBURSED.
 */
export function recordAwardPayment(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: RecordAwardPaymentInput,
): Promise<Disbursement> {
  return runOncePerRequest(
    uow,
    "recordAwardPayment",
    policy.actor.id,
    input,
    async (tx) => {
      policy.requireRole("record award payments", "FINANCE_OFFICER");
      const { round, programme } = await roundInArea(tx, policy, input.roundId);
      requireRoundStatus(round, ["APPROVED"], "pay it");
      const allocations = await tx.awards.allocationsOf(round.id, round.computation);
      const allocation = allocations.find((a) => a.unitId === input.unitId);
      if (!allocation)
        throw badInput(`Unit ${input.unitId} has no allocation in round ${round.id}.`, "unitId");
      const payments = (await tx.awards.paymentsOf(round.id)).filter((p) => !p.reversed);
      const paidTo = sumFen(payments.filter((p) => p.unitId === allocation.unitId).map((p) => p.amountFen));
      const amountFen = parseMoney(input.amount, "amount", { zero: false });
      if (paidTo + amountFen > allocation.amountFen)
        throw badInput(
          `${allocation.unitName} was allocated ${formatMoney(allocation.amountFen)} and has been paid ${formatMoney(paidTo)}; pay at most ${formatMoney(allocation.amountFen - paidTo)}.`,
          "amount",
        );
      const disbursement = await recordDisbursementIn(tx, policy, clock, {
        lineId: round.lineId,
        instalmentSeq: input.instalmentSeq,
        amount: input.amount,
        paidOn: input.paidOn,
        voucherNumber: input.voucherNumber,
        payer: input.payer,
      });
      await tx.awards.addPayment({
        disbursementId: disbursement.id,
        roundId: round.id,
        computation: round.computation,
        unitId: allocation.unitId,
      });
      await tx.awards.addStep(
        round.id,
        "PAID",
        policy.actor,
        `${allocation.unitName} ${input.amount} (${input.voucherNumber})`,
      );
      const allocated = sumFen(allocations.map((a) => a.amountFen));
      const paid = sumFen(payments.map((p) => p.amountFen)) + amountFen;
      if (paid === allocated) {
        const disbursed = await tx.awards.updateRound(round.id, { status: "DISBURSED" });
        await tx.awards.addStep(round.id, "DISBURSED", policy.actor, null);
        await tx.publish(AllocationRoundDisbursed, roundState(disbursed, programme, allocations));
      }
      return disbursement;
    },
    (d) => d.id,
    (tx, id) => tx.budgets.getDisbursement(id),
  );
}
