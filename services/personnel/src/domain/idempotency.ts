import { badInput, conflict } from "@grassroots/kit";
import { createHash } from "node:crypto";
import type { Transaction } from "./ports";

/**
 * Mutations a client may retry carry a client-chosen requestId. The first request stores it with a
 * hash of its input and the id of what it produced, in the same transaction as its changes; a retry
 * (same id, same input, same user) writes nothing and returns that result as it stands now. The same id
 * with other input, another operation or another user is a CONFLICT. A refused request stores nothing,
 * so it can be corrected and sent again with the same id.
 */
export function checkRequestId(requestId: string): string {
  if (!/^[A-Za-z0-9._:-]{8,100}$/.test(requestId)) {
    throw badInput(
      "requestId must be 8 to 100 letters, digits or . _ : - (a UUID is a good choice); send the same one when you retry.",
      "requestId",
    );
  }
  return requestId;
}

/** JSON with sorted keys and no undefined values: equal inputs hash equally. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

export const fingerprintOf = (input: unknown): string =>
  createHash("sha256").update(canonical(input)).digest("hex");

export interface IdempotentRequest {
  requestId: string;
  operation: string;
  actorId: string;
  /** The input without the requestId. */
  input: unknown;
}

/**
 * Runs `work` once per requestId. `work` returns the result and the id to remember; `replay` turns a
 * remembered id back into a result.
 */
export async function idempotent<R>(
  tx: Transaction,
  request: IdempotentRequest,
  work: () => Promise<{ result: R; resultId: string }>,
  replay: (resultId: string) => Promise<R>,
): Promise<R> {
  const key = {
    requestId: checkRequestId(request.requestId),
    operation: request.operation,
    actorId: request.actorId,
    fingerprint: fingerprintOf(request.input),
  };
  const first = await tx.idempotency.claim(key);
  if (first) {
    if (
      first.operation !== key.operation ||
      first.actorId !== key.actorId ||
      first.fingerprint !== key.fingerprint
    ) {
      throw conflict(
        `requestId ${key.requestId} was already used for a different request (${first.operation}); use a new requestId for each change and the same one only to retry it.`,
        { field: "requestId" },
      );
    }
    return replay(first.resultId!);
  }
  const { result, resultId } = await work();
  await tx.idempotency.complete(key.requestId, resultId);
  return result;
}
