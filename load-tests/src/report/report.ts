import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { RunReport, ScenarioReport } from "../bench/city-run";
import { median } from "../driver/stats";
import { TARGETS } from "../scenarios/definitions";
import { dataSizeSection, dataSizeTarget } from "./data-sizes";
import { generateMarkdown, type Extrapolation } from "./scale-report";
import type { GenerateResult } from "../generate/generator";
import { peerMedians, peerSection, type PeerMedians } from "./peer";

export interface TargetCheck {
  target: string;
  goal: string;
  measured: string;
  verdict: "PASS" | "MISS" | "NOT MEASURED";
  /** How far from the goal, in the goal's unit: a margin when it passes, an excess when it misses. */
  by: string;
}

export interface ScenarioMedians {
  name: string;
  connections: number;
  requestsPerSecond: number | null;
  iterationsPerSecond: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errorRate: number | null;
  runs: number;
}

export interface BenchReport {
  generatedAt: string;
  command: string;
  runs: RunReport[];
  medians: {
    scenarios: ScenarioMedians[];
    gatewayThroughputRatio: number | null;
    gatewayP95DifferenceMs: number | null;
    eventLatencyP95Ms: Record<string, number | null>;
    eventLatencyP50Ms: Record<string, number | null>;
    eventRateAchieved: number | null;
    relayPerSecond: number | null;
    /** Highest arrival rate at which the dashboard kept p95 under its threshold. */
    dashboardCapacityPerSecond: number | null;
    /** Ours and Hive Gateway's figures in the same run, ours ÷ peer (when the bench ran with --peer hive). */
    peer: PeerMedians[];
  };
  targets: TargetCheck[];
  scales: (GenerateResult & { generatedAt: string; extrapolation: Extrapolation })[];
}

const med = (xs: (number | null | undefined)[]) => {
  const m = median(xs.filter((x): x is number => typeof x === "number"));
  return m === null ? null : Math.round(m * 10) / 10;
};
const fmt = (n: number | null | undefined, unit = "") =>
  n === null || n === undefined || Number.isNaN(n) ? "–" : `${n}${unit}`;
const pct = (n: number | null | undefined) =>
  n === null || n === undefined ? "–" : `${(n * 100).toFixed(2)}%`;

function scenarioMedians(runs: RunReport[], name: string): ScenarioMedians {
  const loads = runs
    .map((r) => r.scenarios.find((s) => s.name === name)?.load)
    .filter((l) => l !== undefined);
  return {
    name,
    connections: loads[0]?.connections ?? 0,
    requestsPerSecond: med(loads.map((l) => l.requestsPerSecond)),
    iterationsPerSecond: med(loads.map((l) => l.iterations / l.durationSeconds)),
    p50: med(loads.map((l) => l.latencyMs.p50)),
    p95: med(loads.map((l) => l.latencyMs.p95)),
    p99: med(loads.map((l) => l.latencyMs.p99)),
    errorRate: med(loads.map((l) => l.errorRate)),
    runs: loads.length,
  };
}

function check(
  target: string,
  goal: string,
  measured: number | null,
  limit: number,
  unit: string,
  higherIsBetter = false,
  extra = "",
): TargetCheck {
  if (measured === null) return { target, goal, measured: "–", verdict: "NOT MEASURED", by: "" };
  const pass = higherIsBetter ? measured >= limit : measured < limit;
  const diff = Math.round(Math.abs(measured - limit) * 100) / 100;
  const ratio = higherIsBetter ? measured / limit : measured / limit;
  return {
    target,
    goal,
    measured: `${measured}${unit}${extra}`,
    verdict: pass ? "PASS" : "MISS",
    by: `${pass ? "margin" : higherIsBetter ? "short by" : "over by"} ${diff}${unit} (${ratio.toFixed(2)}× the goal)`,
  };
}

export function loadScaleReports(dir: string): BenchReport["scales"] {
  return ["province", "national"]
    .map((scale) => resolve(dir, `generate-${scale}.json`))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, "utf8")));
}

