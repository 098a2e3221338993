import { systemPolicy } from "../access-policy";
import { approveClaim } from "../commands/approve-claim";
import { payClaims } from "../commands/pay-claims";
import { submitClaim } from "../commands/submit-claim";
import type { FinanceServices, OrgUnitRef } from "../ports";
import { pick } from "./seed-ids";

/**
 * R10: most of a banner's claims of the month submitted, approved and paid in one batch; about a
 * quarter (by the statistician, stable) left DRAFT, as a month whose claims are not all in yet.
 */

/** Whether the seed leaves this statistician's claim DRAFT. */
export const leftDraft = (statisticianId: string): boolean => pick(`claim:${statisticianId}`, 4) === 0;

/** Pays the banner's claims the seed pays that are still DRAFT; returns the claims paid (0 when there are none). */
export async function seedClaimPayments(
  services: FinanceServices,
  banner: OrgUnitRef,
  period: string,
): Promise<number> {
  const { uow, clock } = services;
  const clerk = systemPolicy("seed");
  const bannerAdmin = systemPolicy("seed-banner-admin");
  const officer = systemPolicy("seed-finance-officer");
  const claims = await services.subsidies.claimsOfBanner(banner.id, period, banner.path);
  const toPay = claims.filter(
    (c) => c.status === "DRAFT" && c.computedFen > 0n && !leftDraft(c.statisticianId),
  );
  if (toPay.length === 0) return 0;
  const approved: string[] = [];
  for (const claim of toPay) {
    const submitted = await submitClaim(uow, clerk, clock, {
      claimId: claim.id,
      expectedVersion: claim.version,
    });
    const done = await approveClaim(uow, bannerAdmin, clock, {
      claimId: submitted.id,
      expectedVersion: submitted.version,
    });
    approved.push(done.id);
  }
  await payClaims(uow, officer, clock, {
    bannerUnitId: banner.id,
    period,
    claimIds: approved,
    voucherNumber: `补-${period}-${banner.code.slice(0, 6)}`,
    paidOn: clock.today(),
  });
  return approved.length;
}
