import { assertVersion } from "@grassroots/kit/errors";
import { FILING_EVENT, filingStepState } from "../../events/filing-events";
import type { PersonnelPolicy } from "../access-policy";
import type { Filing, FilingStepName } from "../filing";
import { partyFor, transitionFor } from "../../rules/r5-level-by-level-filing";
import { idempotent } from "@grassroots/kit/idempotency";
import type { Clock, FilingPatch, Transaction, UnitOfWork } from "../ports";
import { checkText, isUuid, optionalText } from "../values";

export interface FilingStepInput {
  requestId: string;
  filingId: string;
  expectedVersion: number;
  step: Exclude<FilingStepName, "SUBMIT">;
  /** Required to RETURN (the bureau's reason); a note otherwise. */
  reason?: string | null;
}

export function takeFilingStep(
  uow: UnitOfWork,
  policy: PersonnelPolicy,
  clock: Clock,
  input: FilingStepInput,
) {
  return uow.run((tx) => takeFilingStepIn(tx, policy, clock, input));
}

/**
 * One R5 step (forward, file, return, resubmit). Checked in the one order: the role that takes the step
 * (FORBIDDEN); the filing in the caller's area, judged by its unit's path as it is now (NOT_FOUND, as for
 * a filing that does not exist); the route has such a step (BAD_USER_INPUT); the caller is the party the
 * state machine names for it (FORBIDDEN: not the village's township, not the filing's banner bureau);
 * the input; the version is current (CONFLICT); the step follows from the current status
 * (BAD_USER_INPUT when out of order). Records who and when, keeps the step in the history, and
 * publishes the filing's new status.
 */
export async function takeFilingStepIn(
  tx: Transaction,
  policy: PersonnelPolicy,
  clock: Clock,
  input: FilingStepInput,
): Promise<Filing> {
  const { requestId, ...rest } = input;
  policy.requireStepRole(input.step);
  const locked = isUuid(input.filingId) ? await tx.filings.lock(input.filingId) : undefined;
  const unit = locked ? await tx.units.get(locked.orgUnitId) : undefined;
  // The unit's path as it is now (it may have moved since submission) decides whose area holds it.
  policy.requireInArea(locked && (unit?.path ?? locked.orgUnitPath), "Filing", input.filingId);
  const filing = locked!;
  policy.filingParty(partyFor(filing, input.step), filing);
  const note =
    input.step === "RETURN"
      ? checkText(input.reason ?? "", "reason", 500)
      : (optionalText(input.reason, "reason", 500) ?? null);
  return idempotent(
    tx.idempotency,
    { requestId, operation: `filing.${input.step}`, actorId: policy.actorId, input: rest },
    async () => {
      assertVersion("The filing", filing.version, input.expectedVersion);
      const transition = transitionFor(filing, input.step);
      const at = clock.now();
      const [actor, name] = [policy.actorId, policy.actorName];
      const patch: FilingPatch = { status: transition.to };
      if (transition.step === "FORWARD")
        Object.assign(patch, { forwardedBy: actor, forwardedByName: name, forwardedAt: at });
      if (transition.step === "FILE")
        Object.assign(patch, { decidedBy: actor, decidedByName: name, decidedAt: at });
      if (transition.step === "RETURN")
        Object.assign(patch, { decidedBy: actor, decidedByName: name, decidedAt: at, returnReason: note });
      // A resubmitted filing travels the route again; the earlier steps stay in its history.
      if (transition.step === "RESUBMIT") {
        Object.assign(patch, {
          forwardedBy: null,
          forwardedByName: null,
          forwardedAt: null,
          decidedBy: null,
          decidedByName: null,
          decidedAt: null,
          returnReason: null,
        });
      }
      const updated = await tx.filings.update(filing.id, patch);
      await tx.filings.addStep({
        filingId: filing.id,
        step: transition.step,
        fromStatus: filing.status,
        toStatus: transition.to,
        actor,
        actorName: name,
        at,
        note,
      });
      await tx.publish(FILING_EVENT[updated.status], filingStepState(updated, policy.actorId, at));
      return { result: updated, resultId: updated.id };
    },
    async (id) => (await tx.filings.get(id))!,
  );
}
