import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { ArgumentValidationError } from "type-graphql";
import { ErrorCodes, isAppError } from "../errors/app-error";
import { currentContext } from "../logging/request-context";

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
    const code = formatted.extensions?.code;
    if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") {
      // GraphQL's own errors (parse, validation, bad variables) are safe to show.
      if (!production) return formatted;
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
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