export function buildReport(runs: RunReport[], command: string, scales: BenchReport["scales"]): BenchReport {
  const names = [...new Set(runs.flatMap((r) => r.scenarios.map((s) => s.name)))];
  const scenarios = names.map((n) => scenarioMedians(runs, n));
  const consumers = [...new Set(runs.flatMap((r) => r.events?.consumers.map((c) => c.consumer) ?? []))];
  const eventP95 = Object.fromEntries(
    consumers.map((c) => [
      c,
      med(runs.map((r) => r.events?.consumers.find((x) => x.consumer === c)?.latencyMs.p95)),
    ]),
  );
  const eventP50 = Object.fromEntries(
    consumers.map((c) => [
      c,
      med(runs.map((r) => r.events?.consumers.find((x) => x.consumer === c)?.latencyMs.p50)),
    ]),
  );
  const medians: BenchReport["medians"] = {
    scenarios,
    gatewayThroughputRatio: med(runs.map((r) => (r.overhead ? r.overhead.throughputRatio * 1000 : null))),
    gatewayP95DifferenceMs: med(runs.map((r) => r.overhead?.p95DifferenceMs)),
    eventLatencyP95Ms: eventP95,
    eventLatencyP50Ms: eventP50,
    eventRateAchieved: med(runs.map((r) => r.events?.achievedRatePerSecond)),
    relayPerSecond: med(runs.map((r) => r.relay?.relayPerSecond)),
    dashboardCapacityPerSecond: med(
      runs.map((r) => {
        const steps = r.scenarios.find((s) => s.name === "city-dashboard")?.capacity ?? [];
        const ok = steps.filter(
          (c) =>
            (c.result.latencyMs.p95 ?? Infinity) < TARGETS.dashboardP95Ms &&
            c.result.requestsPerSecond >= c.rate * 0.9,
        );
        return steps.length ? (ok.length ? Math.max(...ok.map((c) => c.rate)) : 0) : null;
      }),
    ),
    peer: peerMedians(runs.map((r) => r.peer)),
  };
  if (medians.gatewayThroughputRatio !== null)
    medians.gatewayThroughputRatio = Math.round(medians.gatewayThroughputRatio) / 1000;

  const targets: TargetCheck[] = [];
  const dash = scenarios.find((s) => s.name === "city-dashboard");
  const dashErrors = runs
    .flatMap((r) => r.scenarios.filter((s) => s.name === "city-dashboard" && s.load))
    .map((s) => s.load!.httpErrors + s.load!.graphqlErrors + s.load!.transportErrors);
  targets.push(
    check(
      "City dashboard p95",
      `< ${TARGETS.dashboardP95Ms} ms at ${TARGETS.dashboardConnections} connections`,
      dash?.p95 ?? null,
      TARGETS.dashboardP95Ms,
      " ms",
      false,
      dash
        ? ` at ${dash.connections} connections, ${dash.requestsPerSecond} req/s${runs.length > 1 ? `; runs: ${runs.map((r) => `${r.scenarios.find((x) => x.name === "city-dashboard")?.load?.latencyMs.p95 ?? "–"} ms`).join(", ")}` : ""}`
        : "",
    ),
  );
  targets.push(
    dashErrors.length
      ? {
          target: "City dashboard errors",
          goal: "none",
          measured: `${dashErrors.reduce((a, b) => a + b, 0)} in ${dashErrors.length} run(s)`,
          verdict: dashErrors.every((e) => e === 0) ? "PASS" : "MISS",
          by: dashErrors.every((e) => e === 0) ? "" : `${dashErrors.reduce((a, b) => a + b, 0)} errors`,
        }
      : { target: "City dashboard errors", goal: "none", measured: "–", verdict: "NOT MEASURED", by: "" },
  );
  targets.push(
    check(
      "Gateway throughput / direct",
      `≥ ${TARGETS.gatewayThroughputRatio}`,
      medians.gatewayThroughputRatio,
      TARGETS.gatewayThroughputRatio,
      "",
      true,
      medians.gatewayP95DifferenceMs === null
        ? ""
        : ` (p95 +${medians.gatewayP95DifferenceMs} ms through the gateway)`,
    ),
  );
  const listChecks = runs.flatMap((r) => [
    ...r.scenarios.flatMap((s) => (s.sql?.listSizes ?? []).map((c) => ({ scenario: s.name, ...c }))),
    ...(r.overhead?.sql ? [{ scenario: "gateway-overhead", ...r.overhead.sql }] : []),
  ]);
  const growing = listChecks.filter((c) => !c.constant);
  const scenariosWithoutCheck = names.filter((n) => !listChecks.some((c) => c.scenario === n));
  targets.push({
    target: "SQL statements constant in list size",
    goal: "every scenario",
    measured: listChecks.length
      ? `${listChecks.length - growing.length}/${listChecks.length} checks constant${scenariosWithoutCheck.length ? `; no list to vary in ${scenariosWithoutCheck.join(", ")}` : ""}`
      : "–",
    verdict: !listChecks.length ? "NOT MEASURED" : growing.length ? "MISS" : "PASS",
    by: [
      ...new Set(growing.map((c) => `${c.scenario}/${c.operation}: ${c.small.perCall} → ${c.large.perCall}`)),
    ]
      .map(
        (text) =>
          `${text} (${growing.filter((c) => `${c.scenario}/${c.operation}: ${c.small.perCall} → ${c.large.perCall}` === text).length} of ${runs.length} runs)`,
      )
      .join("; "),
  });
  const dataSizes = dataSizeTarget(runs);
  if (dataSizes) targets.push(dataSizes);
  const worstEvent = Object.values(eventP95).filter((v): v is number => v !== null);
  const rate = medians.eventRateAchieved;
  const eventCheck = check(
    "Event latency p95 (commit → projection)",
    `< ${TARGETS.eventLatencyP95Ms} ms at ${TARGETS.eventRatePerSecond} events/s`,
    worstEvent.length ? Math.max(...worstEvent) : null,
    TARGETS.eventLatencyP95Ms,
    " ms",
    false,
    ` (slowest consumer; ${Object.entries(eventP95)
      .map(([c, v]) => `${c} ${fmt(v, " ms")}`)
      .join(", ")}) at ${fmt(rate)} events/s achieved`,
  );
  // The figure only counts at the stated rate: a run that could not send 200 events/s misses.
  if (rate !== null && rate < TARGETS.eventRatePerSecond * 0.95 && eventCheck.verdict === "PASS") {
    eventCheck.verdict = "MISS";
    eventCheck.by = `rate short by ${Math.round(TARGETS.eventRatePerSecond - rate)} events/s: the suite took at most ${rate}/s (${eventCheck.by.replace("margin", "latency margin")})`;
  } else if (rate !== null && rate < TARGETS.eventRatePerSecond * 0.95) {
    eventCheck.by += `; and the suite took at most ${rate} of the ${TARGETS.eventRatePerSecond} events/s`;
  }
  const perRun = runs.map((r) => {
    const worst = Math.max(...(r.events?.consumers.map((c) => c.latencyMs.p95 ?? 0) ?? [0]));
    return r.events ? `${worst} ms at ${r.events.achievedRatePerSecond}/s` : "–";
  });
  if (runs.length > 1) eventCheck.measured += `; runs: ${perRun.join(", ")}`;
  targets.push(eventCheck);
  const ends = runs.flatMap((r) => r.rss).filter((x) => x.endMb !== null);
  const worstEnd = [...ends].sort((a, b) => (b.endMb ?? 0) - (a.endMb ?? 0))[0];
  const worstPeak = [...ends].sort((a, b) => (b.peakMb ?? 0) - (a.peakMb ?? 0))[0];
  const rssCheck = check(
    "Largest RSS at the end of the run",
    `< ${TARGETS.maxRssMb} MB every service`,
    worstEnd?.endMb ?? null,
    TARGETS.maxRssMb,
    " MB",
    false,
    worstEnd ? ` (${worstEnd.service})` : "",
  );
  if (worstPeak?.peakMb) {
    rssCheck.by += `; peak during the load ${worstPeak.peakMb} MB (${worstPeak.service})${worstPeak.peakMb >= TARGETS.maxRssMb ? ", above the limit" : ""}`;
  }
  targets.push(rssCheck);
  return { generatedAt: new Date().toISOString(), command, runs, medians, targets, scales };
}

