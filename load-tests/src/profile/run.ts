import { parseArgs } from "@grassroots/kit";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { callerOf, freshReads } from "../driver/endpoint";
import { newState, runFlows } from "../driver/runner";
import { runSetup } from "../driver/steps";
import { generate } from "../generate/generator";
import { progress } from "../generate/progress";
import { startBench } from "../generate/suite";
import { CpuSampler, pidOfPort } from "../measure/cpu";
import { RssSampler } from "../measure/rss";
import { StatementCounter } from "../measure/sql";
import { PARAMS, SCENARIOS } from "../scenarios/definitions";
import { summarise, topInclusive } from "./cpuprofile";
import { statementsBetween, statementTimes, type StatementTime } from "./statements";

// node dist/profile/run.js [--scenarios city-dashboard-fresh:1,city-dashboard-fresh,entity-fan-out] [--reps 3] [--duration 10]
//   [--connections N] [--profile yes|no] [--name NAME] [--out reports]
// The computed path measured (issue 15): a fresh suite with the city data, each scenario past the
// cache `reps` times for `duration` seconds; CPU ms per answer of every process (medians of the reps),
// req/s, p95, the gateway's RSS peak, pg_stat_statements' top statements by time. With --profile yes
// every process runs with the CPU profiler of preload.ts during the reps and the report adds each one's top frames during the
// loads only (profiling slows the processes: compare figures of runs with the same --profile).
const HERE = resolve(__dirname, "../..");
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const monoUs = () => Number(process.hrtime.bigint() / 1000n);

