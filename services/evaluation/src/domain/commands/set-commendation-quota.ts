import { badInput } from "@grassroots/kit/errors";
import { checkInt, type Clock } from "@grassroots/kit/validation";
import { isCountyLevel } from "@grassroots/org-projection/units";
import type { EvaluationPolicy } from "../access-policy";
import type { CommendationKind, CommendationQuota } from "../commendation";
import { hundredthsOf } from "../decimal";
import type { Transaction, UnitOfWork } from "../ports";

export interface QuotaInput {
  year: number;
  bannerUnitId: string;
  kind: CommendationKind;
  /** A number of commendations … */
  maxCount?: number | null;
  /** … or a share of the banner's units (UNIT) or staff (INDIVIDUAL) in percent ("15"). Exactly one. */
  maxSharePercent?: string | null;
}

/** R12: the city sets a banner's commendation quota of a year and kind (CITY_ADMIN). */
export async function setCommendationQuotaIn(
  tx: Transaction,
  policy: EvaluationPolicy,
  _clock: Clock,
  input: QuotaInput,
): Promise<CommendationQuota> {
  policy.requireRole("set commendation quotas", "CITY_ADMIN");
  const banner = await tx.units.get(input.bannerUnitId);
  policy.requireInArea(banner, { what: "Org unit", key: input.bannerUnitId, field: "bannerUnitId" });
  if (!isCountyLevel(banner!.kind))
    throw badInput("bannerUnitId must be a banner or district.", "bannerUnitId");
  checkInt(input.year, "year", 2000, 2100);
  const hasCount = input.maxCount !== null && input.maxCount !== undefined;
  const hasShare = Boolean(input.maxSharePercent);
  if (hasCount === hasShare) throw badInput("Give either maxCount or maxSharePercent.", "maxCount");
  if (hasCount && (!Number.isInteger(input.maxCount) || input.maxCount! < 0))
    throw badInput("maxCount must be 0 or more.", "maxCount");
  const maxShare = hasShare ? hundredthsOf(input.maxSharePercent!, "maxSharePercent") : null;
  if (maxShare !== null && maxShare > 10_000)
    throw badInput("maxSharePercent is at most 100.", "maxSharePercent");
  return tx.commendations.putQuota(
    {
      year: input.year,
      bannerUnitId: banner!.id,
      kind: input.kind,
      maxCount: hasCount ? input.maxCount! : null,
      maxShare,
    },
    policy.actor,
  );
}

export const setCommendationQuota = (
  uow: UnitOfWork,
  policy: EvaluationPolicy,
  clock: Clock,
  input: QuotaInput,
) => uow.run((tx) => setCommendationQuotaIn(tx, policy, clock, input));