/** "CPU per request: gateway 12 ms, …; other work on the machine 20% of a core". */
export function cpuLine(cpu: import("../measure/cpu").CpuResult, requests: number): string {
  const per = Object.entries(cpu.cpuMs)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${requests ? (ms / requests).toFixed(1) : "–"}`)
    .join(", ");
  const busy = cpu.seconds ? (cpu.machineBusyMs / (cpu.seconds * 1000)).toFixed(2) : "–";
  const other = cpu.seconds ? (cpu.otherMs / (cpu.seconds * 1000)).toFixed(2) : "–";
  return `CPU ms per request (run 1, ${cpu.seconds} s): ${per}. Machine busy ${busy} of ${cpu.cores} cores, of which ${other} cores by other work (outside the suite, Kafka and this benchmark).`;
}

function scenarioSection(runs: RunReport[], name: string): string[] {
  const reports = runs
    .map((r) => r.scenarios.find((s) => s.name === name))
    .filter((s): s is ScenarioReport => !!s);
  const first = reports.find((s) => s.load) ?? reports[0];
  const lines = [`### ${first.title} (\`${name}\`, ${first.caller.role} at ${first.caller.home})`, ""];
  for (const s of reports.filter((x) => x.error)) lines.push(`**Run failed:** ${s.error}`, "");
  if (!first.load) return lines;
  lines.push(
    "| run | connections | req/s | flows/s | p50 ms | p95 ms | p99 ms | HTTP errors | GraphQL errors | error rate | accepted |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  );
  reports.forEach((s, i) => {
    const l = s.load;
    if (!l) return;
    lines.push(
      `| ${i + 1} | ${l.connections} | ${l.requestsPerSecond} | ${(l.iterations / l.durationSeconds).toFixed(1)} | ${fmt(l.latencyMs.p50)} | ${fmt(l.latencyMs.p95)} | ${fmt(l.latencyMs.p99)} | ${l.httpErrors} | ${l.graphqlErrors} | ${pct(l.errorRate)} | ${
        Object.entries(l.accepted)
          .map(([c, n]) => `${c} ${n}`)
          .join(", ") || "–"
      } |`,
    );
  });
  lines.push(
    "",
    "Per operation (run 1):",
    "",
    "| operation | requests | errors | p50 ms | p95 ms | p99 ms | gateway cost |",
    "|---|---|---|---|---|---|---|",
  );
  for (const [op, o] of Object.entries(first.load.byOperation)) {
    lines.push(
      `| ${op} | ${o.requests} | ${o.errors} | ${fmt(o.latencyMs.p50)} | ${fmt(o.latencyMs.p95)} | ${fmt(o.latencyMs.p99)} | ${fmt(first.gatewayCost[op])} |`,
    );
  }
  if (first.cpu) lines.push("", cpuLine(first.cpu, first.load.requests));
  if (first.capacity?.length) {
    lines.push(
      "",
      `Capacity (run 1): the same flow at fixed arrival rates (autocannon's overallRate: min(rate, ${first.load.connections}) connections), after the load above has drained, until p95 reaches the threshold:`,
      "",
      "| rate req/s | achieved req/s | p50 ms | p95 ms | p99 ms | errors |",
      "|---|---|---|---|---|---|",
    );
    for (const c of first.capacity)
      lines.push(
        `| ${c.rate} | ${c.result.requestsPerSecond} | ${fmt(c.result.latencyMs.p50)} | ${fmt(c.result.latencyMs.p95)} | ${fmt(c.result.latencyMs.p99)} | ${c.result.httpErrors + c.result.graphqlErrors} |`,
      );
  }
  if (first.load.errorSamples.length)
    lines.push(
      "",
      `Error samples: ${first.load.errorSamples.map((e) => `\`${e.replace(/\|/g, "/")}\``).join("; ")}`,
    );
  if (first.sql) {
    lines.push(
      "",
      "SQL statements per call (run 1; own = databases of the subgraphs the plan calls; consumers = other services reacting to the events):",
      "",
      "| operation | own | by service | consumers |",
      "|---|---|---|---|",
    );
    for (const o of first.sql.operations) {
      lines.push(
        `| ${o.operation} | ${o.perCall} | ${Object.entries(o.perService)
          .map(([s, n]) => `${s} ${n}`)
          .join(", ")} | ${o.consumersPerCall} |`,
      );
    }
    if (first.sql.listSizes.length) {
      lines.push(
        "",
        "| list-size check | small | statements | large | statements | constant |",
        "|---|---|---|---|---|---|",
      );
      for (const c of first.sql.listSizes) {
        lines.push(
          `| ${c.operation} | \`${JSON.stringify(c.small.variables)}\` | ${c.small.perCall} | \`${JSON.stringify(c.large.variables)}\` | ${c.large.perCall} | ${c.constant ? "yes" : "**no**"} |`,
        );
      }
    }
  }
  lines.push(...dataSizeSection(first, runs.find((r) => r.scenarios.includes(first))?.growth));
  const v = reports.map((s) => s.verify).filter((x) => x);
  if (v.length) {
    lines.push(
      "",
      "| run | accepted writes | CONFLICT | version before → after | history before → after | no lost update |",
      "|---|---|---|---|---|---|",
    );
    v.forEach((x, i) =>
      lines.push(
        `| ${i + 1} | ${x!.acceptedWrites} | ${x!.conflicts} | ${x!.versionBefore} → ${x!.versionAfter} | ${x!.historyBefore} → ${x!.historyAfter} | ${x!.noLostUpdate ? "yes" : "**NO**"} |`,
      ),
    );
  }
  lines.push("");
  return lines;
}

