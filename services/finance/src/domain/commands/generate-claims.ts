import { randomUUID } from "node:crypto";
import type { FinancePolicy } from "../access-policy";
import type { UnitOfWork } from "../ports";
import { computeClaim, type SubsidyClaim } from "../subsidy";
import { bannerInArea, checkPeriod } from "./subsidy-common";

export interface GenerateClaimsInput {
  bannerUnitId: string;
  period: string;
}

/**
 * R10: the claims of a banner and period in bulk (BANNER_ADMIN of the banner): one per statistician
 * with tasks in the period; a DRAFT or RETURNED claim is computed again with its tasks (a new
 * computation), a claim past that is left as it is. computed = Σ quantity × rate in force on each
 * task's date. Running it again adds nothing new.
 */
export function generateClaims(
  uow: UnitOfWork,
  policy: FinancePolicy,
  input: GenerateClaimsInput,
): Promise<SubsidyClaim[]> {
  return uow.run(async (tx) => {
    const action = "generate subsidy claims";
    policy.requireRole(action, "BANNER_ADMIN");
    const banner = await bannerInArea(tx, policy, input.bannerUnitId);
    policy.requireOwnLevel(banner, action);
    const period = checkPeriod(input.period);
    await tx.subsidies.lockBanner(banner.id);
    const standards = await tx.subsidies.standardsOf(banner.id);
    const tasks = await tx.subsidies.claimableTasks(banner.id, period);
    const people = [...new Set(tasks.map((t) => t.statisticianId))];
    const claims: SubsidyClaim[] = [];
    for (const statisticianId of people) {
      const { lines, totalFen } = computeClaim(
        tasks.filter((t) => t.statisticianId === statisticianId),
        standards,
      );
      const existing = await tx.subsidies.claimOf(statisticianId, banner.id, period);
      if (
        existing &&
        existing.computedFen === totalFen &&
        tasks.every((t) => t.statisticianId !== statisticianId || t.claimId === existing.id)
      ) {
        claims.push(existing);
        continue;
      }
      const claim = existing
        ? await tx.subsidies.updateClaim(existing.id, { computedFen: totalFen })
        : await tx.subsidies.insertClaim({
            id: randomUUID(),
            statisticianId,
            bannerUnitId: banner.id,
            period,
            computedFen: totalFen,
          });
      await tx.subsidies.addClaimLines(claim.id, lines);
      claims.push(claim);
    }
    return claims;
  });
}
