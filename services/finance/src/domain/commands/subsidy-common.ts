import { badInput, notFoundInArea } from "@grassroots/kit/errors";
import { isUuid } from "@grassroots/kit/validation";
import { COUNTY_LEVEL_KINDS, describeUnit } from "@grassroots/org-projection/units";
import type { FinancePolicy } from "../access-policy";
import type { OrgUnitRef, Transaction } from "../ports";
import { PERIOD, type ClaimStatus, type SubsidyClaim } from "../subsidy";

export const CLAIM = "Subsidy claim";

/** A banner (or district) the caller names: NOT_FOUND outside their area; a unit of another kind is bad input. */
export async function bannerInArea(
  tx: Transaction,
  policy: FinancePolicy,
  id: string,
  field = "bannerUnitId",
) {
  const banner = isUuid(id) ? await tx.units.get(id) : undefined;
  policy.requireInArea(banner, "Org unit", id, field);
  if (!COUNTY_LEVEL_KINDS.includes(banner.kind))
    throw badInput(
      `${describeUnit(banner)} is a ${banner.kind}; subsidy standards and claims belong to a banner or district.`,
      field,
    );
  return banner;
}

export function checkPeriod(period: string, field = "period"): string {
  if (!PERIOD.test(period))
    throw badInput(`${field} must be a month YYYY-MM, e.g. "2026-05"; got "${period}".`, field);
  return period;
}

/** Steps 2–3 for claims: locked, NOT_FOUND unless the caller acts inside (or above) the claim's banner. */
export async function claimsInArea(
  tx: Transaction,
  policy: FinancePolicy,
  ids: readonly string[],
  field = "claimIds",
): Promise<{ claims: SubsidyClaim[]; banner: OrgUnitRef }> {
  const claims = await tx.subsidies.lockClaims(ids.filter(isUuid));
  for (const id of ids) if (!claims.some((c) => c.id === id)) throw notFoundInArea(CLAIM, id, field);
  const bannerIds = new Set(claims.map((c) => c.bannerUnitId));
  let banner: OrgUnitRef | undefined;
  for (const claim of claims) {
    banner = await tx.units.get(claim.bannerUnitId);
    policy.requireWithin(banner, CLAIM, claim.id, field);
  }
  if (bannerIds.size > 1)
    throw badInput("The claims belong to different banners; handle one banner at a time.", field);
  return { claims, banner: banner! };
}

const STATE_TEXT: Record<ClaimStatus, string> = {
  DRAFT: "is a draft",
  SUBMITTED: "is submitted",
  APPROVED: "is approved",
  RETURNED: "was returned",
  PAID: "is already paid",
};

export function requireClaimStatus(
  claim: SubsidyClaim,
  allowed: readonly ClaimStatus[],
  action: string,
  field = "claimId",
) {
  if (!allowed.includes(claim.status))
    throw badInput(`Claim ${claim.id} ${STATE_TEXT[claim.status]}; you cannot ${action}.`, field, {
      status: claim.status,
    });
}
