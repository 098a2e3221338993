import { badInput } from "@grassroots/kit/errors";
import { checkInt, isUuid } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import type { FinancePolicy } from "../access-policy";
import type { AllocationRound } from "../award";
import { describeLine } from "../budget";
import { formatMoney } from "@grassroots/kit/validation";
import type { UnitOfWork } from "../ports";
import { programmeInArea } from "./award-common";

export interface OpenAllocationRoundInput {
  programmeId: string;
  fiscalYear: number;
  /** The city's AWARD_PROGRAMME budget line of that year the round is paid from. */
  lineId: string;
  id?: string;
}

/** R9: a DRAFT round of the programme for one of its years, paid from the city's award line of that year. */
export function openAllocationRound(
  uow: UnitOfWork,
  policy: FinancePolicy,
  input: OpenAllocationRoundInput,
): Promise<AllocationRound> {
  return uow.run(async (tx) => {
    policy.requireRole("manage the award programme", "CITY_ADMIN");
    const { programme } = await programmeInArea(tx, policy, input.programmeId);
    const year = checkInt(input.fiscalYear, "fiscalYear", programme.firstYear, programme.lastYear);
    const line = isUuid(input.lineId) ? await tx.budgets.get(input.lineId) : undefined;
    if (
      !line ||
      line.ownerUnitId !== programme.cityUnitId ||
      line.purpose !== "AWARD_PROGRAMME" ||
      line.fiscalYear !== year
    )
      throw badInput(`lineId must be the city's AWARD_PROGRAMME budget line of ${year}.`, "lineId");
    if (line.terms.amountFen < programme.annualAmountFen)
      throw badInput(
        `${describeLine(line)} holds ${formatMoney(line.terms.amountFen)}, less than the annual amount ${formatMoney(programme.annualAmountFen)}.`,
        "lineId",
      );
    const existing = await tx.awards.roundOf(programme.id, year);
    if (existing)
      throw badInput(`The programme already has a round for ${year} (${existing.id}).`, "fiscalYear");
    const round = await tx.awards.insertRound({
      id: input.id ?? randomUUID(),
      programmeId: programme.id,
      fiscalYear: year,
      lineId: line.id,
    });
    await tx.awards.addStep(round.id, "OPENED", policy.actor, null);
    return round;
  });
}
