// A Jest reporter that writes each package's totals to .local/test-results/<package>.json so
// infra/test-summary.js can print one closing line for the whole suite.
const fs = require("node:fs");
const path = require("node:path");

class ResultsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const pkg = JSON.parse(fs.readFileSync(path.join(this.rootDir, "package.json"), "utf8")).name;
    const dir = path.resolve(__dirname, "../.local/test-results");
    fs.mkdirSync(dir, { recursive: true });
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests,
      suitesFailed: results.numRuntimeErrorTestSuites,
    };
    fs.writeFileSync(path.join(dir, `${pkg.replace(/[@/]/g, "_")}.json`), JSON.stringify(summary));
  }
}

module.exports = ResultsReporter;
