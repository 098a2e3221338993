import { writeFileSync } from "node:fs";
import { collectTrustedDocuments } from "../trusted-documents/collect";
import { defaultTrustedDocumentsPath, manifestOf, manifestText } from "../trusted-documents/manifest";

// Usage: node dist/cli/trusted-documents.js [output] — builds the trusted-documents list (by sha256)
// from the operations the known clients send; test/trusted-documents.test.ts fails while it is stale.

const output = process.argv[2] ?? defaultTrustedDocumentsPath;
const documents = collectTrustedDocuments();
const manifest = manifestOf(documents);
writeFileSync(output, manifestText(manifest));
const byClient = new Map<string, number>();
for (const { clientName } of manifest.operations)
  byClient.set(clientName, (byClient.get(clientName) ?? 0) + 1);
process.stdout.write(
  `${output}: ${manifest.operations.length} operations (${[...byClient].map(([c, n]) => `${c} ${n}`).join(", ")})\n`,
);
