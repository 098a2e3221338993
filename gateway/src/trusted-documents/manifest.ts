import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse, type OperationDefinitionNode } from "graphql";

/**
 * The trusted-documents list in Apollo's persisted query manifest format (what its client tools
 * and the Router read too): each operation's `id` is the sha256 of its exact text, `body`.
 */
export interface TrustedDocumentsManifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: TrustedOperation[];
}

export interface TrustedOperation {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
  /** Which known client sends it (gateway-ide-try, load-tests). */
  clientName: string;
}

/** The committed list, next to this package's package.json (same path from src/ and dist/). */
export const defaultTrustedDocumentsPath = resolve(__dirname, "..", "..", "trusted-documents.json");

/** sha256 of the exact text, hex: what Apollo's persisted queries (`sha256Hash`) carry. */
export const documentHash = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The manifest of documents (one entry per distinct text), sorted so the file changes only with them. */
export function manifestOf(documents: { body: string; clientName: string }[]): TrustedDocumentsManifest {
  const byId = new Map<string, TrustedOperation>();
  for (const { body, clientName } of documents) {
    const id = documentHash(body);
    if (byId.has(id)) continue;
    const operation = parse(body).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
    );
    if (!operation) throw new Error(`a trusted document has no operation: ${body.slice(0, 80)}`);
    byId.set(id, { id, name: operation.name?.value ?? "", type: operation.operation, body, clientName });
  }
  const operations = [...byId.values()].sort(
    (a, b) =>
      a.clientName.localeCompare(b.clientName) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  return { format: "apollo-persisted-query-manifest", version: 1, operations };
}

export const manifestText = (manifest: TrustedDocumentsManifest) => `${JSON.stringify(manifest, null, 2)}\n`;

/** Reads a list: hash → text. Throws naming the file when it is not a manifest or an id is not its text's hash. */
export function readTrustedDocuments(path: string): Map<string, string> {
  let manifest: TrustedDocumentsManifest;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8")) as TrustedDocumentsManifest;
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS_FILE ${path} cannot be read: ${(error as Error).message}`);
  }
  if (manifest.format !== "apollo-persisted-query-manifest" || !Array.isArray(manifest.operations))
    throw new Error(`TRUSTED_DOCUMENTS_FILE ${path} is not an apollo-persisted-query-manifest`);
  const documents = new Map<string, string>();
  for (const { id, body } of manifest.operations) {
    if (typeof body !== "string" || documentHash(body) !== id)
      throw new Error(`TRUSTED_DOCUMENTS_FILE ${path}: operation ${id} is not the sha256 of its body`);
    documents.set(id, body);
  }
  return documents;
}
