import type { AllocationRound, AwardProgramme, RoundAllocation } from "./award";
import { formatMoney, sumFen, type Fen } from "@grassroots/kit/validation";
import type { RoundPayment } from "./ports";

export interface AuditCheck {
  /** ALLOCATED_IN_FULL, PAID_IN_FULL, PAID_TO_ITS_BANNER, PAID_BY_SCHEDULE */
  name: string;
  passed: boolean;
  detail: string;
}

/**
 * R9: the checks a statistics bureau's inspection of award funds asks of a round — passed down in
 * full (the banners' amounts plus the remainder are the annual amount; each banner was paid what it
 * was allocated), nothing withheld or diverted (each payment went to a banner of the round from the
 * programme's line), paid by the schedule (no payment after its instalment's due date).
 */
export function auditChecks(
  round: AllocationRound,
  programme: AwardProgramme,
  allocations: readonly RoundAllocation[],
  payments: readonly RoundPayment[],
): AuditCheck[] {
  const allocated = sumFen(allocations.map((a) => a.amountFen));
  const remainder = round.remainderFen ?? 0n;
  const counted = payments.filter((p) => !p.reversed);
  const paidTo = (unitId: string): Fen =>
    sumFen(counted.filter((p) => p.unitId === unitId).map((p) => p.amountFen));
  const unpaid = allocations.filter((a) => paidTo(a.unitId) !== a.amountFen);
  const allocatedIds = new Set(allocations.map((a) => a.unitId));
  const diverted = counted.filter((p) => !allocatedIds.has(p.unitId) || p.lineId !== round.lineId);
  const late = counted.filter((p) => p.dueDate === null || p.paidOn > p.dueDate);
  return [
    {
      name: "ALLOCATED_IN_FULL",
      passed: round.computation > 0 && allocated + remainder === programme.annualAmountFen,
      detail: `allocated ${formatMoney(allocated)} + remainder ${formatMoney(remainder)} of ${formatMoney(programme.annualAmountFen)}`,
    },
    {
      name: "PAID_IN_FULL",
      passed: allocations.length > 0 && unpaid.length === 0,
      detail: unpaid.length
        ? unpaid
            .map((a) => `${a.unitName}: paid ${formatMoney(paidTo(a.unitId))} of ${formatMoney(a.amountFen)}`)
            .join("; ")
        : `every banner paid its allocation (${formatMoney(sumFen(counted.map((p) => p.amountFen)))})`,
    },
    {
      name: "PAID_TO_ITS_BANNER",
      passed: diverted.length === 0,
      detail: diverted.length
        ? diverted
            .map(
              (p) => `payment ${p.disbursementId} is not from the programme's line to a banner of the round`,
            )
            .join("; ")
        : "every payment went to a banner of the round from the programme's line",
    },
    {
      name: "PAID_BY_SCHEDULE",
      passed: late.length === 0,
      detail: late.length
        ? late
            .map(
              (p) =>
                `payment ${p.disbursementId} on ${p.paidOn} after instalment ${p.instalmentSeq} fell due (${p.dueDate})`,
            )
            .join("; ")
        : "every payment by its instalment's due date",
    },
  ];
}
