import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { callerOf, freshReads, post, type Caller, type Endpoint } from "../driver/endpoint";
import { newState, runFlows, type RunResult } from "../driver/runner";
import { requestBody, runSetup } from "../driver/steps";
import { progress } from "../generate/progress";
import type { Bench } from "../generate/suite";
import type { CpuSampler } from "../measure/cpu";
import { peerFigures, type PeerReport, type PeerScenarioReport, type PeerSide } from "../report/peer";
import { PARAMS, SCENARIOS, type ScenarioDef } from "../scenarios/definitions";
import type { Scope } from "../scenarios/template";
import type { RunningPeer } from "../peer/start-peer";

/**
 * The scenarios compared with the peer and their load: the computed dashboard with 10 concurrent
 * identical callers (the side-by-side), the fan-out at its own 4 connections.
 */
export const PEER_SCENARIOS: { scenario: string; connections: number }[] = [
  { scenario: "city-dashboard-fresh", connections: 10 },
  { scenario: "entity-fan-out", connections: 4 },
];
const HIVE_VERSION = (
  JSON.parse(readFileSync(require.resolve("@graphql-hive/gateway/package.json"), "utf8")) as {
    version: string;
  }
).version;
/** Loads per side: ours, peer, ours, peer (ours first, so neither side always follows the other's drain). */
const ROUNDS = 2;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Requests a closed loop abandoned at its end are still being worked off: wait about the slowest one. */
const drain = (result: RunResult) => sleep(Math.min(15_000, Math.max(2_000, result.latencyMs.max ?? 0)));

/** The first step of the scenario through both gateways for the same caller: is `data` deep-equal? */
export async function sameAnswer(
  ours: Endpoint,
  peer: Endpoint,
  caller: Caller,
  scenario: ScenarioDef,
  scope: Scope,
): Promise<{ same: boolean; ours: unknown; peer: unknown }> {
  const body = requestBody(scenario.flows[0].steps[0], scope, newState());
  const [a, b] = await Promise.all([post(ours, caller, body), post(peer, caller, body)]);
  const same =
    a.status === 200 && b.status === 200 && !a.errors && !b.errors && isDeepStrictEqual(a.data, b.data);
  return { same, ours: a, peer: b };
}

async function compareScenario(
  bench: Bench,
  peer: RunningPeer,
  cpu: CpuSampler,
  name: string,
  connections: number,
  secondsEach: number,
): Promise<PeerScenarioReport> {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (!scenario) throw new Error(`no scenario ${name}`);
  const state = newState();
  const caller = callerOf(scenario.identity, PARAMS, state);
  const scope: Scope = {
    ...PARAMS,
    ...(await runSetup(bench.gateway, caller, scenario.setup, PARAMS, state)),
  };
  // Ours past its response cache; the peer has none (the header changes nothing there).
  const ours = scenario.freshReads ? freshReads(bench.gateway) : bench.gateway;
  const theirs = scenario.freshReads ? freshReads(peer.endpoint) : peer.endpoint;
  const check = await sameAnswer(ours, theirs, caller, scenario, scope);
  if (!check.same)
    progress(
      `peer: ${name}: the answers differ (ours ${JSON.stringify(check.ours).slice(0, 200)} …; peer ${JSON.stringify(check.peer).slice(0, 200)} …)`,
    );
  const sides: Record<"ours" | "peer", PeerSide> = {
    ours: { runs: [], cpu: [] },
    peer: { runs: [], cpu: [] },
  };
  const load = (endpoint: Endpoint, seconds: number, c = connections) =>
    runFlows({
      endpoint,
      caller,
      flows: scenario.flows,
      scope,
      connections: c,
      durationSeconds: seconds,
      state,
    });
  for (const endpoint of [ours, theirs]) await drain(await load(endpoint, 3, Math.min(4, connections)));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, endpoint] of [
      ["ours", ours],
      ["peer", theirs],
    ] as const) {
      progress(
        `peer: ${name} through ${label === "ours" ? "our gateway" : "Hive Gateway"}, ${connections} connections, ${secondsEach} s`,
      );
      await cpu.begin();
      const result = await load(endpoint, secondsEach);
      sides[label].cpu.push(await cpu.end());
      sides[label].runs.push(result);
      progress(
        `peer: ${name} ${label}: ${result.requestsPerSecond} req/s, p95 ${result.latencyMs.p95} ms, errors ${(result.errorRate * 100).toFixed(2)}%`,
      );
      await drain(result);
    }
  }
  return {
    scenario: name,
    connections,
    secondsEach,
    sameData: check.same,
    ours: sides.ours,
    peer: sides.peer,
    figures: peerFigures(sides.ours, sides.peer),
  };
}

/** Every peer scenario, alternating our gateway and the peer; `cpu` samples the peer's process as `peer`. */
export async function comparePeer(
  bench: Bench,
  peer: RunningPeer,
  cpu: CpuSampler,
  secondsEach: number,
): Promise<PeerReport> {
  const scenarios: PeerScenarioReport[] = [];
  for (const { scenario, connections } of PEER_SCENARIOS) {
    await bench.settle(`peer: ${scenario}`, 60_000);
    scenarios.push(await compareScenario(bench, peer, cpu, scenario, connections, secondsEach));
  }
  return {
    peer: `@graphql-hive/gateway ${HIVE_VERSION}`,
    peerDeduplicates: peer.deduplicate,
    oursShares: process.env.SUBGRAPH_FETCH_SHARING !== "false",
    scenarios,
  };
}
