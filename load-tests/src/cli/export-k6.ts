import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { k6Export } from "../scenarios/export";

// node dist/cli/export-k6.js: rewrites k6/scenarios.json from src/scenarios/definitions.ts
// (test/definitions.test.ts fails while the committed file is stale).
const file = resolve(__dirname, "../../k6/scenarios.json");
writeFileSync(file, k6Export());
process.stdout.write(`wrote ${file}\n`);
