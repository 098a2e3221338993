import type { AllocationRoundComputed, EventData } from "@grassroots/events/contracts";
import type { AllocationRound, AwardProgramme, RoundAllocation } from "../domain/award";
import { formatMoney } from "@grassroots/kit/validation";

/** A round's state as its events carry it (ids, scores, grades and amounts: no personal data). */
export const roundState = (
  round: AllocationRound,
  programme: AwardProgramme,
  allocations: readonly RoundAllocation[],
): EventData<typeof AllocationRoundComputed> => ({
  roundId: round.id,
  programmeId: round.programmeId,
  cityUnitId: programme.cityUnitId,
  fiscalYear: round.fiscalYear,
  status: round.status,
  ruleVersion: round.ruleVersion!,
  resultSetId: round.resultSetId!,
  computation: round.computation,
  annualAmount: formatMoney(programme.annualAmountFen),
  remainder: formatMoney(round.remainderFen ?? 0n),
  allocations: allocations.map((a) => ({
    unitId: a.unitId,
    score: a.score,
    grade: a.grade,
    amount: formatMoney(a.amountFen),
  })),
  version: round.version,
});
