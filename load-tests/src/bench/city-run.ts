import { cpus, loadavg } from "node:os";
import { callerOf, freshReads, type Caller, type Endpoint } from "../driver/endpoint";
import { newState, runFlows, type RunResult } from "../driver/runner";
import { runSetup, runStep } from "../driver/steps";
import { generate, type GenerateResult } from "../generate/generator";
import { grow, type GrowthResult } from "../generate/growth";
import { checkDataSizes, type DataSizeCheck, type ScenarioContext } from "./data-sizes";
import { progress } from "../generate/progress";
import { BENCH_ENV, startBench, type Bench } from "../generate/suite";
import {
  measureEventLatency,
  measureRelayRate,
  type EventLatencyResult,
  type RelayRateResult,
} from "../measure/events";
import { RssSampler, type RssResult } from "../measure/rss";
import { CpuSampler, pidOfPort, type CpuResult } from "../measure/cpu";
import {
  checkListSizes,
  countStatements,
  StatementCounter,
  type ListSizeCheck,
  type StatementCount,
} from "../measure/sql";
import { OPERATIONS, OVERHEAD, PARAMS, SCENARIOS, TARGETS, type ScenarioDef } from "../scenarios/definitions";
import { extract, type Json, type Scope } from "../scenarios/template";
import { gatewayCost } from "../scenarios/supergraph";
import { startHivePeer } from "../peer/start-peer";
import type { PeerReport } from "../report/peer";
import { comparePeer } from "./peer-run";

export interface BurstVerification {
  versionBefore: number;
  versionAfter: number;
  historyBefore: number;
  historyAfter: number;
  acceptedWrites: number;
  conflicts: number;
  /** Accepted writes = version increase = new history entries, and every refusal a CONFLICT. */
  noLostUpdate: boolean;
}

export interface ScenarioReport {
  name: string;
  title: string;
  caller: Caller;
  thresholds: ScenarioDef["thresholds"];
  load?: RunResult;
  /** CPU each process used during the load. */
  cpu?: CpuResult;
  /** City dashboard only: p95 at fixed arrival rates (50 connections), up to the first rate that misses. */
  capacity?: { rate: number; result: RunResult }[];
  sql?: { operations: StatementCount[]; listSizes: ListSizeCheck[] };
  gatewayCost: Record<string, number | null>;
  verify?: BurstVerification;
  /** The same operation's statements on the seeded city and after the growth (src/generate/growth.ts). */
  dataSizes?: DataSizeCheck[];
  error?: string;
}

export interface OverheadReport {
  operation: string;
  connections: number;
  secondsEach: number;
  gateway: RunResult[];
  direct: RunResult[];
  gatewayCpu: CpuResult[];
  directCpu: CpuResult[];
  gatewayRps: number;
  directRps: number;
  throughputRatio: number;
  gatewayP95Ms: number | null;
  directP95Ms: number | null;
  p95DifferenceMs: number | null;
  sql?: ListSizeCheck;
}

export interface RunReport {
  run: number;
  startedAt: string;
  machine: { cpus: number; loadBefore: number[]; loadAfter: number[]; node: string };
  env: Record<string, string>;
  services: string[];
  generation: GenerateResult;
  scenarios: ScenarioReport[];
  overhead?: OverheadReport;
  /** What the data-size checks added to the city before measuring again. */
  growth?: GrowthResult;
  /** At the target rate (the target's figure). */
  events?: EventLatencyResult;
  /** At lower rates, for reference: latency when the machine is not saturated. */
  eventsAtLowerRates?: EventLatencyResult[];
  relay?: RelayRateResult;
  /** The same scenarios through Hive Gateway, alternating with ours (--peer hive). */
  peer?: PeerReport;
  rss: RssResult[];
  errors: string[];
}

