import type { AllocationRound, AwardProgramme, RoundAllocation, RuleData } from "../domain/award";
import { formatMoney, sumFen } from "@grassroots/kit/validation";
import type { RoundPayment, UnitAllocation } from "../domain/ports";
import type {
  AllocationRoundType,
  AllocationRuleType,
  AwardAllocationType,
  AwardProgrammeType,
  RoundAllocationType,
} from "./types/award.type";

/** R9's domain objects as the API shows them (money as yuan strings). `source` keeps the domain object for nested fields. */

export type ProgrammeView = AwardProgrammeType & { source: AwardProgramme };
export type RoundView = AllocationRoundType & { source: AllocationRound };

export const programmeView = (p: AwardProgramme): ProgrammeView => ({
  ...p,
  annualAmount: formatMoney(p.annualAmountFen),
  source: p,
});

export const ruleView = (r: RuleData): AllocationRuleType => ({
  kind: r.kind,
  remainder: r.remainder ?? null,
  minimumScore: r.minimumScore ?? null,
  baseShare: r.baseShare ?? null,
  grades:
    r.grades?.map((g) => ({
      name: g.name,
      minScore: g.minScore,
      amount: g.amount ?? null,
      share: g.share ?? null,
      maxCount: g.maxCount ?? null,
      maxPercent: g.maxPercent ?? null,
    })) ?? null,
});

export const roundView = (r: AllocationRound): RoundView => ({
  ...r,
  remainder: r.remainderFen === null ? null : formatMoney(r.remainderFen),
  source: r,
});

export const allocationView = (
  a: RoundAllocation,
  payments: readonly RoundPayment[],
): RoundAllocationType => ({
  ...a,
  amount: formatMoney(a.amountFen),
  paid: formatMoney(
    sumFen(payments.filter((p) => p.unitId === a.unitId && !p.reversed).map((p) => p.amountFen)),
  ),
});

export const unitAllocationView = (a: UnitAllocation): AwardAllocationType => ({
  ...a,
  amount: formatMoney(a.amountFen),
  paid: formatMoney(a.paidFen),
});