export function markdown(report: BenchReport): string {
  const { runs, medians } = report;
  const r0 = runs[0];
  const lines: string[] = [
    "# Benchmark report: city scale",
    "",
    `Generated ${report.generatedAt} by \`${report.command}\`; ${runs.length} run(s), each on a fresh suite (${r0?.services.join(", ")} + gateway, ` +
      `startSuite: throwaway databases, own topic prefix, 127.0.0.1) with the city data generated first. Figures are medians over the runs.`,
    "",
    `Machine: ${r0?.machine.cpus} cores, Node ${r0?.machine.node}; load average before each run: ${runs.map((r) => r.machine.loadBefore[0]).join(", ")}. ` +
      `The load generator (autocannon) runs on the same 2 cores as the suite, PostgreSQL and Kafka. ` +
      `Environment changed for the run: ${Object.entries(r0?.env ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")}.`,
    "",
    "## Targets",
    "",
    "| target | goal | measured | verdict | by how much |",
    "|---|---|---|---|---|",
    ...report.targets.map((t) => `| ${t.target} | ${t.goal} | ${t.measured} | **${t.verdict}** | ${t.by} |`),
    "",
    ...(medians.dashboardCapacityPerSecond !== null
      ? [
          `For reference: the city dashboard kept p95 under ${TARGETS.dashboardP95Ms} ms up to ${medians.dashboardCapacityPerSecond} req/s of arrivals (fixed arrival rates of 2, 5, 10, 20, 40 req/s; see the scenario's capacity table).`,
          "",
        ]
      : []),
    "## Scenarios (medians)",
    "",
    "| scenario | connections | req/s | flows/s | p50 ms | p95 ms | p99 ms | error rate | threshold p95 |",
    "|---|---|---|---|---|---|---|---|---|",
    ...medians.scenarios.map((s) => {
      const t = r0.scenarios.find((x) => x.name === s.name)?.thresholds;
      return `| ${s.name} | ${s.connections} | ${fmt(s.requestsPerSecond)} | ${fmt(s.iterationsPerSecond)} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${pct(s.errorRate)} | ${t?.p95Ms ?? "–"} ms |`;
    }),
    "",
    "Error rate counts HTTP status other than 200 and GraphQL `errors` the step does not accept (the burst accepts CONFLICT).",
    "",
    ...[...new Set(runs.flatMap((r) => r.scenarios.map((s) => s.name)))].flatMap((n) =>
      scenarioSection(runs, n),
    ),
  ];
  lines.push(...peerSection(runs.map((r) => r.peer)));
  lines.push("## Gateway overhead", "");
  if (runs.some((r) => r.overhead)) {
    const o = runs.find((r) => r.overhead)!.overhead!;
    lines.push(
      `\`${o.operation}\` (organization only), ${o.connections} connections, alternating gateway / direct ${o.secondsEach} s each, twice per run. ` +
        `Direct = the subgraph called as the gateway calls it (internal secret + forwarded identity).`,
      "",
      "| run | gateway req/s | direct req/s | ratio | gateway p95 ms | direct p95 ms | p95 difference |",
      "|---|---|---|---|---|---|---|",
      ...runs
        .filter((r) => r.overhead)
        .map(
          (r, i) =>
            `| ${i + 1} | ${r.overhead!.gatewayRps} | ${r.overhead!.directRps} | ${r.overhead!.throughputRatio} | ${r.overhead!.gatewayP95Ms} | ${r.overhead!.directP95Ms} | ${r.overhead!.p95DifferenceMs} ms |`,
        ),
      "",
      ...(o.gatewayCpu?.[0]
        ? [
            `Through the gateway: ${cpuLine(o.gatewayCpu[0], o.gateway[0].requests)}`,
            "",
            `Direct: ${cpuLine(o.directCpu[0], o.direct[0].requests)}`,
            "",
          ]
        : []),
      `Median ratio ${fmt(medians.gatewayThroughputRatio)}, p95 difference ${fmt(medians.gatewayP95DifferenceMs, " ms")}.` +
        (o.sql
          ? ` SQL statements per call: first ${JSON.stringify(o.sql.small.variables)} → ${o.sql.small.perCall}, ${JSON.stringify(o.sql.large.variables)} → ${o.sql.large.perCall}.`
          : ""),
      "",
    );
  } else lines.push("Not measured.", "");
  lines.push("## Events", "");
  if (runs.some((r) => r.events)) {
    lines.push(
      "Event latency: organization's `setRegisterCount` sent open-loop at the stated rate straight to the subgraph; for each RegisterCountSet event, " +
        "outbox.time (the command's transaction) → the consumer's inbox.handled_at (the transaction that updates its projection), both PostgreSQL clocks. " +
        "Relay p95: outbox.time → outbox.sent_at, the relay's part of it.",
      "",
      "| run | target rate | achieved | events | mutation errors | mutation p95 ms | relay p95 ms | consumer | handled | p50 ms | p95 ms | p99 ms | max ms |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    );
    runs.forEach((r, i) => {
      for (const e of [...(r.eventsAtLowerRates ?? []), ...(r.events ? [r.events] : [])]) {
        for (const c of e.consumers) {
          lines.push(
            `| ${i + 1} | ${e.targetRatePerSecond}/s | ${e.achievedRatePerSecond}/s | ${e.events} | ${e.mutationErrors} | ${fmt(e.mutationLatencyMs.p95)} | ${fmt(e.relayLatencyMs?.p95 ?? null)} | ${c.consumer} | ${c.handled}${c.missing ? ` (${c.missing} missing)` : ""} | ${fmt(c.latencyMs.p50)} | ${fmt(c.latencyMs.p95)} | ${fmt(c.latencyMs.p99)} | ${fmt(c.latencyMs.max)} |`,
          );
        }
      }
    });
    lines.push("");
    const withCpu = runs.find((r) => r.events?.cpu);
    if (withCpu)
      lines.push(
        `At ${withCpu.events!.targetRatePerSecond}/s: ${cpuLine(withCpu.events!.cpu!, withCpu.events!.events).replace("per request", "per event")}`,
        "",
      );
  } else lines.push("Event latency not measured (needs a consuming service).", "");
  if (runs.some((r) => r.relay)) {
    lines.push(
      "Outbox relay, maximum sustained rate (organization):",
      "",
      "| run | backlog | relay events/s | drained in | relay CPU ms/event | consumers (events/s over the drain) |",
      "|---|---|---|---|---|---|",
    );
    runs.forEach((r, i) => {
      const x = r.relay;
      if (x)
        lines.push(
          `| ${i + 1} | ${x.events} | ${x.relayPerSecond} | ${x.relaySeconds} s | ${x.relayCpuMsPerEvent ?? "–"} | ${x.consumers.map((c) => `${c.consumer} ${c.perSecond}/s (${c.handled} in ${c.seconds} s)`).join("; ")} |`,
        );
    });
    lines.push("", `Method: ${runs.find((r) => r.relay)!.relay!.method}.`, "");
  }
  lines.push(
    "## Memory (RSS)",
    "",
    "| service | " + runs.map((_, i) => `run ${i + 1} end MB | run ${i + 1} peak MB`).join(" | ") + " |",
    "|---|" + runs.map(() => "---|---|").join(""),
  );
  for (const service of r0?.rss.map((x) => x.service) ?? []) {
    lines.push(
      `| ${service} | ${runs
        .map((r) => {
          const x = r.rss.find((y) => y.service === service);
          return `${fmt(x?.endMb)} | ${fmt(x?.peakMb)}`;
        })
        .join(" | ")} |`,
    );
  }
  lines.push("", "## Data", "");
  for (const r of runs) {
    const g = r.generation;
    lines.push(
      `Run ${r.run}: ${Object.entries(g.counts.orgUnitsByDepth)
        .map(([k, v]) => `${v} ${k}`)
        .join(
          ", ",
        )} org units; ${g.counts.statisticians ?? "–"} statisticians, ${g.counts.assignments ?? "–"} posts, ${g.counts.filings ?? "–"} filings; ` +
        `${g.counts.sessions ?? "–"} sessions, ${g.counts.enrollments ?? "–"} enrolments, ${g.counts.certificates ?? "–"} certificates; ` +
        `${g.counts.budgetLines ?? "–"} budget lines, ${g.counts.disbursements ?? "–"} payments, ${g.counts.findings ?? "–"} findings, ${g.counts.ruleStatuses ?? "–"} rule results in evaluation` +
        `${g.financeEvaluation?.ruleStatuses ? ` (R8 of ${g.financeEvaluation.ruleStatuses.r8Projected}/${g.financeEvaluation.ruleStatuses.owners} line owners there after ${g.financeEvaluation.ruleStatuses.waitedSeconds} s)` : ""}; generated in ${g.elapsedSeconds} s (${g.phases.map((p) => `${p.phase} ${p.elapsedSeconds} s`).join(", ")}).`,
    );
  }
  lines.push("");
  for (const s of report.scales) lines.push(generateMarkdown(s));
  const errors = runs.flatMap((r, i) => r.errors.map((e) => `run ${i + 1}: ${e}`));
  if (errors.length) lines.push("## Problems during the runs", "", ...errors.map((e) => `- ${e}`), "");
  return `${lines.join("\n")}\n`;
}
