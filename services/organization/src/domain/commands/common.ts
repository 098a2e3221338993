import { badInput, conflict } from "@grassroots/kit/errors";
import { orgUnitIdForCode } from "@grassroots/kit/identity";
import { oncePerRequest as kitOncePerRequest, type Retryable } from "@grassroots/kit/idempotency";
import { isUuid } from "@grassroots/kit/validation";
import { randomUUID } from "node:crypto";
import { describe, type OrgUnit } from "../org-unit";
import type { Transaction } from "../ports";

/**
 * Locks the unit an id names, if there is one (SELECT … FOR UPDATE). The policy decides what a missing
 * one means (NOT_FOUND, worded as one outside the caller's area), after the caller's role.
 */
export async function lockUnit(tx: Transaction, id: string): Promise<OrgUnit | undefined> {
  return isUuid(id) ? tx.units.lock(id) : undefined;
}

export function requireActive(unit: OrgUnit): void {
  if (!unit.active) {
    throw badInput(
      `${describe(unit)} was deactivated (${unit.deactivationReason ?? "no reason given"}); it cannot be changed.`,
      "id",
    );
  }
}

export async function requireCodeFree(tx: Transaction, code: string, field = "code"): Promise<void> {
  const holder = await tx.units.getByCode(code);
  if (holder) {
    throw conflict(
      `Code ${code} is already used by ${holder.kind} ${holder.name}${holder.active ? "" : " (deactivated)"}; each code belongs to one unit.`,
      { field, code },
    );
  }
}

/**
 * A new unit's id: derived from its code (kit's orgUnitIdForCode) so every environment agrees; a random
 * one only when that id is already taken by a unit that has since moved to another code.
 */
export async function newUnitId(tx: Transaction, code: string): Promise<string> {
  const derived = orgUnitIdForCode(code);
  return (await tx.units.idTaken(derived)) ? randomUUID() : derived;
}

/** The kit's Retryable: what a mutation a client may retry carries beside its input. */
export type { Retryable };

/** The kit's `oncePerRequest` over this service's transaction (its tx.idempotency store). */
export const oncePerRequest = <R, I extends Retryable>(
  tx: Transaction,
  request: { operation: string; actorId: string; input: I },
  work: () => Promise<R>,
  idOf: (result: R) => string,
  replay: (id: string) => Promise<R | undefined>,
): Promise<R> => kitOncePerRequest(tx.idempotency, request, work, idOf, replay);