interface ScenarioFigures {
  name: string;
  connections: number;
  reps: { rps: number; p95: number; errors: number; cpuPerAnswer: Record<string, number> }[];
  windows: [number, number][];
  statements: StatementTime[];
  gatewayPeakMb: number | null;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  // name or name:connections (the same scenario may come twice, e.g. one caller and the default).
  const wanted = (args.scenarios ?? "city-dashboard-fresh:1,city-dashboard-fresh,entity-fan-out")
    .split(",")
    .map((w) => ({ name: w.split(":")[0], connections: w.split(":")[1] }));
  const reps = Math.max(1, Math.min(5, Number(args.reps ?? 3)));
  const duration = Math.max(3, Math.min(60, Number(args.duration ?? 10)));
  const profile = args.profile === "yes";
  const name = args.name ?? (profile ? "profile" : "computed-path");
  const out = resolve(HERE, args.out ?? "reports");
  const profDir = resolve("/tmp", `grassroots-cpuprof-${Date.now()}`);
  const env: Record<string, string> = {};
  if (profile) {
    mkdirSync(profDir, { recursive: true });
    env.SUITE_NODE_OPTIONS = `--require ${resolve(__dirname, "preload.js")}`;
    env.PROFILE_DIR = profDir;
  }
  const loadBefore = loadavg().map(r1);
  const bench = await startBench(env);
  const pids: Record<string, number> = {};
  const figures: ScenarioFigures[] = [];
  let counter: StatementCounter | undefined;
  try {
    await generate(bench, "city", 900);
    counter = await StatementCounter.connect(
      Object.fromEntries(Object.entries(bench.suite.databases).map(([s, d]) => [s, d.name])),
    );
    for (const [svc, url] of Object.entries({
      gateway: bench.suite.gatewayUrl,
      ...bench.suite.subgraphUrls,
    })) {
      const pid = pidOfPort(Number(new URL(url).port));
      if (pid) pids[svc] = pid;
    }
    const cpu = new CpuSampler(
      pids,
      counter.admin,
      Object.values(bench.suite.databases).map((d) => d.name),
    );
    const dbNames = Object.fromEntries(Object.entries(bench.suite.databases).map(([s, d]) => [s, d.name]));
    const endpoint = freshReads(bench.gateway);
    for (const want of wanted) {
      const scenario = SCENARIOS.find((s) => s.name === want.name);
      if (!scenario) throw new Error(`no scenario ${want.name}`);
      const state = newState();
      const caller = callerOf(scenario.identity, PARAMS, state);
      const fixtures = await runSetup(bench.gateway, caller, scenario.setup, PARAMS, state);
      const scope = { ...PARAMS, ...fixtures };
      const connections = Number(want.connections ?? args.connections ?? scenario.load.connections);
      const load = (seconds: number) =>
        runFlows({
          endpoint,
          caller,
          flows: scenario.flows,
          scope,
          connections,
          durationSeconds: seconds,
          state,
        });
      await load(3); // warm-up: JIT, pools, plan caches
      const fig: ScenarioFigures = {
        name: scenario.name,
        connections,
        reps: [],
        windows: [],
        statements: [],
        gatewayPeakMb: null,
      };
      const rss = RssSampler.forSuite(bench.suite.gatewayUrl, {});
      rss.start(500);
      const toggleProfilers = () => {
        if (profile) for (const pid of Object.values(pids)) process.kill(pid, "SIGUSR2");
      };
      toggleProfilers();
      const before = await statementTimes(counter!.admin, dbNames);
      for (let rep = 0; rep < reps; rep++) {
        progress(`${scenario.name}: rep ${rep + 1}/${reps}, ${duration} s`);
        await cpu.begin();
        const from = monoUs();
        const result = await load(duration);
        const to = monoUs();
        const used = await cpu.end();
        fig.windows.push([from, to]);
        const answers = Math.max(1, result.requests);
        fig.reps.push({
          rps: result.requestsPerSecond,
          p95: result.latencyMs.p95 ?? NaN,
          errors: result.httpErrors + result.graphqlErrors + result.transportErrors,
          cpuPerAnswer: Object.fromEntries(Object.entries(used.cpuMs).map(([k, v]) => [k, r1(v / answers)])),
        });
      }
      toggleProfilers();
      const after = await statementTimes(counter!.admin, dbNames);
      fig.statements = statementsBetween(before, after).slice(0, 8);
      fig.gatewayPeakMb = (await rss.finish()).find((r) => r.service === "gateway")?.peakMb ?? null;
      figures.push(fig);
    }
    await new Promise((r) => setTimeout(r, 3000)); // the profilers write their files
  } finally {
    await counter?.admin.end().catch(() => undefined);
    await bench.stop();
  }
  const lines = [
    `# Computed path${profile ? ", CPU-profiled" : ""} (issue 15)`,
    "",
    `\`node load-tests/dist/profile/run.js ${process.argv.slice(2).join(" ")}\` at ${new Date().toISOString()}; ` +
      `a fresh suite with the city data, every request past the cache (\`no-cache\`), ${reps} × ${duration} s per ` +
      `scenario after a 3 s warm-up; medians of the reps. Load average before: ${loadBefore.join(", ")}; after: ${loadavg().map(r1).join(", ")}.`,
    "",
  ];
  for (const f of figures) {
    const procs = Object.keys(f.reps[0]?.cpuPerAnswer ?? {});
    const med = (pick: (r: ScenarioFigures["reps"][number]) => number) => r1(median(f.reps.map(pick)));
    const subgraphs = med((r) =>
      ["organization", "personnel", "training"].reduce((a, k) => a + (r.cpuPerAnswer[k] ?? 0), 0),
    );
    const whole = med((r) => Object.values(r.cpuPerAnswer).reduce((a, b) => a + b, 0));
    lines.push(
      `## ${f.name} (${f.connections} connections)`,
      "",
      `req/s ${med((r) => r.rps)} (reps ${f.reps.map((r) => r1(r.rps)).join(", ")}), p95 ${med((r) => r.p95)} ms, errors ${f.reps.reduce((a, r) => a + r.errors, 0)}; ` +
        `gateway RSS peak ${f.gatewayPeakMb} MB. CPU ms per answer: all processes ${whole}, subgraphs (organization + personnel + training) ${subgraphs}.`,
      "",
      `| process | ${f.reps.map((_, i) => `rep ${i + 1}`).join(" | ")} | median |`,
      `|---|${f.reps.map(() => "---|").join("")}---|`,
      ...procs.map(
        (p) =>
          `| ${p} | ${f.reps.map((r) => r.cpuPerAnswer[p]).join(" | ")} | ${med((r) => r.cpuPerAnswer[p])} |`,
      ),
      "",
      "Top statements by execution time during the reps (pg_stat_statements):",
      "",
      "| service | calls | total ms | ms per call | rows per call | statement |",
      "|---|---|---|---|---|---|",
      ...f.statements.map(
        (s) =>
          `| ${s.service} | ${s.calls} | ${s.totalMs} | ${r1(s.totalMs / s.calls)} | ${r1(s.rows / Math.max(1, s.calls))} | \`${s.query.replace(/\s+/g, " ").replace(/\|/g, "\\|").slice(0, 220)}\` |`,
      ),
      "",
    );
    if (!profile) continue;
    for (const [svc, pid] of Object.entries(pids)) {
      const path = join(profDir, `${pid}-${figures.indexOf(f) + 1}.cpuprofile`);
      if (!existsSync(path)) continue;
      const s = summarise(path, f.windows, 20);
      const incl = topInclusive(path, f.windows, 15);
      lines.push(
        `### ${svc}: ${s.busyMs} ms sampled busy (${s.samples} samples)`,
        "",
        "By package (self):",
        "",
        s.byPackage.map((p) => `${p.name} ${p.selfMs}`).join(" · "),
        "",
        "| top self | self ms | incl ms |",
        "|---|---|---|",
        ...s.top.map((t) => `| \`${t.frame}\` | ${t.selfMs} | ${t.totalMs} |`),
        "",
        "| top inclusive | incl ms | self ms |",
        "|---|---|---|",
        ...incl.map((t) => `| \`${t.frame}\` | ${t.totalMs} | ${t.selfMs} |`),
        "",
      );
    }
  }
  if (profile) lines.push(`Profiles (not committed): ${profDir}`, "");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.md`), lines.join("\n"));
  writeFileSync(
    join(out, `${name}.json`),
    `${JSON.stringify({ loadBefore, pids, figures, profDir }, null, 2)}\n`,
  );
  process.stdout.write(lines.slice(0, 200).join("\n") + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
