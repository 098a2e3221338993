import { SubsidyClaimPaid } from "@grassroots/events/contracts";
import { badInput } from "@grassroots/kit/errors";
import { checkNotFuture, checkText, type Clock } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import { claimState } from "../../events/subsidy-events";
import type { FinancePolicy } from "../access-policy";
import { sumFen } from "@grassroots/kit/validation";
import type { UnitOfWork } from "../ports";
import type { PaymentBatch } from "../subsidy";
import { runOncePerRequest, type Retryable } from "@grassroots/kit/idempotency";
import { checkPeriod, claimsInArea, requireClaimStatus } from "./subsidy-common";

export interface PayClaimsInput extends Retryable {
  bannerUnitId: string;
  period: string;
  claimIds: string[];
  voucherNumber: string;
  paidOn: string;
}

/**
 * R10: approved claims of a banner and period paid in one batch (the banner's FINANCE_OFFICER), with
 * its count and total. Each claim is paid once: a claim already paid is refused; a retry of the same
 * request (requestId) returns the first batch and writes nothing.
 */
export function payClaims(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: PayClaimsInput,
): Promise<PaymentBatch> {
  return runOncePerRequest(
    uow,
    "payClaims",
    policy.actor.id,
    input,
    async (tx) => {
      const action = "pay subsidy claims";
      policy.requireRole(action, "FINANCE_OFFICER");
      if (input.claimIds.length === 0) throw badInput("claimIds needs at least one claim.", "claimIds");
      const { claims, banner } = await claimsInArea(tx, policy, [...new Set(input.claimIds)]);
      policy.requireOwnLevel(banner, action);
      const period = checkPeriod(input.period);
      for (const claim of claims) {
        requireClaimStatus(claim, ["APPROVED"], "pay it (each claim is paid once)", "claimIds");
        if (claim.bannerUnitId !== input.bannerUnitId || claim.period !== period)
          throw badInput(
            `Claim ${claim.id} is of ${claim.period}, not of this banner's ${period}.`,
            "claimIds",
          );
      }
      const batch = await tx.subsidies.insertBatch({
        id: randomUUID(),
        bannerUnitId: banner.id,
        period,
        claimCount: claims.length,
        totalFen: sumFen(claims.map((c) => c.approvedFen!)),
        voucherNumber: checkText(input.voucherNumber, "voucherNumber", 60),
        paidOn: checkNotFuture(input.paidOn, "paidOn", clock),
        paidBy: policy.actor.id,
        paidByName: policy.actor.name,
      });
      for (const claim of claims) {
        const paid = await tx.subsidies.updateClaim(claim.id, { status: "PAID", batchId: batch.id });
        await tx.publish(SubsidyClaimPaid, claimState(paid));
      }
      return batch;
    },
    (b) => b.id,
    (tx, id) => tx.subsidies.getBatch(id),
  );
}
