import { orgUnitIdForCode } from "@grassroots/kit";
import { OrgUnitCreated } from "@grassroots/events";
import { callGateway, readTopicWithKcat, startSuite, waitFor, type RunningSuite } from "@grassroots/testing";
import { importOrdosDivisions } from "../support/ordos-suite";

// The whole path a clerk's change takes: client → gateway (JWT) → organization subgraph → PostgreSQL
// + outbox → relay → Kafka → an integrator reading with kcat. Real processes, database and broker.

let suite: RunningSuite;

const CREATE = `mutation Create($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id code name kind } }`;

/** Org-unit events about one unit published since this test file started, as kcat sees them. */
async function eventsAbout(unitId: string) {
  const messages = await readTopicWithKcat(`${suite.topicPrefix}${OrgUnitCreated.topic}`);
  return messages.filter((m) => m.headers.ce_subject === unitId);
}

beforeAll(async () => {
  suite = await startSuite(["organization"]);
  importOrdosDivisions(suite);
}, 120000);

afterAll(async () => {
  await suite?.stop();
});

describe("the suite end to end", () => {
  it("R1: the gateway answers a query for the Ordos tree", async () => {
    const token = await suite.token("CITY_ADMIN", "150600000000");
    const res = await callGateway(
      suite.gatewayUrl,
      `{ orgUnitByCode(code: "150600000000") { name kind children(first: 20) { totalCount edges { node { code name kind } } } } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    const city = res.data!.orgUnitByCode;
    expect(city).toMatchObject({ name: "鄂尔多斯市", kind: "CITY" });
    expect(city.children.totalCount).toBe(9);
    expect(city.children.edges.map((e: { node: { name: string } }) => e.node.name)).toContain("达拉特旗");
  });

  it("no token: UNAUTHENTICATED, and nothing is answered", async () => {
    const res = await callGateway(suite.gatewayUrl, `{ orgUnitByCode(code: "150600000000") { name } }`);
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.orgUnitByCode).toBeUndefined();
  });

  it("a request straight to the subgraph without the internal secret is refused", async () => {
    const res = await fetch(suite.subgraphUrls.organization, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ orgUnitByCode(code: "150600000000") { name } }` }),
    });
    expect(res.status).toBe(401);
  });

  it("R1: a mutation through the gateway publishes exactly one CloudEvent, read back with kcat", async () => {
    const token = await suite.token("BANNER_ADMIN", "150621000000");
    const parentId = orgUnitIdForCode("150621001000"); // 工业街道, 达拉特旗
    const res = await callGateway(
      suite.gatewayUrl,
      CREATE,
      { input: { parentId, code: "150621001188", name: "测试社区", kind: "COMMUNITY" } },
      token,
    );
    expect(res.errors).toBeUndefined();
    const unit = res.data!.createOrgUnit;
    expect(unit).toMatchObject({
      code: "150621001188",
      kind: "COMMUNITY",
      id: orgUnitIdForCode("150621001188"),
    });

    await waitFor(async () => (await eventsAbout(unit.id)).length > 0, "the event on the topic", 30000, 500);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would arrive within the relay's next poll
    const events = await eventsAbout(unit.id);
    expect(events).toHaveLength(1);
    expect(events[0].key).toBe(unit.id);
    expect(events[0].headers).toMatchObject({
      ce_specversion: "1.0",
      ce_type: OrgUnitCreated.type,
      ce_source: "/grassroots/organization",
      ce_subject: unit.id,
      "content-type": "application/json",
    });
    expect(events[0].headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(events[0].value)).toMatchObject({
      id: unit.id,
      code: "150621001188",
      name: "测试社区",
      kind: "COMMUNITY",
    });
  });

  it("#10.3: a banner admin cannot create a unit in another banner: NOT_FOUND as for a missing parent, nothing written, no event", async () => {
    const token = await suite.token("BANNER_ADMIN", "150621000000"); // 达拉特旗
    const otherBannersTownship = orgUnitIdForCode("150622100000"); // 准格尔旗
    const code = "150622100288";
    const res = await callGateway(
      suite.gatewayUrl,
      CREATE,
      { input: { parentId: otherBannersTownship, code, name: "越权村" } },
      token,
    );
    expect(res.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(res.errors?.[0].message).toBe(`Org unit ${otherBannersTownship} does not exist in your area.`);

    const cityToken = await suite.token("CITY_ADMIN", "150600000000");
    const lookup = await callGateway(
      suite.gatewayUrl,
      `query($code: String!) { orgUnitByCode(code: $code) { id } }`,
      { code },
      cityToken,
    );
    expect(lookup.data?.orgUnitByCode ?? null).toBeNull();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await eventsAbout(orgUnitIdForCode(code))).toHaveLength(0);
  });

  it("bad input through the gateway: BAD_USER_INPUT with a message naming the problem, nothing written", async () => {
    const token = await suite.token("CITY_ADMIN", "150600000000");
    const res = await callGateway(
      suite.gatewayUrl,
      CREATE,
      { input: { parentId: orgUnitIdForCode("150621001000"), code: "15062100118", name: "坏代码" } },
      token,
    );
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0].message).toMatch(/12/);
    const search = await callGateway(
      suite.gatewayUrl,
      `{ orgUnits(filter: { nameContains: "坏代码" }) { totalCount } }`,
      {},
      token,
    );
    expect(search.data?.orgUnits.totalCount).toBe(0);
  });
});
