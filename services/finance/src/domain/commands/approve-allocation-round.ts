import { AllocationRoundApproved } from "@grassroots/events/contracts";
import { assertVersion, forbidden } from "@grassroots/kit/errors";
import type { Clock } from "@grassroots/kit/validation";
import { roundState } from "../../events/award-events";
import type { FinancePolicy } from "../access-policy";
import type { AllocationRound } from "../award";
import type { UnitOfWork } from "../ports";
import { requireRoundStatus, roundInArea } from "./award-common";

export interface ApproveAllocationRoundInput {
  roundId: string;
  expectedVersion: number;
}

/**
 * R9: COMPUTED → APPROVED by a second person (not the one who computed it): the rule version and the
 * inputs are frozen from here; corrected results only flag the round.
 */
export function approveAllocationRound(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: ApproveAllocationRoundInput,
): Promise<AllocationRound> {
  return uow.run(async (tx) => {
    policy.requireRole("approve allocation rounds", "CITY_ADMIN");
    const { round, programme } = await roundInArea(tx, policy, input.roundId);
    if (round.computedBy === policy.actor.id)
      throw forbidden(
        `You computed round ${round.id}; another CITY_ADMIN approves it (two people, as the programme's rules require).`,
      );
    requireRoundStatus(round, ["COMPUTED"], "approve it");
    assertVersion(`Round ${round.id}`, round.version, input.expectedVersion);
    const approved = await tx.awards.updateRound(round.id, {
      status: "APPROVED",
      approvedBy: policy.actor.id,
      approvedByName: policy.actor.name,
      approvedAt: clock.now(),
    });
    await tx.awards.addStep(round.id, "APPROVED", policy.actor, null);
    const allocations = await tx.awards.allocationsOf(round.id, round.computation);
    await tx.publish(AllocationRoundApproved, roundState(approved, programme, allocations));
    return approved;
  });
}
