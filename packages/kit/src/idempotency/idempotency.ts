import { createHash } from "node:crypto";
import { badInput, conflict } from "../errors/app-error";

/**
 * Client-requestId idempotency for any mutation a client may retry. The first request stores its
 * requestId with a hash of its input and the id of what it produced, in the same transaction as its
 * changes; a retry (same id, same input, same user) writes nothing and returns that result as it
 * stands now. The same id with other input, another operation or another user is a CONFLICT. A refused
 * request stores nothing (its transaction rolls back), so it can be corrected and sent again with the
 * same id. Storage: the `idempotency_key` table (`createClientRequestTable`, `TypeOrmIdempotencyStore`).
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

/** The hash of a request's input (key order and undefined fields do not matter). */
export const fingerprintOf = (input: unknown): string =>
  createHash("sha256").update(canonical(input)).digest("hex");

export interface IdempotencyKey {
  requestId: string;
  operation: string;
  actorId: string;
  /** Hash of the request's input, so a reused requestId with different input is caught. */
  fingerprint: string;
}

/** The port a service's transaction offers for its client request ids (`TypeOrmIdempotencyStore`). */
export interface IdempotencyStore {
  /**
   * Claims the request id in this transaction. Returns undefined when it is new (go on), or the first
   * request's record when it was already used (a concurrent first attempt is waited for).
   */
  claim(key: IdempotencyKey): Promise<(IdempotencyKey & { resultId: string | null }) | undefined>;
  complete(requestId: string, resultId: string): Promise<void>;
  /** Which of these request ids were already used (by anyone, for anything). */
  used(requestIds: readonly string[]): Promise<Set<string>>;
}

export interface IdempotentRequest {
  requestId: string;
  operation: string;
  actorId: string;
  /** The input without the requestId. */
  input: unknown;
}

/**
 * Runs `work` once per requestId, inside the caller's transaction (`store` is that transaction's).
 * `work` returns the result and the id to remember; `replay` turns a remembered id back into a result.
 */
export async function idempotent<R>(
  store: IdempotencyStore,
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
  const first = await store.claim(key);
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
  await store.complete(key.requestId, resultId);
  return result;
}

/**
 * A command's optional client `requestId`: without one the work simply runs; with one it runs once
 * (`idempotent`), and a retry returns the remembered result by id (`replay`). The input is fingerprinted
 * without its requestId.
 */
export async function oncePerRequest<R, I extends { requestId?: string }>(
  store: IdempotencyStore,
  request: { operation: string; actorId: string; input: I },
  work: () => Promise<R>,
  idOf: (result: R) => string,
  replay: (id: string) => Promise<R | undefined>,
): Promise<R> {
  const { requestId, ...input } = request.input;
  if (requestId === undefined) return work();
  return idempotent(
    store,
    { requestId, operation: request.operation, actorId: request.actorId, input },
    async () => {
      const result = await work();
      return { result, resultId: idOf(result) };
    },
    async (id) => (await replay(id))!,
  );
}
