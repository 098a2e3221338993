// Adds up the per-package results written by infra/jest-results-reporter.js and prints the
// closing line CI reads: "N passed, N failed". Exits 1 when a test failed or none ran.
// With the workspace root as second argument, a package that has a test script but wrote no
// results (its Jest crashed or never started) is listed and counted as one failure, so a package
// that did not run can never make the total look green.
const fs = require("node:fs");
const path = require("node:path");

const [dir, root] = process.argv.slice(2);

/** Result file names (as the reporter writes them) of every workspace package with a test script. */
function expectedPackages(rootDir) {
  const workspace = fs.readFileSync(path.join(rootDir, "pnpm-workspace.yaml"), "utf8");
  const patterns = [...workspace.matchAll(/^\s*-\s*"?([^"\n]+?)"?\s*$/gm)].map((m) => m[1]);
  const dirs = patterns.flatMap((p) =>
    p.endsWith("/*")
      ? fs
          .readdirSync(path.join(rootDir, p.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => path.join(p.slice(0, -2), d.name))
      : [p],
  );
  const names = [];
  for (const d of dirs) {
    const file = path.join(rootDir, d, "package.json");
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
    if (pkg.scripts?.test) names.push(pkg.name.replace(/[@/]/g, "_"));
  }
  return names;
}

const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files.sort()) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  console.log(
    `${file.replace(/\.json$/, "").padEnd(28)} ${r.passed} passed, ${r.failed} failed${r.suitesFailed ? `, ${r.suitesFailed} suites failed to run` : ""}`,
  );
  failed += r.suitesFailed;
}
if (root) {
  const seen = new Set(files.map((f) => f.replace(/\.json$/, "")));
  for (const name of expectedPackages(root).filter((n) => !seen.has(n))) {
    console.log(`${name.padEnd(28)} did not run (no results): counted as 1 failed`);
    failed += 1;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
