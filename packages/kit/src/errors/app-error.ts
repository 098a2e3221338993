/**
 * Errors with a stable code that clients can rely on. Domain code throws these; the GraphQL layer maps
 * them to `extensions.code`. Kept free of GraphQL imports so domain modules can use them.
 */
export const ErrorCodes = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra facts for the client, e.g. `{ field: "code" }`. Never personal data. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badInput = (message: string, field?: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCodes.BAD_USER_INPUT, message, field ? { field, ...details } : details);

export const unauthenticated = (message = "Sign in first: the request carries no valid identity.") =>
  new AppError(ErrorCodes.UNAUTHENTICATED, message);

export const forbidden = (message: string) => new AppError(ErrorCodes.FORBIDDEN, message);

export const notFound = (what: string, key: string) =>
  new AppError(ErrorCodes.NOT_FOUND, `${what} ${key} does not exist.`, { what, key });

/**
 * The one refusal for an area-scoped target that is missing *or* outside the caller's area (see
 * Access): both read the same, so a refusal never reveals what exists in another banner.
 */
export const notFoundInArea = (what: string, key: string, field?: string) =>
  new AppError(ErrorCodes.NOT_FOUND, `${what} ${key} does not exist in your area.`, {
    what,
    key,
    ...(field ? { field } : {}),
  });

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCodes.CONFLICT, message, details);

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Throws CONFLICT unless the client's expected version matches the stored one (optimistic locking). */
export function assertVersion(what: string, stored: number, expected: number): void {
  if (stored !== expected) {
    throw conflict(
      `${what} was changed by someone else (version ${stored}, you edited version ${expected}). Reload it and apply your change again.`,
      { storedVersion: stored, expectedVersion: expected },
    );
  }
}
