import { formatMoney } from "@grassroots/kit/validation";
import { systemPolicy } from "../access-policy";
import { approveAllocationRound } from "../commands/approve-allocation-round";
import { computeAllocationRound } from "../commands/compute-allocation-round";
import { openAllocationRound } from "../commands/open-allocation-round";
import { recordAwardPayment } from "../commands/record-award-payment";
import type { FinanceServices, OrgUnitRef } from "../ports";
import { PROGRAMME_YEARS } from "./sample-data";
import { addDays, seedId } from "./seed-ids";

/**
 * R9, once evaluation's results have reached finance: the sample programme's round of its last year
 * computed under the sample rule by one actor, approved by a second (the programme's two-person
 * rule), and paid to every banner but the last in code order (a realistic gap: one payment still to
 * come). Idempotent: a round past DRAFT is left as it is, a banner paid is not paid again.
 */

/** The year whose round the seed computes: the programme's last (the city's results for it must be published). */
export const AWARD_YEAR = PROGRAMME_YEARS.last;

export interface AwardSeedReport {
  year: number;
  /** WAITING: the city's results for the year have not arrived; otherwise the round's status after the run. */
  rounds: { cityUnitId: string; status: string }[];
  payments: number;
}

const computer = systemPolicy("seed");
const approver = systemPolicy("seed-approver");
const officer = systemPolicy("seed-finance-officer");

async function seedRound(services: FinanceServices, city: OrgUnitRef, report: AwardSeedReport) {
  const { uow, clock } = services;
  const programmeId = seedId("programme", city.id);
  const state = await uow.run(async (tx) => ({
    programme: await tx.awards.getProgramme(programmeId),
    results: await tx.awards.latestResultSet(city.id, AWARD_YEAR),
    round: await tx.awards.roundOf(programmeId, AWARD_YEAR),
  }));
  if (!state.programme) return;
  if (!state.results && !state.round) {
    report.rounds.push({ cityUnitId: city.id, status: "WAITING" });
    return;
  }
  let round =
    state.round ??
    (await openAllocationRound(uow, computer, {
      id: seedId("round", programmeId, AWARD_YEAR),
      programmeId,
      fiscalYear: AWARD_YEAR,
      lineId: seedId("award-line", city.id, AWARD_YEAR),
    }));
  if (round.status === "DRAFT") {
    round = await computeAllocationRound(uow, computer, clock, {
      roundId: round.id,
      expectedVersion: round.version,
    });
    round = await approveAllocationRound(uow, approver, clock, {
      roundId: round.id,
      expectedVersion: round.version,
    });
  }
  if (round.status === "APPROVED") {
    const { allocations, paid, line } = await uow.run(async (tx) => ({
      line: (await tx.budgets.get(round.lineId))!,
      allocations: await tx.awards.allocationsOf(round.id, round.computation),
      paid: new Set((await tx.awards.paymentsOf(round.id)).filter((p) => !p.reversed).map((p) => p.unitId)),
    }));
    // paid ahead of the line's due date, as the programme's schedule asks (the audit's PAID_BY_SCHEDULE)
    const due = line.instalments[0].dueDate;
    const paidOn = addDays(due, -10) < clock.today() ? addDays(due, -10) : clock.today();
    const byCode = [...allocations].sort((a, b) => a.unitCode.localeCompare(b.unitCode));
    for (const [i, allocation] of byCode.slice(0, -1).entries()) {
      if (paid.has(allocation.unitId) || allocation.amountFen === 0n) continue;
      await recordAwardPayment(uow, officer, clock, {
        requestId: seedId("award-payment", round.id, allocation.unitId),
        roundId: round.id,
        unitId: allocation.unitId,
        instalmentSeq: 1,
        amount: formatMoney(allocation.amountFen),
        paidOn,
        voucherNumber: `记-${AWARD_YEAR}-奖补-${String(i + 1).padStart(3, "0")}`,
        payer: `${city.name}财政局`,
      });
      report.payments++;
    }
    round = (await uow.run((tx) => tx.awards.getRound(round.id)))!;
  }
  report.rounds.push({ cityUnitId: city.id, status: round.status });
}

/** The award round of every city's sample programme, as far as the results that have arrived allow. */
export async function seedAwards(
  services: FinanceServices,
  cities: readonly OrgUnitRef[],
): Promise<AwardSeedReport> {
  const report: AwardSeedReport = { year: AWARD_YEAR, rounds: [], payments: 0 };
  for (const city of cities) await seedRound(services, city, report);
  return report;
}