export interface CityRunOptions {
  /** Shorter loads for a smoke run (seconds per scenario). */
  durationSeconds?: number;
  scenarios?: string[];
  generateBudgetSeconds?: number;
  /** The dashboard's capacity steps (default on). */
  capacity?: boolean;
  /** The gateway overhead, event latency and relay rate (default on; off for a run of a few scenarios). */
  extras?: boolean;
  /** Also serve the computed dashboard and the fan-out through this peer gateway, alternating with ours. */
  peer?: "hive";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * After a closed-loop load, the services still work off the requests autocannon abandoned at the end
 * (up to one per connection): wait about as long as the slowest request took, so the next phase
 * starts on an idle suite.
 */
const drain = (result: RunResult | undefined) =>
  sleep(Math.min(15_000, Math.max(2_000, result?.latencyMs.max ?? 0)));

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const r1 = (n: number) => Math.round(n * 10) / 10;

async function warmUp(endpoint: Endpoint, caller: Caller, scenario: ScenarioDef, scope: Scope) {
  const result = await runFlows({
    endpoint,
    caller,
    flows: scenario.flows,
    scope,
    connections: Math.min(4, scenario.load.connections),
    durationSeconds: 3,
  });
  await drain(result);
}

async function runScenario(
  bench: Bench,
  counter: StatementCounter,
  cpu: CpuSampler,
  scenario: ScenarioDef,
  options: CityRunOptions,
  contexts: ScenarioContext[],
): Promise<ScenarioReport> {
  const state = newState();
  const caller = callerOf(scenario.identity, PARAMS, state);
  const report: ScenarioReport = {
    name: scenario.name,
    title: scenario.title,
    caller,
    thresholds: scenario.thresholds,
    gatewayCost: {},
  };
  // The load goes as the scenario says; SQL counts always past the cache (a hit sends no statement).
  const endpoint = scenario.freshReads ? freshReads(bench.gateway) : bench.gateway;
  const fresh = freshReads(bench.gateway);
  try {
    progress(`${scenario.name}: setup`);
    const fixtures = await runSetup(bench.gateway, caller, scenario.setup, PARAMS, state);
    const scope: Scope = { ...PARAMS, ...fixtures };
    if (scenario.dataSizes?.length) contexts.push({ scenario, caller, scope, state });
    for (const step of scenario.flows.flatMap((f) => f.steps)) {
      if (!(step.operation in report.gatewayCost)) {
        const variables = { ...(JSON.parse(JSON.stringify(step.variables)) as Record<string, Json>) };
        report.gatewayCost[step.operation] = gatewayCost(step.operation, variables);
      }
    }
    await bench.settle(scenario.name, 60_000);
    progress(`${scenario.name}: SQL statements per operation`);
    const operations: StatementCount[] = [];
    for (const flow of scenario.flows) {
      const writes = flow.steps.some((s) => OPERATIONS[s.operation].document.trim().startsWith("mutation"));
      operations.push(
        ...(await countStatements(counter, fresh, caller, flow.steps, scope, state, {
          reps: writes ? 3 : 5,
          settleMs: writes ? 400 : 0,
        })),
      );
    }
    const listSizes = await checkListSizes(counter, fresh, caller, scenario, scope, state);
    report.sql = { operations, listSizes };

    await warmUp(endpoint, caller, scenario, scope);
    let before: { version: number; history: number } | undefined;
    if (scenario.verify) before = await burstState(bench, caller, scenario, scope, state);
    const connections = scenario.load.connections;
    const durationSeconds = options.durationSeconds ?? scenario.load.durationSeconds;
    progress(
      `${scenario.name}: ${connections} connections for ${durationSeconds} s${scenario.load.maxIterations ? ` (at most ${scenario.load.maxIterations} flows)` : ""}`,
    );
    await cpu.begin();
    report.load = await runFlows({
      endpoint,
      caller,
      flows: scenario.flows,
      scope,
      connections,
      durationSeconds,
      maxIterations: scenario.load.maxIterations,
      state,
    });
    report.cpu = await cpu.end();
    await drain(report.load);
    progress(
      `${scenario.name}: ${report.load.requestsPerSecond} req/s, p50 ${report.load.latencyMs.p50} ms, p95 ${report.load.latencyMs.p95} ms, p99 ${report.load.latencyMs.p99} ms, errors ${(report.load.errorRate * 100).toFixed(2)}%`,
    );
    if (scenario.name.startsWith("city-dashboard") && options.capacity !== false) {
      report.capacity = [];
      for (const rate of [2, 5, 10, 20, 40]) {
        progress(`${scenario.name}: capacity at ${rate} req/s (${connections} connections)`);
        const result = await runFlows({
          endpoint,
          caller,
          flows: scenario.flows,
          scope,
          connections,
          durationSeconds: Math.min(10, durationSeconds),
          rate,
          state,
        });
        report.capacity.push({ rate, result });
        await drain(result);
        if (
          (result.latencyMs.p95 ?? Infinity) >= TARGETS.dashboardP95Ms ||
          result.requestsPerSecond < rate * 0.9
        )
          break;
      }
    }
    if (scenario.verify && before) {
      const after = await burstState(bench, caller, scenario, scope, state);
      const acceptedWrites = report.load.succeeded.SetRegisterCount ?? 0;
      const conflicts = report.load.accepted.CONFLICT ?? 0;
      report.verify = {
        versionBefore: before.version,
        versionAfter: after.version,
        historyBefore: before.history,
        historyAfter: after.history,
        acceptedWrites,
        conflicts,
        noLostUpdate:
          after.version - before.version === acceptedWrites &&
          after.history - before.history === acceptedWrites &&
          report.load.graphqlErrors === 0,
      };
    }
  } catch (error) {
    report.error = (error as Error).message;
    progress(`${scenario.name}: FAILED: ${report.error}`);
  }
  return report;
}

async function burstState(
  bench: Bench,
  caller: Caller,
  scenario: ScenarioDef,
  scope: Scope,
  state: ReturnType<typeof newState>,
) {
  const verify = scenario.verify!;
  const { response } = await runStep(
    bench.gateway,
    caller,
    { operation: verify.operation, variables: verify.variables },
    scope,
    state,
  );
  const history = extract(response.data, verify.history);
  return {
    version: Number(extract(response.data, verify.version)),
    history: Array.isArray(history) ? history.length : -1,
  };
}

async function gatewayOverhead(
  bench: Bench,
  counter: StatementCounter,
  cpu: CpuSampler,
  durationSeconds: number,
): Promise<OverheadReport> {
  const state = newState();
  const caller = callerOf(OVERHEAD.identity, PARAMS, state);
  const fixtures = await runSetup(bench.gateway, caller, OVERHEAD.setup, PARAMS, state);
  const scope = { ...PARAMS, ...fixtures };
  const flows = [
    {
      name: "overhead",
      weight: 1,
      steps: [{ operation: OVERHEAD.operation, variables: OVERHEAD.variables }],
    },
  ];
  const direct = bench.subgraph(OVERHEAD.subgraph);
  // Both sides compute the answer: through the gateway past its response cache.
  const gatewayFresh = freshReads(bench.gateway);
  const gateway: RunResult[] = [];
  const straight: RunResult[] = [];
  const gatewayCpu: CpuResult[] = [];
  const directCpu: CpuResult[] = [];
  await drain(
    await runFlows({ endpoint: gatewayFresh, caller, flows, scope, connections: 4, durationSeconds: 3 }),
  );
  await drain(await runFlows({ endpoint: direct, caller, flows, scope, connections: 4, durationSeconds: 3 }));
  // Alternating, so a drift of the machine's load touches both sides alike.
  for (let i = 0; i < 2; i++) {
    progress(
      `gateway overhead: ${OVERHEAD.operation} through the gateway, ${OVERHEAD.connections} connections, ${durationSeconds} s`,
    );
    await cpu.begin();
    gateway.push(
      await runFlows({
        endpoint: gatewayFresh,
        caller,
        flows,
        scope,
        connections: OVERHEAD.connections,
        durationSeconds,
      }),
    );
    gatewayCpu.push(await cpu.end());
    await drain(gateway[gateway.length - 1]);
    progress(`gateway overhead: ${OVERHEAD.operation} straight to ${OVERHEAD.subgraph}`);
    await cpu.begin();
    straight.push(
      await runFlows({
        endpoint: direct,
        caller,
        flows,
        scope,
        connections: OVERHEAD.connections,
        durationSeconds,
      }),
    );
    directCpu.push(await cpu.end());
    await drain(straight[straight.length - 1]);
  }
  const gatewayRps = r1(mean(gateway.map((r) => r.requestsPerSecond)));
  const directRps = r1(mean(straight.map((r) => r.requestsPerSecond)));
  const gp95 = mean(gateway.map((r) => r.latencyMs.p95 ?? NaN));
  const dp95 = mean(straight.map((r) => r.latencyMs.p95 ?? NaN));
  const [sql] = await checkListSizes(
    counter,
    gatewayFresh,
    caller,
    { ...SCENARIOS[0], flows, listSizes: [{ operation: OVERHEAD.operation, ...OVERHEAD.listSizes }] },
    scope,
    state,
  );
  return {
    operation: OVERHEAD.operation,
    connections: OVERHEAD.connections,
    secondsEach: durationSeconds,
    gateway,
    direct: straight,
    gatewayCpu,
    directCpu,
    gatewayRps,
    directRps,
    throughputRatio: directRps ? Math.round((gatewayRps / directRps) * 1000) / 1000 : 0,
    gatewayP95Ms: r1(gp95),
    directP95Ms: r1(dp95),
    p95DifferenceMs: r1(gp95 - dp95),
    sql,
  };
}

/** One complete run at city scale: a fresh suite, the data, every scenario and measurement, the suite stopped. */
export async function cityRun(run: number, options: CityRunOptions = {}): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg().map(r1);
  const errors: string[] = [];
  const bench = await startBench();
  const rss = RssSampler.forSuite(bench.suite.gatewayUrl, bench.suite.subgraphUrls);
  let counter: StatementCounter | undefined;
  try {
    const generation = await generate(bench, "city", options.generateBudgetSeconds ?? 900);
    const statuses = generation.financeEvaluation?.ruleStatuses;
    if (statuses && !statuses.settled)
      errors.push(
        `generation: evaluation had the R8 result of ${statuses.r8Projected} of ${statuses.owners} line owners after ${statuses.waitedSeconds} s (its consumer behind or failing: see the services' log lines on stdout); the scorecard's figures are not all of the seeded data`,
      );
    rss.start();
    counter = await StatementCounter.connect(
      Object.fromEntries(Object.entries(bench.suite.databases).map(([s, d]) => [s, d.name])),
    );
    const port = (url: string) => Number(new URL(url).port);
    const pids: Record<string, number> = {};
    for (const [name, url] of Object.entries({
      gateway: bench.suite.gatewayUrl,
      ...bench.suite.subgraphUrls,
    })) {
      const pid = pidOfPort(port(url));
      if (pid) pids[name] = pid;
    }
    const kafkaPid = pidOfPort(
      Number((process.env.KAFKA_BROKERS ?? "127.0.0.1:19092").split(",")[0].split(":")[1]),
    );
    if (kafkaPid) pids.kafka = kafkaPid;
    const cpu = new CpuSampler(
      pids,
      counter.admin,
      Object.values(bench.suite.databases).map((d) => d.name),
    );
    const scenarios: ScenarioReport[] = [];
    const contexts: ScenarioContext[] = [];
    for (const scenario of SCENARIOS.filter(
      (s) => !options.scenarios || options.scenarios.includes(s.name),
    )) {
      scenarios.push(await runScenario(bench, counter, cpu, scenario, options, contexts));
    }
    let events: EventLatencyResult | undefined;
    const eventsAtLowerRates: EventLatencyResult[] = [];
    let relay: RelayRateResult | undefined;
    const admin = { role: "CITY_ADMIN" as const, home: String(PARAMS.cityCode) };
    const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await fn();
      } catch (error) {
        errors.push(`${what}: ${(error as Error).message}`);
        progress(`${what}: FAILED: ${(error as Error).message}`);
        return undefined;
      }
    };
    let peer: PeerReport | undefined;
    if (options.peer === "hive") {
      peer = await attempt("peer (Hive Gateway)", async () => {
        const running = await startHivePeer({
          subgraphUrls: bench.suite.subgraphUrls,
          token: (caller) => bench.suite.token(caller.role, caller.home),
        });
        try {
          const peerCpu = new CpuSampler(
            { ...pids, peer: running.pid },
            counter!.admin,
            Object.values(bench.suite.databases).map((d) => d.name),
          );
          return await comparePeer(bench, running, peerCpu, options.durationSeconds ?? 30);
        } finally {
          await running.stop();
        }
      });
    }
    const extras = options.extras !== false;
    if (extras) await bench.settle("gateway overhead", 60_000);
    const overhead = !extras
      ? undefined
      : await attempt("gateway overhead", () =>
          gatewayOverhead(
            bench,
            counter!,
            cpu,
            options.durationSeconds
              ? Math.min(options.durationSeconds, OVERHEAD.durationSeconds)
              : OVERHEAD.durationSeconds,
          ),
        );
    if (extras && bench.services.length > 1) {
      await bench.settle("event latency", 60_000);
      const eventSeconds = options.durationSeconds ? Math.min(options.durationSeconds, 20) : 20;
      for (const rate of [50, 100]) {
        const lower = await attempt(`event latency at ${rate}/s`, () =>
          measureEventLatency(bench, { rate, seconds: eventSeconds, caller: admin, cpu }),
        );
        if (lower) eventsAtLowerRates.push(lower);
        await bench.settle("event latency", 60_000);
      }
      events = await attempt("event latency", () =>
        measureEventLatency(bench, {
          rate: TARGETS.eventRatePerSecond,
          seconds: eventSeconds,
          caller: admin,
          cpu,
        }),
      );
      await bench.settle("relay rate", 120_000);
      relay = await attempt("relay rate", () =>
        measureRelayRate(bench, { events: 5000, caller: admin, cpu }),
      );
    }
    // Last, so every other figure is of the seeded city: measure, add banners, units and lines, measure again.
    let growth: GrowthResult | undefined;
    if (contexts.length) {
      await bench.settle("data sizes", 60_000);
      const measured = await attempt("data sizes", () =>
        checkDataSizes(counter!, freshReads(bench.gateway), contexts, () => grow(bench)),
      );
      growth = measured?.growth;
      if (growth && !growth.complete)
        errors.push(
          "data sizes: the growth's units or R8 results did not all reach evaluation in time; a scorecard that did not grow proves nothing",
        );
      for (const s of scenarios) s.dataSizes = measured?.checks.get(s.name);
    }
    return {
      run,
      startedAt,
      machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg().map(r1), node: process.version },
      env: BENCH_ENV,
      services: bench.services,
      generation,
      scenarios,
      overhead,
      growth,
      events,
      eventsAtLowerRates,
      relay,
      peer,
      rss: await rss.finish(),
      errors,
    };
  } finally {
    await counter?.close().catch(() => undefined);
    await bench.stop();
  }
}
