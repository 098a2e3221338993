import { decodeIdentity, orgUnitIdForCode } from "@grassroots/kit";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { sameAnswer } from "../src/bench/peer-run";
import { freshReads, post, type Caller } from "../src/driver/endpoint";
import type { RunResult } from "../src/driver/runner";
import { requestBody } from "../src/driver/steps";
import { startBench, type Bench } from "../src/generate/suite";
import { runServiceTool } from "../src/generate/tools";
import type { CpuResult } from "../src/measure/cpu";
import { identityHeaderOf, supergraphFor } from "../src/peer/peer-identity";
import { startHivePeer, type RunningPeer } from "../src/peer/start-peer";
import { peerFigures, peerMedians, peerSection, type PeerReport } from "../src/report/peer";
import { PARAMS, SCENARIOS } from "../src/scenarios/definitions";

const unsigned = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.signature-not-checked`;

const load = (requestsPerSecond: number, p95: number, requests: number, errors = 0): RunResult => ({
  endpoint: "x",
  connections: 10,
  durationSeconds: 20,
  requests,
  iterations: requests,
  requestsPerSecond,
  latencyMs: { count: requests, p50: p95 / 2, p95, p99: p95, max: p95 },
  httpErrors: errors,
  graphqlErrors: 0,
  errorRate: 0,
  accepted: {},
  succeeded: {},
  byOperation: {},
  errorSamples: [],
  transportErrors: 0,
});
const cpu = (cpuMs: Record<string, number>): CpuResult => ({
  seconds: 20,
  cpuMs,
  machineBusyMs: 0,
  otherMs: 0,
  cores: 2,
});

describe("#15: the peer comparison's figures (no database)", () => {
  const ours = {
    runs: [load(40, 300, 800), load(50, 200, 1000)],
    cpu: [
      cpu({ gateway: 4000, organization: 8000, personnel: 2000, peer: 0, "load generator": 900 }),
      cpu({ gateway: 5000, organization: 10000, personnel: 2500, peer: 0, "load generator": 1000 }),
    ],
  };
  const peer = {
    runs: [load(90, 120, 1800), load(110, 80, 2200, 3)],
    cpu: [
      cpu({ gateway: 0, organization: 2000, personnel: 1000, peer: 9000, "load generator": 2000 }),
      cpu({ gateway: 0, organization: 2000, personnel: 1000, peer: 11000, "load generator": 2000 }),
    ],
  };

  it("#15: throughput and p95 are means over the alternated loads, ratios ours ÷ peer", () => {
    const f = peerFigures(ours, peer);
    expect(f.ours.requestsPerSecond).toBe(45);
    expect(f.peer.requestsPerSecond).toBe(100);
    expect(f.throughputRatio).toBe(0.45);
    expect(f.ours.p95Ms).toBe(250);
    expect(f.peer.p95Ms).toBe(100);
    expect(f.p95Ratio).toBe(2.5);
    expect(f.peer.errors).toBe(3);
    expect(f.ours.errors).toBe(0);
  });

  it("#15: CPU per answer is each side's CPU over its answers; its own gateway process, the load generator left out of the total", () => {
    const f = peerFigures(ours, peer);
    // ours: 1,800 answers; gateway 9,000 ms, subgraphs 22,500 ms
    expect(f.ours.gatewayCpuMsPerAnswer).toBe(5);
    expect(f.ours.subgraphsCpuMsPerAnswer).toBe(12.5);
    expect(f.ours.totalCpuMsPerAnswer).toBe(17.5);
    // peer: 4,000 answers; its process is "peer", not our idle "gateway"
    expect(f.peer.gatewayCpuMsPerAnswer).toBe(5);
    expect(f.peer.subgraphsCpuMsPerAnswer).toBe(1.5);
    expect(f.peer.totalCpuMsPerAnswer).toBe(6.5);
    expect(f.peer.cpuMsPerAnswer["load generator"]).toBe(1);
    expect(f.cpuPerAnswerRatio).toBe(2.692);
  });

  it("#15: no loads give no ratio (not a division by zero), and the section names a run whose answers differed", () => {
    const empty = peerFigures({ runs: [], cpu: [] }, { runs: [], cpu: [] });
    expect(empty.throughputRatio).toBeNull();
    expect(empty.p95Ratio).toBeNull();
    expect(empty.ours.totalCpuMsPerAnswer).toBeNull();
    const report = (same: boolean, factor: number): PeerReport => ({
      peer: "@graphql-hive/gateway 2.15.1",
      peerDeduplicates: true,
      oursShares: true,
      scenarios: [
        {
          scenario: "city-dashboard-fresh",
          connections: 10,
          secondsEach: 20,
          sameData: same,
          ours: { runs: [load(40 * factor, 300, 800)], cpu: [] },
          peer: { runs: [load(80, 100, 1600)], cpu: [] },
          figures: peerFigures(
            { runs: [load(40 * factor, 300, 800)], cpu: [] },
            { runs: [load(80, 100, 1600)], cpu: [] },
          ),
        },
      ],
    });
    const medians = peerMedians([report(true, 1), undefined, report(true, 2), report(false, 1.5)]);
    expect(medians).toEqual([expect.objectContaining({ scenario: "city-dashboard-fresh", runs: 3 })]);
    expect(medians[0].throughputRatio).toBe(0.75);
    const text = peerSection([report(false, 1)]).join("\n");
    expect(text).toContain("| 1 | city-dashboard-fresh | **NO** |");
    expect(text).toContain("**0.5**");
    expect(peerSection([undefined])).toEqual([]);
  });
});

describe("#15: the peer's token → identity and supergraph (no database)", () => {
  it("#15: the identity header holds the claims as our gateway maps them (sub, roles, org, name)", () => {
    const org = orgUnitIdForCode("150600000000");
    const header = identityHeaderOf(
      `Bearer ${unsigned({ sub: "u-1", roles: ["CITY_ADMIN"], org, name: "王芳" })}`,
    );
    expect(decodeIdentity(header!)).toEqual({
      userId: "u-1",
      roles: ["CITY_ADMIN"],
      orgUnitId: org,
      name: "王芳",
    });
  });

  it("#15: a token without roles, with a role that does not exist, or no bearer token names no caller", () => {
    expect(identityHeaderOf(`Bearer ${unsigned({ sub: "u-1", org: "x" })}`)).toBeUndefined();
    expect(identityHeaderOf(`Bearer ${unsigned({ sub: "u-1", roles: ["ROOT"], org: "x" })}`)).toBeUndefined();
    expect(identityHeaderOf("Bearer not-a-jwt")).toBeUndefined();
    expect(identityHeaderOf(undefined)).toBeUndefined();
    expect(identityHeaderOf("Basic abc")).toBeUndefined();
  });

  it("#15: the committed supergraph is pointed at the suite's subgraph URLs; a subgraph it lacks is refused", () => {
    const sdl = readFileSync(resolve(__dirname, "../../gateway/supergraph.graphql"), "utf8");
    const out = supergraphFor(sdl, { organization: "http://127.0.0.1:1/graphql" });
    expect(out).toContain('@join__graph(name: "organization", url: "http://127.0.0.1:1/graphql")');
    expect(out).toContain('@join__graph(name: "personnel", url: "http://127.0.0.1:4002/graphql")');
    expect(() => supergraphFor(sdl, { nosuch: "http://127.0.0.1:1/graphql" })).toThrow(/no subgraph nosuch/);
  });
});

describe("#15: Hive Gateway as the bench's peer, on a suite with the Ordos tree", () => {
  let bench: Bench;
  let peer: RunningPeer;
  const dashboard = SCENARIOS.find((s) => s.name === "city-dashboard-fresh")!;
  const city: Caller = { role: "CITY_ADMIN", home: String(PARAMS.cityCode) };
  const banner: Caller = { role: "BANNER_ADMIN", home: String(PARAMS.bannerCode) };

  beforeAll(async () => {
    // The dashboard's three subgraphs; organization's own seed (the real tree), its events projected.
    process.env.LOAD_TESTS_SERVICES = "organization,personnel,training";
    bench = await startBench();
    const seeded = await runServiceTool(
      "organization",
      "seed",
      [],
      { DATABASE_URL: bench.suite.databases.organization.url },
      Date.now() + 180_000,
    );
    if (seeded.exitCode !== 0) throw new Error(`organization seed: ${seeded.errors.join("; ")}`);
    await bench.settle("peer test", 120_000);
    peer = await startHivePeer({
      subgraphUrls: bench.suite.subgraphUrls,
      token: (caller) => bench.suite.token(caller.role, caller.home),
    });
  }, 400_000);

  afterAll(async () => {
    await peer?.stop();
    await bench?.stop();
    delete process.env.LOAD_TESTS_SERVICES;
  }, 120_000);

  it("#15: the city dashboard's data through the peer deep-equals ours for the same caller", async () => {
    const check = await sameAnswer(
      freshReads(bench.gateway),
      freshReads(peer.endpoint),
      city,
      dashboard,
      PARAMS,
    );
    const ours = check.ours as { data: { orgUnitByCode: { children: { totalCount: number } } } };
    expect(ours.data.orgUnitByCode.children.totalCount).toBe(9);
    expect(check.peer).toEqual(check.ours);
    expect(check.same).toBe(true);
  });

  it("#15: the identity is the caller's: a banner's admin gets the same refusal and data through both, not the city's", async () => {
    const body = requestBody(dashboard.flows[0].steps[0], PARAMS, {
      random: Math.random,
      counters: {},
      salt: 0,
    });
    const [ours, theirs, cityAnswer] = await Promise.all([
      post(freshReads(bench.gateway), banner, body),
      post(freshReads(peer.endpoint), banner, body),
      post(freshReads(peer.endpoint), city, body),
    ]);
    expect(ours.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
    expect(theirs.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
    expect(theirs.data).toEqual(ours.data);
    expect(theirs.data).not.toEqual(cityAnswer.data);
  });

  it("#15: the peer refuses a request without a usable token (HTTP 401, UNAUTHENTICATED), as ours does", async () => {
    const body = JSON.stringify(
      requestBody(dashboard.flows[0].steps[0], PARAMS, { random: Math.random, counters: {}, salt: 0 }),
    );
    for (const url of [peer.url, bench.suite.gatewayUrl]) {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(res.status).toBe(401);
      const answer = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(answer.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    }
  });
});
