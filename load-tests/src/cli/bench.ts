import { parseArgs } from "@grassroots/kit";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { cityRun, type RunReport } from "../bench/city-run";
import { progress } from "../generate/progress";
import { dataSizeLines } from "../report/data-sizes";
import { buildReport, loadScaleReports, markdown } from "../report/report";

// pnpm --filter @grassroots/load-tests bench [-- --runs 2 --wait-quiet-minutes 40 --duration 10 --scenarios a,b --out reports
//   --extras no --report-name finance-evaluation --peer hive|no]
// The local benchmark at city scale: for each run a fresh suite (startSuite), the city data through
// the services' own seeds, every scenario with the autocannon runner, the SQL, gateway, event and
// memory measurements; then the report (JSON + Markdown) written to reports/ and printed.
// --extras no skips the gateway overhead, event latency and relay rate; --report-name writes
// <name>.{md,json} instead of latest.{md,json} (a run of a few scenarios keeps the committed figures).
// --peer hive also serves the computed dashboard and the fan-out through Hive Gateway, alternating with
// ours (src/bench/peer-run.ts); on by default in the full report run (no --scenarios, no --duration),
// off in a quick one.
// Exits with 1 when a data-size check finds a statement count growing with the data (a FAIL line).
async function waitQuiet(minutes: number) {
  const deadline = Date.now() + minutes * 60_000;
  for (;;) {
    const [one] = loadavg();
    if (one < 0.6) return progress(`machine quiet (load ${one.toFixed(2)})`);
    if (Date.now() > deadline)
      return progress(`machine still busy (load ${one.toFixed(2)}) after ${minutes} min; measuring anyway`);
    progress(`waiting for a quiet machine (1-minute load ${one.toFixed(2)})`);
    await new Promise((r) => setTimeout(r, 30_000));
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const runs = Math.max(1, Math.min(5, Number(args.runs ?? 1)));
  const peer = args.peer ?? (args.scenarios || args.duration ? "no" : "hive");
  if (peer !== "hive" && peer !== "no") throw new Error(`--peer ${peer}: hive or no`);
  const out = resolve(__dirname, "../..", args.out ?? "reports");
  mkdirSync(out, { recursive: true });
  const reports: RunReport[] = [];
  for (let run = 1; run <= runs; run++) {
    if (args["wait-quiet-minutes"]) await waitQuiet(Number(args["wait-quiet-minutes"]));
    progress(`run ${run}/${runs}`);
    reports.push(
      await cityRun(run, {
        durationSeconds: args.duration ? Number(args.duration) : undefined,
        scenarios: args.scenarios ? args.scenarios.split(",") : undefined,
        extras: args.extras !== "no",
        peer: peer === "hive" ? "hive" : undefined,
      }),
    );
  }
  const command = `pnpm --filter @grassroots/load-tests bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const report = buildReport(reports, command, loadScaleReports(out));
  const text = markdown(report);
  const stamp = report.generatedAt.replace(/[:.]/g, "-");
  writeFileSync(resolve(out, `bench-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const name = args["report-name"] ?? "latest";
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`--report-name ${name}: letters, digits and - only`);
  writeFileSync(resolve(out, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(resolve(out, `${name}.md`), text);
  progress(`wrote ${resolve(out, `${name}.md`)} and ${name}.json`);
  process.stdout.write(text);
  const lines = dataSizeLines(reports);
  for (const line of lines) process.stdout.write(`${line}\n`);
  if (lines.some((l) => l.startsWith("FAIL"))) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
