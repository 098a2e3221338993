/**
 * Is this error the database or the broker being away (or a transaction that lost a race), rather
 * than something wrong with the work itself? Such an error passes when the infrastructure is back,
 * so a consumer waits and tries again instead of giving the message up, and an API answers
 * "try again" instead of "internal error".
 */

// PostgreSQL SQLSTATEs that say nothing about the statement: connection trouble (class 08), a server
// shutting down or starting (57P01–57P03), out of resources (class 53), login refused while the
// database is closed or credentials rotate (28000, 28P01), a lock wait given up (55P03), and the two
// transaction conflicts a retry resolves (40001 serialization, 40P01 deadlock).
const TRANSIENT_SQLSTATE = /^(08...|53...|57P0[123]|40001|40P01|28000|28P01|55P03)$/;

// Node and pg-pool errors of a socket or a pool that could not get a connection.
const TRANSIENT_ERRNO = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const TRANSIENT_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection lost|the database system is (starting up|shutting down|in recovery mode)|is not currently accepting connections|Cannot use a pool after calling end|Driver not Connected/i;

interface ErrorLike {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  retriable?: unknown;
  name?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

export function isInfrastructureError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as ErrorLike;
  if (typeof e.code === "string" && (TRANSIENT_SQLSTATE.test(e.code) || TRANSIENT_ERRNO.has(e.code)))
    return true;
  if (typeof e.message === "string" && TRANSIENT_MESSAGE.test(e.message)) return true;
  // kafkajs marks what a retry can fix; a producer or admin call failing while the broker is away.
  if (typeof e.name === "string" && e.name.startsWith("KafkaJS") && e.retriable === true) return true;
  if (
    typeof e.name === "string" &&
    /^KafkaJS(Connection|NumberOfRetriesExceeded|RequestTimeout)/.test(e.name)
  )
    return true;
  // TypeORM's runner released under a transaction whose connection PostgreSQL ended (a restart).
  if (typeof e.name === "string" && /^QueryRunner(Provider)?AlreadyReleasedError$/.test(e.name)) return true;
  // TypeORM's QueryFailedError keeps the driver's error; AggregateError (a connect to several addresses) its list.
  if (isInfrastructureError(e.driverError, depth + 1) || isInfrastructureError(e.cause, depth + 1))
    return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isInfrastructureError(inner, depth + 1));
}
