import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { ArgumentValidationError } from "type-graphql";
import { isDependencyUnavailable, unavailableMessage } from "../db/unavailable";
import { ErrorCodes, isAppError } from "../errors/app-error";
import { currentContext } from "../logging/request-context";
import { ScalarInputError } from "./scalar-checks";

/** The ScalarInputError behind a GraphQL error (wrapped once or twice by graphql-js), if any. */
function scalarInputError(error: unknown): ScalarInputError | undefined {
  for (
    let e = error, depth = 0;
    e && depth < 4;
    e = (e as { originalError?: unknown }).originalError, depth++
  ) {
    if (e instanceof ScalarInputError) return e;
  }
  return undefined;
}

/** The first error below graphql-js' wrappers (a resolver's, or the context's when it could not be built). */
function causeOf(error: unknown): unknown {
  let e = error;
  for (let depth = 0; e instanceof GraphQLError && e.originalError && depth < 4; depth++) e = e.originalError;
  // graphql-js wraps what is not an Error of its own realm (a socket error seen from a jest VM).
  const thrown = (e as { name?: unknown; thrownValue?: unknown } | undefined) ?? {};
  return thrown.name === "NonErrorThrown" && thrown.thrownValue ? thrown.thrownValue : e;
}

/** `Variable "$input" got invalid value … at "input.startsOn"; …` → input.startsOn (or the variable). */
function fieldOfVariableError(message: string): string | undefined {
  const m = /^Variable "\$([\w]+)" got invalid value .*? (?:at "([^"]+)"; |; )/.exec(message);
  return m ? (m[2] ?? m[1]) : undefined;
}

/**
 * Maps thrown errors to GraphQL errors with a stable `extensions.code`. Unknown errors are logged and,
 * in production, replaced by a message that names the request id instead of internals.
 */
export function makeFormatError(production: boolean, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isAppError(original)) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...original.details, code: original.code },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = original.extensions.validationErrors
        ?.flatMap((v) => Object.values(v.constraints ?? {}))
        .join("; ");
      return {
        message: `Invalid input: ${problems || original.message}`,
        path: formatted.path,
        extensions: { code: ErrorCodes.BAD_USER_INPUT },
      };
    }
    if (scalarInputError(error)) {
      // A custom scalar refused a value (variable or literal): the caller's mistake, named by field.
      const field = fieldOfVariableError(formatted.message);
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCodes.BAD_USER_INPUT, ...(field ? { field } : {}) },
      };
    }
    const cause = causeOf(error);
    if (!(cause instanceof GraphQLError) && isDependencyUnavailable(cause)) {
      // The database went away (a restart, a failover): the client may try again; the cause is logged.
      const service = (logger.bindings() as { service?: string }).service;
      logger.warn({ err: cause, path: formatted.path }, "database unavailable: answered SERVICE_UNAVAILABLE");
      return {
        message: unavailableMessage(service),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: "SERVICE_UNAVAILABLE", ...(service ? { service } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") {
      // GraphQL's own errors (parse, validation, bad variables) are safe to show.
      if (!production) return formatted;
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    const requestId = currentContext()?.requestId;
    logger.error({ err: original, path: formatted.path }, "unexpected error in GraphQL request");
    return {
      message: production
        ? `Internal error. Quote request id ${requestId} when you report it.`
        : formatted.message,
      path: formatted.path,
      extensions: production
        ? { code: "INTERNAL_SERVER_ERROR", requestId }
        : { ...formatted.extensions, code: "INTERNAL_SERVER_ERROR", requestId },
    };
  };
}
