import { SubsidyClaimApproved } from "@grassroots/events/contracts";
import { assertVersion, badInput } from "@grassroots/kit/errors";
import { checkText, type Clock } from "@grassroots/kit/validation";
import { claimState } from "../../events/subsidy-events";
import type { FinancePolicy } from "../access-policy";
import { formatMoney, parseMoney } from "@grassroots/kit/validation";
import type { UnitOfWork } from "../ports";
import type { SubsidyClaim } from "../subsidy";
import { claimsInArea, requireClaimStatus } from "./subsidy-common";
import type { ClaimStepInput } from "./submit-claim";

export interface ApproveClaimInput extends ClaimStepInput {
  /** When the banner approves another amount than the computed one; needs a reason. */
  approvedAmount?: string;
  reason?: string;
}

/** R10: SUBMITTED → APPROVED by the banner (BANNER_ADMIN); another amount than computed only with a reason. */
export function approveClaim(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: ApproveClaimInput,
): Promise<SubsidyClaim> {
  return uow.run(async (tx) => {
    const action = "approve subsidy claims";
    policy.requireRole(action, "BANNER_ADMIN");
    const { claims, banner } = await claimsInArea(tx, policy, [input.claimId], "claimId");
    policy.requireOwnLevel(banner, action);
    const [claim] = claims;
    requireClaimStatus(claim, ["SUBMITTED"], "approve it");
    const approvedFen = input.approvedAmount
      ? parseMoney(input.approvedAmount, "approvedAmount")
      : claim.computedFen;
    const reason = input.reason?.trim() ? checkText(input.reason, "reason", 500) : null;
    if (approvedFen !== claim.computedFen && !reason)
      throw badInput(
        `${formatMoney(approvedFen)} differs from the computed ${formatMoney(claim.computedFen)}; give the reason for the difference.`,
        "reason",
      );
    assertVersion(`Claim ${claim.id}`, claim.version, input.expectedVersion);
    const approved = await tx.subsidies.updateClaim(claim.id, {
      status: "APPROVED",
      approvedFen,
      differenceReason: approvedFen !== claim.computedFen ? reason : null,
      approvedBy: policy.actor.id,
      approvedByName: policy.actor.name,
      approvedAt: clock.now(),
    });
    await tx.publish(SubsidyClaimApproved, claimState(approved));
    return approved;
  });
}
