import { SubsidyClaimSubmitted } from "@grassroots/events/contracts";
import { assertVersion } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { claimState } from "../../events/subsidy-events";
import type { FinancePolicy } from "../access-policy";
import type { UnitOfWork } from "../ports";
import type { SubsidyClaim } from "../subsidy";
import { claimsInArea, requireClaimStatus } from "./subsidy-common";

export interface ClaimStepInput {
  claimId: string;
  expectedVersion: number;
}

/** R10: DRAFT or RETURNED → SUBMITTED (the township clerk, or the banner). */
export function submitClaim(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: ClaimStepInput,
): Promise<SubsidyClaim> {
  return uow.run(async (tx) => {
    policy.requireRole("submit subsidy claims", "UNIT_CLERK", "BANNER_ADMIN");
    const { claims } = await claimsInArea(tx, policy, [input.claimId], "claimId");
    const [claim] = claims;
    requireClaimStatus(claim, ["DRAFT", "RETURNED"], "submit it");
    assertVersion(`Claim ${claim.id}`, claim.version, input.expectedVersion);
    const submitted = await tx.subsidies.updateClaim(claim.id, {
      status: "SUBMITTED",
      submittedBy: policy.actor.id,
      submittedAt: clock.now(),
      returnReason: null,
    });
    await tx.publish(SubsidyClaimSubmitted, claimState(submitted));
    return submitted;
  });
}
