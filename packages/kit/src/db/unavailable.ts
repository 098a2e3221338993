import { isInfrastructureError } from "../errors/infrastructure-error";

/**
 * Is this error the service's database (or broker) being away rather than the request being wrong?
 * Beside the kit's infrastructure errors: TypeORM's released query runner (or its connection), what
 * a transaction meets when PostgreSQL ended its connection mid-way (a restart under load).
 */
export function isDependencyUnavailable(error: unknown): boolean {
  if (isInfrastructureError(error)) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === "QueryRunnerAlreadyReleasedError" || name === "QueryRunnerProviderAlreadyReleasedError";
}

/** The client's answer while the database is away: try again, no internals (host, port, stack). */
export const unavailableMessage = (service: string | undefined) =>
  `${service ? `The ${service} service` : "This service"} cannot reach its database right now; try again in a few seconds.`;
