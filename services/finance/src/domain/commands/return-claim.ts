import { SubsidyClaimReturned } from "@grassroots/events/contracts";
import { assertVersion } from "@grassroots/kit/errors";
import { checkText } from "@grassroots/kit/validation";
import { claimState } from "../../events/subsidy-events";
import type { FinancePolicy } from "../access-policy";
import type { UnitOfWork } from "../ports";
import type { SubsidyClaim } from "../subsidy";
import { claimsInArea, requireClaimStatus } from "./subsidy-common";
import type { ClaimStepInput } from "./submit-claim";

/** R10: SUBMITTED → RETURNED with a reason (BANNER_ADMIN); the clerk corrects and submits again. */
export function returnClaim(
  uow: UnitOfWork,
  policy: FinancePolicy,
  input: ClaimStepInput & { reason: string },
): Promise<SubsidyClaim> {
  return uow.run(async (tx) => {
    const action = "return subsidy claims";
    policy.requireRole(action, "BANNER_ADMIN");
    const { claims, banner } = await claimsInArea(tx, policy, [input.claimId], "claimId");
    policy.requireOwnLevel(banner, action);
    const [claim] = claims;
    requireClaimStatus(claim, ["SUBMITTED"], "return it");
    const reason = checkText(input.reason ?? "", "reason", 500);
    assertVersion(`Claim ${claim.id}`, claim.version, input.expectedVersion);
    const returned = await tx.subsidies.updateClaim(claim.id, { status: "RETURNED", returnReason: reason });
    await tx.publish(SubsidyClaimReturned, claimState(returned));
    return returned;
  });
}
