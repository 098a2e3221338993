import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { defaultSupergraphPath } from "../config";
import { composeFromFiles } from "../compose/compose-supergraph";
import { readSubgraphList } from "../compose/subgraph-list";

// Usage: pnpm --filter @grassroots/gateway compose [subgraphs.json] [supergraph.graphql]
// Writes the supergraph the gateway runs from; exits 1 (writing nothing) when composition fails.
function main(): number {
  const [listPath, outPath = defaultSupergraphPath] = process.argv.slice(2);
  const subgraphs = readSubgraphList(listPath);
  const outcome = composeFromFiles(subgraphs);
  if (!outcome.ok) {
    console.error(`Composition failed:\n${outcome.errors.map((e) => `  - ${e}`).join("\n")}`);
    return 1;
  }
  for (const hint of outcome.hints) process.stderr.write(`hint: ${hint}\n`);
  writeFileSync(outPath, outcome.supergraphSdl);
  process.stdout.write(
    `Composed ${subgraphs.map((s) => s.name).join(", ")} into ${relative(process.cwd(), outPath) || outPath}\n`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
