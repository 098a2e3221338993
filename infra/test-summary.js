// Adds up the per-package results written by infra/jest-results-reporter.js and prints the
// closing line CI reads: "N passed, N failed". Exits 1 when a test failed or none ran.
const fs = require("node:fs");
const path = require("node:path");

const dir = process.argv[2];
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files.sort()) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  console.log(`${file.replace(/\.json$/, "").padEnd(28)} ${r.passed} passed, ${r.failed} failed${r.suitesFailed ? `, ${r.suitesFailed} suites failed to run` : ""}`);
  failed += r.suitesFailed;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
