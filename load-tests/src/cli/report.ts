import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { BenchReport } from "../report/report";
import { buildReport, loadScaleReports, markdown } from "../report/report";
import { readFileSync } from "node:fs";

// node dist/cli/report.js [reports/latest.json]: rebuilds the targets and the Markdown of a benchmark
// report from its runs (after a change of the report's layout; the measurements are not touched).
const file = resolve(process.argv[2] ?? resolve(__dirname, "../../reports/latest.json"));
const old = JSON.parse(readFileSync(file, "utf8")) as BenchReport;
const report = {
  ...buildReport(old.runs, old.command, loadScaleReports(dirname(file))),
  generatedAt: old.generatedAt,
};
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(file.replace(/\.json$/, ".md"), markdown(report));
process.stdout.write(`rewrote ${file} and its .md\n`);
