import { parseArgs } from "@grassroots/kit";
import { loadavg } from "node:os";
import { measureEventLatency, measureRelayRate, type EventLatencyResult } from "../measure/events";
import { CpuSampler, pidOfPort, type CpuResult } from "../measure/cpu";
import { median } from "../driver/stats";
import { progress } from "../generate/progress";
import { startBench } from "../generate/suite";
import { runServiceTool } from "../generate/tools";
import { PARAMS } from "../scenarios/definitions";

// node load-tests/dist/cli/event-latency.js [--rates 200,1000] [--runs 3] [--seconds 10] [--per-request 1,10]
//   [--writer mutation|sql] [--relay yes] [--services organization,personnel,...]
// Event latency alone (issue 15's "commit → projection" row), without the rest of the benchmark: a
// fresh suite (startSuite), organization's seed (the Ordos tree), then for each rate and run
// setRegisterCount sent open-loop straight to organization (src/measure/events.ts), printing each
// consumer's p50/p95/p99, the achieved rate and the CPU per event of each process; --relay yes also
// drains a 5,000-event backlog to give the relay's own rate and CPU per event.
// --per-request k sends k mutations per request as aliases (each its own command and transaction):
// one request per event cannot reach 1,000/s on two shared cores. --writer sql writes the command's
// effect (count, version, outbox row and NOTIFY) in one statement per event from this process, past
// the API, for the rates the API cannot take here (src/measure/events.ts).

const r1 = (n: number) => Math.round(n * 10) / 10;

function cpuPerEvent(cpu: CpuResult | undefined, events: number): string {
  if (!cpu || !events) return "-";
  return Object.entries(cpu.cpuMs)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${(ms / events).toFixed(2)}`)
    .join(", ");
}

function line(run: number, r: EventLatencyResult): string {
  const slowest = [...r.consumers].sort((a, b) => (b.latencyMs.p95 ?? 0) - (a.latencyMs.p95 ?? 0))[0];
  const consumers = r.consumers
    .map(
      (c) =>
        `${c.consumer} p50 ${c.latencyMs.p50} p95 ${c.latencyMs.p95} p99 ${c.latencyMs.p99}${c.missing ? ` (${c.missing} missing)` : ""}`,
    )
    .join("; ");
  return (
    `run ${run} at ${r.targetRatePerSecond}/s (${r.writer === "sql" ? "sql writer" : `x${r.perRequest ?? 1} per request`}): achieved ${r.achievedRatePerSecond}/s, ${r.events} events, ` +
    `${r.mutationErrors} errors, mutation p95 ${r.mutationLatencyMs.p95} ms; relay (commit → sent) p50 ${r.relayLatencyMs?.p50} p95 ${r.relayLatencyMs?.p95} ms; slowest p95 ${slowest?.latencyMs.p95} ms (${slowest?.consumer}); ` +
    `${consumers}; CPU ms/event: ${cpuPerEvent(r.cpu, r.events)}; load ${loadavg().map(r1).join(" ")}`
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const rates = (args.rates ?? "200,1000").split(",").map(Number);
  const runs = Math.max(1, Number(args.runs ?? 3));
  const seconds = Number(args.seconds ?? 10);
  // One figure, or one per rate (--rates 200,1000 --per-request 1,10).
  const perRequests = (args["per-request"] ?? "1").split(",").map(Number);
  const perRequestAt = (i: number) => perRequests[Math.min(i, perRequests.length - 1)];
  if (args.services) process.env.LOAD_TESTS_SERVICES = args.services;
  const writer = args.writer === "sql" ? "sql" : "mutation";
  const loadBefore = loadavg().map(r1);
  const bench = await startBench();
  // Stopped early (Ctrl-C, kill): the suite's processes and throwaway databases go with it.
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void bench.stop().finally(() => process.exit(130)));
  try {
    const org = bench.suite.databases.organization.url;
    progress("organization: seeding the Ordos tree");
    await runServiceTool("organization", "seed", [], { DATABASE_URL: org }, Date.now() + 600_000);
    await bench.settle("seed", 300_000);
    const pids: Record<string, number> = {};
    for (const [name, url] of Object.entries(bench.suite.subgraphUrls)) {
      const pid = pidOfPort(Number(new URL(url).port));
      if (pid) pids[name] = pid;
    }
    const kafka = pidOfPort(
      Number((process.env.KAFKA_BROKERS ?? "127.0.0.1:19092").split(",")[0].split(":")[1]),
    );
    if (kafka) pids.kafka = kafka;
    const admin = await bench.db("organization");
    const cpu = new CpuSampler(
      pids,
      admin,
      Object.values(bench.suite.databases).map((d) => d.name),
    );
    const caller = { role: "CITY_ADMIN" as const, home: String(PARAMS.cityCode) };
    const results: EventLatencyResult[] = [];
    for (const [i, rate] of rates.entries()) {
      const perRequest = perRequestAt(i);
      for (let run = 1; run <= runs; run++) {
        await bench.settle(`event latency at ${rate}/s`, 120_000);
        const result = await measureEventLatency(bench, { rate, seconds, caller, cpu, perRequest, writer });
        results.push(result);
        process.stdout.write(`${line(run, result)}\n`);
      }
    }
    for (const rate of rates) {
      const at = results.filter((r) => r.targetRatePerSecond === rate);
      const slowest = at.map((r) => Math.max(...r.consumers.map((c) => c.latencyMs.p95 ?? Infinity)));
      process.stdout.write(
        `median at ${rate}/s over ${at.length} runs: slowest consumer p95 ${median(slowest)} ms (runs ${slowest.join(", ")}), achieved ${median(at.map((r) => r.achievedRatePerSecond))}/s\n`,
      );
    }
    if (args.relay === "yes") {
      await bench.settle("relay rate", 120_000);
      const relay = await measureRelayRate(bench, { events: 5000, caller, cpu });
      process.stdout.write(
        `relay: ${relay.events} events in ${relay.relaySeconds} s = ${relay.relayPerSecond}/s; organization (the relay) CPU ${relay.relayCpuMsPerEvent ?? "-"} ms/event; ` +
          `consumers ${relay.consumers.map((c) => `${c.consumer} ${c.perSecond}/s`).join(", ")}\n`,
      );
    }
    process.stdout.write(`load before ${loadBefore.join(" ")}, after ${loadavg().map(r1).join(" ")}\n`);
  } finally {
    await bench.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
