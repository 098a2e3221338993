import { randomUUID } from "node:crypto";
import { orgUnitIdForCode } from "@grassroots/kit";
import { callGateway, startSuite, testEnv, type RunningSuite } from "@grassroots/testing";
import {
  appointNewcomer as appoint,
  DALATE,
  gatewayClient,
  importOrdosDivisions,
  SHULINZHAO,
} from "../support/ordos-suite";

// The gateway's response cache, through real processes: summaries (org tree, staffing) are cached per
// caller for as long as the subgraphs' hints allow; a caller's own write shows at once; working lists
// are never cached; `Cache-Control: no-cache` reads fresh.

let suite: RunningSuite;
let bannerToken: string;
let inspectorToken: string;
let people = 0;

const STAFFING = `query ($code: String!) { orgUnitByCode(code: $code) { code
  children(first: 50) { edges { node { code staffing { compliant counts { active pending } } } } } } }`;
const STATISTICIANS = `query ($code: String!) { orgUnitByCode(code: $code) { code statisticians(first: 5) { totalCount } } }`;

interface StaffingAnswer {
  orgUnitByCode: {
    children: { edges: { node: { code: string; staffing: { counts: { pending: number } } } }[] };
  };
}

async function read(token: string, headers: Record<string, string> = {}) {
  const res = await callGateway<StaffingAnswer>(suite.gatewayUrl, STAFFING, { code: DALATE }, token, headers);
  expect(res.errors).toBeUndefined();
  const town = res.data!.orgUnitByCode.children.edges.find((e) => e.node.code === SHULINZHAO)!;
  return {
    pending: town.node.staffing.counts.pending,
    age: res.headers!.get("age"),
    cacheControl: res.headers!.get("cache-control"),
    data: res.data,
  };
}

/** How many requests the gateway has sent to personnel so far (its /metrics). */
async function personnelCalls(): Promise<number> {
  const text = await (
    await fetch(suite.gatewayUrl.replace("/graphql", "/metrics"), {
      headers: { authorization: `Bearer ${testEnv.internalSecret}` },
    })
  ).text();
  return text
    .split("\n")
    .filter(
      (l) =>
        l.startsWith("gateway_subgraph_request_duration_seconds_count") && l.includes('subgraph="personnel"'),
    )
    .reduce((sum, l) => sum + Number(l.split(" ").pop()), 0);
}

const gql = gatewayClient(
  () => suite,
  () => bannerToken,
);

/** The banner bureau appoints a newcomer at 树林召镇 (PENDING_TRAINING: no pre-post yet). */
const appointNewcomer = () => appoint(gql, `缓存测试${++people}`, 500 + people);

beforeAll(async () => {
  suite = await startSuite(["organization", "personnel"]);
  importOrdosDivisions(suite);
  bannerToken = await suite.token("BANNER_ADMIN", DALATE);
  inspectorToken = await suite.token("INSPECTOR", DALATE);
  // Waits until personnel has learnt the tree from organization's events.
  await appointNewcomer();
}, 180000);

afterAll(async () => {
  await suite?.stop();
});

describe("the gateway's response cache", () => {
  it("R3/R4 summaries: asked again within their age, the answer comes from the cache, shared only by callers with the same roles and home unit", async () => {
    const first = await read(bannerToken);
    expect(first.age).toBeNull();
    expect(first.cacheControl).toBe("max-age=15, private");
    const second = await read(bannerToken);
    expect(second.age).not.toBeNull();
    expect(second.data).toEqual(first.data);
    // A colleague at the same bureau with the same role sees the same objects: same cached answer.
    const colleague = await read(await suite.token("BANNER_ADMIN", DALATE, "colleague"));
    expect(colleague.age).not.toBeNull();
    expect(colleague.data).toEqual(first.data);
    // Another role (other masking) or another area never gets the banner bureau's answer.
    expect((await read(inspectorToken)).age).toBeNull();
    expect((await read(await suite.token("BANNER_ADMIN", "150600000000"))).age).toBeNull();
  });

  it("a caller's own appointment shows in their next read at once; another caller's cached answer shows it with Cache-Control: no-cache", async () => {
    const before = await read(bannerToken);
    await read(inspectorToken);
    await appointNewcomer();
    const own = await read(bannerToken);
    expect(own.age).toBeNull();
    expect(own.pending).toBe(before.pending + 1);
    // The inspector's answer is still within its age: stale until it expires or they ask for fresh.
    const cached = await read(inspectorToken);
    expect(cached.age).not.toBeNull();
    expect(cached.pending).toBe(before.pending);
    const fresh = await read(inspectorToken, { "cache-control": "no-cache" });
    expect(fresh.age).toBeNull();
    expect(fresh.pending).toBe(before.pending + 1);
  });

  it("identical queries that miss the cache at the same moment are computed once", async () => {
    const token = await suite.token("CITY_ADMIN", "150600000000");
    const before = await personnelCalls();
    const answers = await Promise.all(Array.from({ length: 10 }, () => read(token)));
    expect((await personnelCalls()) - before).toBe(1);
    for (const a of answers) expect(a.data).toEqual(answers[0].data);
    expect(answers.filter((a) => a.cacheControl === "max-age=15, private")).toHaveLength(10);
  });

  it("working lists (statisticians) are never cached: every read is fresh", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await callGateway(suite.gatewayUrl, STATISTICIANS, { code: DALATE }, bannerToken);
      expect(res.errors).toBeUndefined();
      expect(res.headers!.get("age")).toBeNull();
      expect(res.headers!.get("cache-control")).toBe("no-store");
    }
  });

  it("a failed mutation does not count as a write, and mutations themselves are never cached", async () => {
    await read(bannerToken);
    const refused = await callGateway(
      suite.gatewayUrl,
      `mutation ($input: RegisterStatisticianInput!) { registerStatistician(input: $input) { id } }`,
      {
        input: {
          requestId: randomUUID(),
          orgUnitId: orgUnitIdForCode(SHULINZHAO),
          name: "坏号码",
          idNumber: "150621199001011234",
        },
      },
      bannerToken,
    );
    expect(refused.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.headers!.get("age")).toBeNull();
    expect((await read(bannerToken)).age).not.toBeNull();
  });

  it("#15: identical uncached reads (a working list) in flight at once share their subgraph requests, never across callers", async () => {
    const list = (token: string) =>
      callGateway<{ orgUnitByCode: { statisticians: { totalCount: number } } }>(
        suite.gatewayUrl,
        STATISTICIANS,
        { code: DALATE },
        token,
      );
    const before = await personnelCalls();
    const answers = await Promise.all(Array.from({ length: 10 }, () => list(bannerToken)));
    const sharedCalls = (await personnelCalls()) - before;
    for (const a of answers) {
      expect(a.errors).toBeUndefined();
      expect(a.headers!.get("cache-control")).toBe("no-store");
      expect(a.data).toEqual(answers[0].data);
    }
    // Ten answers, computed by personnel once or a few times (the later ones join whichever request is in flight).
    expect(sharedCalls).toBeLessThanOrEqual(5);
    // Two callers with the same role and unit still get a request each: identities are never mixed.
    const colleague = await suite.token("BANNER_ADMIN", DALATE, "colleague");
    const mid = await personnelCalls();
    await Promise.all([list(bannerToken), list(colleague), list(bannerToken), list(colleague)]);
    expect((await personnelCalls()) - mid).toBeGreaterThanOrEqual(2);
    process.stdout.write(`#15: 10 identical uncached reads → ${sharedCalls} personnel request(s)\n`);
  });
});
