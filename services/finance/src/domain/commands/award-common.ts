import { badInput, notFoundInArea } from "@grassroots/kit/errors";
import { isUuid } from "@grassroots/kit/validation";
import type { FinancePolicy } from "../access-policy";
import { describeRound, type AllocationRound, type AwardProgramme, type RoundStatus } from "../award";
import type { OrgUnitRef, Transaction } from "../ports";

export const PROGRAMME = "Award programme";
export const ROUND = "Allocation round";

/** Steps 2–3 for a programme: locked, NOT_FOUND unless its city lies in the caller's area. */
export async function programmeInArea(
  tx: Transaction,
  policy: FinancePolicy,
  id: string,
  field = "programmeId",
): Promise<{ programme: AwardProgramme; city: OrgUnitRef }> {
  const programme = isUuid(id) ? await tx.awards.lockProgramme(id) : undefined;
  if (!programme) throw notFoundInArea(PROGRAMME, id, field);
  const city = await tx.units.get(programme.cityUnitId);
  policy.requireInArea(city, PROGRAMME, id, field);
  return { programme, city: city! };
}

/** Steps 2–3 for a round: locked with its programme, NOT_FOUND unless the programme's city lies in the caller's area. */
export async function roundInArea(
  tx: Transaction,
  policy: FinancePolicy,
  id: string,
  field = "roundId",
): Promise<{ round: AllocationRound; programme: AwardProgramme; city: OrgUnitRef }> {
  const round = isUuid(id) ? await tx.awards.lockRound(id) : undefined;
  if (!round) throw notFoundInArea(ROUND, id, field);
  const programme = (await tx.awards.getProgramme(round.programmeId))!;
  const city = await tx.units.get(programme.cityUnitId);
  policy.requireInArea(city, ROUND, id, field);
  return { round, programme, city: city! };
}

const STATE_TEXT: Record<RoundStatus, string> = {
  DRAFT: "is a draft (compute it first)",
  COMPUTED: "is computed, not yet approved",
  APPROVED: "is approved (its inputs are frozen)",
  DISBURSED: "is disbursed",
  CLOSED: "is closed",
};

export function requireRoundStatus(round: AllocationRound, allowed: readonly RoundStatus[], action: string) {
  if (!allowed.includes(round.status))
    throw badInput(
      `Round ${describeRound(round)} ${STATE_TEXT[round.status]}; you cannot ${action}.`,
      "roundId",
      {
        status: round.status,
      },
    );
}
