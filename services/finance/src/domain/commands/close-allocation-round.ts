import { assertVersion } from "@grassroots/kit/errors";
import type { FinancePolicy } from "../access-policy";
import type { AllocationRound } from "../award";
import type { UnitOfWork } from "../ports";
import { requireRoundStatus, roundInArea } from "./award-common";

/** R9: DISBURSED → CLOSED (CITY_ADMIN): the round's books are done. */
export function closeAllocationRound(
  uow: UnitOfWork,
  policy: FinancePolicy,
  input: { roundId: string; expectedVersion: number },
): Promise<AllocationRound> {
  return uow.run(async (tx) => {
    policy.requireRole("close allocation rounds", "CITY_ADMIN");
    const { round } = await roundInArea(tx, policy, input.roundId);
    requireRoundStatus(round, ["DISBURSED"], "close it");
    assertVersion(`Round ${round.id}`, round.version, input.expectedVersion);
    const closed = await tx.awards.updateRound(round.id, { status: "CLOSED" });
    await tx.awards.addStep(round.id, "CLOSED", policy.actor, null);
    return closed;
  });
}
