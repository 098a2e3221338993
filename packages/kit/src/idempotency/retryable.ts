import { oncePerRequest, type IdempotencyStore } from "./idempotency";

/** What a mutation a client may retry carries beside its input. */
export interface Retryable {
  /** The client's id for this change; a retry with the same id returns the first result. */
  requestId?: string;
}

/** A service's unit of work as a retryable command needs it: each transaction offers its idempotency store. */
export interface RetryableUnitOfWork<T extends { idempotency: IdempotencyStore }> {
  run<R>(work: (tx: T) => Promise<R>): Promise<R>;
}

/**
 * A command a client may retry, in its own transaction (`oncePerRequest` over the transaction's
 * store): with a `requestId`, a retry with the same input writes nothing and returns the first result,
 * replayed by its id in the retry's transaction; the same id with other input is CONFLICT.
 */
export const runOncePerRequest = <T extends { idempotency: IdempotencyStore }, I extends Retryable, R>(
  uow: RetryableUnitOfWork<T>,
  operation: string,
  actorId: string,
  input: I,
  work: (tx: T) => Promise<R>,
  idOf: (result: R) => string,
  replay: (tx: T, id: string) => Promise<R | undefined>,
): Promise<R> =>
  uow.run((tx) =>
    oncePerRequest(
      tx.idempotency,
      { operation, actorId, input },
      () => work(tx),
      idOf,
      (id) => replay(tx, id),
    ),
  );
