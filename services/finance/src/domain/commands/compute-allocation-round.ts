import { AllocationRoundComputed } from "@grassroots/events/contracts";
import { assertVersion, badInput } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { roundState } from "../../events/award-events";
import { allocate, validateRule } from "../../rules/r9-award-allocation";
import type { Actor, FinancePolicy } from "../access-policy";
import { parseRule, type AllocationRound, type AwardProgramme } from "../award";
import type { Transaction, UnitOfWork } from "../ports";
import { formatHundredths, parseHundredths } from "../score";
import { requireRoundStatus, roundInArea } from "./award-common";

export interface ComputeAllocationRoundInput {
  roundId: string;
  expectedVersion: number;
}

/** R9: DRAFT or COMPUTED → COMPUTED from the latest published results; refused once approved. */
export function computeAllocationRound(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: ComputeAllocationRoundInput,
): Promise<AllocationRound> {
  return uow.run(async (tx) => {
    policy.requireRole("compute allocation rounds", "CITY_ADMIN");
    const { round, programme } = await roundInArea(tx, policy, input.roundId);
    requireRoundStatus(
      round,
      ["DRAFT", "COMPUTED"],
      "recompute it (a recomputation after approval is refused)",
    );
    assertVersion(`Round ${round.id}`, round.version, input.expectedVersion);
    return computeRoundIn(tx, clock, round, programme, policy.actor, "COMPUTED", null);
  });
}

/**
 * The computation itself (a command's, or the reaction's to corrected results): the city's latest
 * published results for the banners that year, the programme's current rule version, the allocation;
 * the round stores the inputs it used (scores, grades, rule version, result set) as a new computation.
 */
export async function computeRoundIn(
  tx: Transaction,
  clock: Clock,
  round: AllocationRound,
  programme: AwardProgramme,
  actor: Actor,
  step: "COMPUTED" | "RECOMPUTED",
  note: string | null,
): Promise<AllocationRound> {
  const results = await tx.awards.latestResultSet(programme.cityUnitId, round.fiscalYear);
  if (!results)
    throw badInput(
      `The city's assessment of the banners for ${round.fiscalYear} has not been published yet; compute the round once evaluation publishes it.`,
      "roundId",
    );
  const version = (await tx.awards.ruleVersion(programme.id, programme.ruleVersion))!;
  const rule = parseRule(version.rule);
  const banners = await tx.units.countyUnitsOf(programme.cityUnitId);
  validateRule(rule, programme.annualAmountFen, banners.length);
  const codeOf = new Map(banners.map((b) => [b.id, b.code]));
  const scored = results.results.map((r) => ({
    unitId: r.unitId,
    unitCode: codeOf.get(r.unitId) ?? r.unitId,
    unitName: r.unitName,
    score: parseHundredths(r.score, "score"),
  }));
  const { allocations, remainderFen } = allocate(rule, programme.annualAmountFen, scored);
  const computation = round.computation + 1;
  const names = new Map(scored.map((s) => [s.unitId, s.unitName]));
  const rows = allocations.map((a) => ({
    roundId: round.id,
    computation,
    unitId: a.unitId,
    unitCode: a.unitCode,
    unitName: names.get(a.unitId)!,
    score: formatHundredths(a.score),
    grade: a.grade,
    amountFen: a.amountFen,
  }));
  await tx.awards.addAllocations(rows);
  const computed = await tx.awards.updateRound(round.id, {
    status: "COMPUTED",
    ruleVersion: programme.ruleVersion,
    resultSetId: results.resultSetId,
    computation,
    remainderFen,
    // a recomputation by the reaction keeps who asked for the computation (the approver must differ from them)
    ...(step === "COMPUTED" ? { computedBy: actor.id, computedByName: actor.name } : {}),
    computedAt: clock.now(),
  });
  await tx.awards.addStep(
    round.id,
    step,
    actor,
    note ??
      `results ${results.resultSetId} revision ${results.revision}, rule version ${programme.ruleVersion}`,
  );
  await tx.publish(AllocationRoundComputed, roundState(computed, programme, rows));
  return computed;
}
