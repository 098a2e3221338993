import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parse, type DocumentNode } from "graphql";
import { tryQueries } from "../try/try-queries";
import { templateLiterals } from "./template-literals";

/** The repository (gateway/ is one level below it; same path from src/ and dist/). */
const ROOT = resolve(__dirname, "..", "..", "..");

export interface CollectedDocument {
  body: string;
  clientName: string;
  /** Where it was found, relative to the repository. */
  source: string;
}

const namedOperations = (document: DocumentNode) =>
  document.definitions.flatMap((d) => (d.kind === "OperationDefinition" && d.name ? [d.name.value] : []));

function parsedOrNull(text: string): DocumentNode | null {
  try {
    return parse(text);
  } catch {
    return null;
  }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The IDE's sample ("try") queries: printed by suite-up, pasted into the IDE or curl. */
function tryDocuments(): CollectedDocument[] {
  return tryQueries().map(({ query }) => ({
    body: query,
    clientName: "gateway-ide-try",
    source: "gateway/src/try/try-queries.ts",
  }));
}

/**
 * The load tests' operations: the scenarios' from their JSON export (k6/scenarios.json, which a
 * load-tests test keeps equal to src/scenarios; it holds each document exactly as both drivers send
 * it, fragments included), and every other operation written as a plain template literal in
 * load-tests/src (the data generator's). An operation named in load-tests/src that neither yields
 * is an error: a document built from parts must be exported like the scenarios', not guessed at.
 */
function loadTestDocuments(root: string): CollectedDocument[] {
  const exportPath = join(root, "load-tests", "k6", "scenarios.json");
  const exported = JSON.parse(readFileSync(exportPath, "utf8")) as {
    operations: Record<string, { document: string }>;
  };
  const documents: CollectedDocument[] = Object.values(exported.operations).map(({ document }) => ({
    body: document,
    clientName: "load-tests",
    source: relative(root, exportPath),
  }));
  const found = new Set(documents.flatMap((d) => namedOperations(parse(d.body))));
  const named = new Map<string, string>();
  for (const file of tsFiles(join(root, "load-tests", "src"))) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/^\s*(?:query|mutation|subscription)\s+([A-Za-z_]\w*)\s*[({]/gm))
      named.set(match[1], relative(root, file));
    for (const literal of templateLiterals(text)) {
      const document = literal.interpolated ? null : parsedOrNull(literal.text);
      if (!document || namedOperations(document).length === 0) continue;
      for (const name of namedOperations(document)) found.add(name);
      documents.push({ body: literal.text, clientName: "load-tests", source: relative(root, file) });
    }
  }
  const missing = [...named].filter(([name]) => !found.has(name));
  if (missing.length)
    throw new Error(
      `operations in load-tests/src that could not be read (built from parts?): ` +
        missing.map(([name, file]) => `${name} (${file})`).join(", ") +
        ` — export them in load-tests/k6/scenarios.json`,
    );
  return documents;
}

/** Every document the known clients send; the e2e tests are no clients (their queries are not listed). */
export function collectTrustedDocuments(root = ROOT): CollectedDocument[] {
  return [...tryDocuments(), ...loadTestDocuments(root)];
}
