import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { orgUnitIdForCode } from "@grassroots/kit";
import { callGateway, startSuite, testIdNumber, waitFor, type RunningSuite } from "@grassroots/testing";

// The gateway's response cache, through real processes: summaries (org tree, staffing) are cached per
// caller for as long as the subgraphs' hints allow; a caller's own write shows at once; working lists
// are never cached; `Cache-Control: no-cache` reads fresh.

const ROOT = resolve(__dirname, "../../..");
const ORDOS_CSV = resolve(ROOT, "../shared/domain/ordos-divisions.csv");
const DALATE = "150621000000";
const SHULINZHAO = "150621100000"; // 树林召镇, a town of 达拉特旗

let suite: RunningSuite;
let bannerToken: string;
let inspectorToken: string;
let people = 0;

const day = (offset = 0) =>
  new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

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
  const text = await (await fetch(suite.gatewayUrl.replace("/graphql", "/metrics"))).text();
  return text
    .split("\n")
    .filter(
      (l) =>
        l.startsWith("gateway_subgraph_request_duration_seconds_count") && l.includes('subgraph="personnel"'),
    )
    .reduce((sum, l) => sum + Number(l.split(" ").pop()), 0);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function gql(query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await callGateway(suite.gatewayUrl, query, variables, bannerToken);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

/** The banner bureau registers a newcomer and appoints them at 树林召镇 (PENDING_TRAINING: no pre-post yet). */
async function appointNewcomer(): Promise<void> {
  const n = ++people;
  const { registerStatistician } = await gql(
    `mutation ($input: RegisterStatisticianInput!) { registerStatistician(input: $input) { id } }`,
    {
      input: {
        requestId: randomUUID(),
        orgUnitId: orgUnitIdForCode(SHULINZHAO),
        name: `缓存测试${n}`,
        idNumber: testIdNumber("150621", 500 + n),
      },
    },
  );
  await gql(
    `mutation ($input: AppointStatisticianInput!) { appointStatistician(input: $input) { assignment { status } } }`,
    {
      input: {
        requestId: randomUUID(),
        statisticianId: registerStatistician.id,
        orgUnitId: orgUnitIdForCode(SHULINZHAO),
        role: "FULL_TIME",
        establishment: "IN_ESTABLISHMENT",
        startDate: day(-1),
      },
    },
  );
}

beforeAll(async () => {
  suite = await startSuite(["organization", "personnel"]);
  execFileSync(process.execPath, ["dist/cli/import-divisions.js", "--file", ORDOS_CSV], {
    cwd: resolve(ROOT, "services/organization"),
    env: { ...process.env, DATABASE_URL: suite.databases.organization.url, LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  bannerToken = await suite.token("BANNER_ADMIN", DALATE);
  inspectorToken = await suite.token("INSPECTOR", DALATE);
  // Personnel learns the tree from organization's events; until then it knows no unit to staff.
  await waitFor(
    () =>
      appointNewcomer().then(
        () => true,
        () => false,
      ),
    "personnel to know 树林召镇",
    60000,
    500,
  );
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
});
