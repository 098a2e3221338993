import { readFileSync } from "node:fs";

/** The label of every operation not in the list (and of anonymous ones): clients choose names, not the metrics. */
export const OTHER_OPERATION = "other";

/**
 * The operation names a metric label may carry: those of the trusted-documents list (what the known
 * clients send), read even when the list is not enforced. A list that cannot be read gives none, so
 * every operation is "other" rather than a name a client chose.
 */
export function knownOperationNames(trustedDocumentsFile: string): ReadonlySet<string> {
  try {
    const manifest = JSON.parse(readFileSync(trustedDocumentsFile, "utf8")) as {
      operations?: { name?: unknown }[];
    };
    return new Set(
      (manifest.operations ?? [])
        .map((o) => o.name)
        .filter((n): n is string => typeof n === "string" && n !== ""),
    );
  } catch {
    return new Set();
  }
}

/** An error code as a label: the services' codes are UPPER_SNAKE; anything else is one value. */
export const errorCodeLabel = (code: unknown): string =>
  typeof code === "string" && /^[A-Z][A-Z0-9_]{0,63}$/.test(code)
    ? code
    : code === undefined
      ? "UNCODED"
      : "OTHER";
