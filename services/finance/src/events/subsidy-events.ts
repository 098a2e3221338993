import type { EventData, SubsidyClaimSubmitted } from "@grassroots/events/contracts";
import { formatMoney } from "@grassroots/kit/validation";
import type { SubsidyClaim } from "../domain/subsidy";

/** A claim's state as its events carry it: ids, period, amounts (the person by id only). */
export const claimState = (c: SubsidyClaim): EventData<typeof SubsidyClaimSubmitted> => ({
  claimId: c.id,
  statisticianId: c.statisticianId,
  bannerUnitId: c.bannerUnitId,
  period: c.period,
  status: c.status,
  computed: formatMoney(c.computedFen),
  approved: c.approvedFen === null ? null : formatMoney(c.approvedFen),
  batchId: c.batchId,
  version: c.version,
});
