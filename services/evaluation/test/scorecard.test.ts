import { OrganizationRuleStatusChanged, RegisterCountSet } from "@grassroots/events";
import {
  as,
  CITY,
  DALATE,
  dalateAdmin,
  GONGYE,
  idOf,
  ordosStates,
  SHULINZHAO,
  startHarness,
  YINGZE,
  ZHUNGEER,
  zhungeerAdmin,
  type Harness,
} from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  // 树林召镇: R1 met, R3 not met (weights 10 and 15: 40.00); 工业街道: R1 met, R3 unknown, R4 n/a
  await h.publishRuleStatus({
    rule: "R1.post-established",
    subjectUnitId: idOf(SHULINZHAO),
    status: "MET",
    figures: { established: true },
    reason: "post established",
  });
  await h.publishRuleStatus({
    rule: "R3.township-staffing",
    subjectUnitId: idOf(SHULINZHAO),
    status: "NOT_MET",
    figures: { required: 2, actual: 1 },
    reason: "needs 2 full-time statisticians, has 1",
    asOf: "2026-02-01T00:00:00.000Z",
  });
  await h.publishRuleStatus({
    rule: "R1.post-established",
    subjectUnitId: idOf(GONGYE),
    status: "MET",
    figures: {},
    reason: "post established",
  });
  await h.publishRuleStatus({
    rule: "R4.village-staffing",
    subjectUnitId: idOf(GONGYE),
    status: "NOT_APPLICABLE",
    figures: {},
    reason: "not a village",
  });
  await h.publishRuleStatus({
    rule: "R3.township-staffing",
    subjectUnitId: idOf(GONGYE),
    status: "UNKNOWN",
    figures: { registerCount: null },
    reason: "no register count yet",
  });
  await h.publishRuleStatus({
    rule: "R6.banner-coverage",
    subjectUnitId: idOf(DALATE),
    period: "2026",
    status: "MET",
    figures: { staff: 10, attended: 10 },
    reason: "all 10 trained",
  });
  await h.publishRuleStatus({
    rule: "R6.banner-coverage",
    subjectUnitId: idOf(DALATE),
    period: "2025",
    status: "NOT_MET",
    figures: { staff: 10, attended: 5 },
    reason: "5 of 10 trained",
  });
});
afterAll(() => h.stop());

const PICTURE = `query ($unitId: ID!, $year: Int) {
  complianceScorecard(unitId: $unitId, year: $year) {
    year
    unit { unitCode score rules { rule period status reason weight } }
    units { unitCode unitName score openFindings overdueFindings rules { rule status reason since weight figures { name value } } }
  }
}`;

it("R13: a banner's picture — each unit's rules with reason and since, a weighted score, worst first", async () => {
  const res = await h.call(PICTURE, { unitId: idOf(DALATE), year: 2026 }, dalateAdmin);
  expect(res.errors).toBeUndefined();
  const picture = res.data!.complianceScorecard;
  expect(picture.unit).toEqual({
    unitCode: DALATE,
    score: "100.00",
    rules: [
      { rule: "R6.banner-coverage", period: "2026", status: "MET", reason: "all 10 trained", weight: 10 },
    ],
  });
  const [worst, second] = picture.units;
  expect(worst).toMatchObject({ unitCode: GONGYE, score: "40.00" }); // UNKNOWN counts against, n/a is left out
  expect(second).toMatchObject({ unitCode: SHULINZHAO, score: "40.00" });
  const r3 = second.rules.find((r: { rule: string }) => r.rule === "R3.township-staffing");
  expect(r3).toEqual({
    rule: "R3.township-staffing",
    status: "NOT_MET",
    reason: "needs 2 full-time statisticians, has 1",
    since: "2026-02-01T00:00:00.000Z",
    weight: 15,
    figures: [
      { name: "actual", value: "1" },
      { name: "required", value: "2" },
    ],
  });
  // every other active unit of the banner is there, without a score (nothing reported yet), after the scored ones
  const dalateUnits = ordosStates().filter((u) => u.parentId === idOf(DALATE)).length;
  expect(picture.units).toHaveLength(dalateUnits);
  expect(picture.units.slice(2).every((u: { score: string | null }) => u.score === null)).toBe(true);
});

it("R13: the year chooses the yearly rules' results (2025's banner coverage, not 2026's)", async () => {
  const res = await h.call(PICTURE, { unitId: idOf(DALATE), year: 2025 }, dalateAdmin);
  expect(res.data!.complianceScorecard.unit.score).toBe("0.00");
});

it("R13: a banner's whole picture is a fixed number of SQL statements, and so is OrgUnit.scorecard for many units", async () => {
  const count = async (query: string, variables: Record<string, unknown>) => {
    h.queries.queries = [];
    const res = await h.call(query, variables, as("INSPECTOR", CITY));
    expect(res.errors).toBeUndefined();
    // the outbox relay polls on the same pool meanwhile: its statements are no part of the call
    return h.queries.queries.filter((q) => !/outbox|inbox/i.test(q)).length;
  };
  const small = await count(PICTURE, { unitId: idOf(ZHUNGEER) });
  const big = await count(PICTURE, { unitId: idOf(CITY) });
  expect(big).toBe(small);
  expect(big).toBeLessThanOrEqual(5); // the caller's scope, the unit, its subtree, statuses, findings
  const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { id scorecard(year: 2026) { score rules { rule } } } } }`;
  const reps = (codes: string[]) => codes.map((code) => ({ __typename: "OrgUnit", id: idOf(code) }));
  const one = await count(ENTITIES, { reps: reps([DALATE]) });
  const all = await count(ENTITIES, { reps: reps(ordosStates().map((u) => u.code)) });
  expect(all).toBe(one);
});

it("R13: another banner's picture is refused as a missing unit; OrgUnit.scorecard is null outside the area", async () => {
  const res = await h.call(PICTURE, { unitId: idOf(DALATE) }, zhungeerAdmin);
  expect(res.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  expect(res.errors?.[0].message).toBe(`Org unit ${idOf(DALATE)} does not exist in your area.`);
  const outside = await h.call(
    `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { id scorecard { score } } } }`,
    {
      reps: [
        { __typename: "OrgUnit", id: idOf(SHULINZHAO) },
        { __typename: "OrgUnit", id: idOf(YINGZE) },
      ],
    },
    zhungeerAdmin,
  );
  expect(outside.data!._entities).toEqual([
    { id: idOf(SHULINZHAO), scorecard: null },
    { id: idOf(YINGZE), scorecard: { score: null } },
  ]);
});

it("R13: the scorecard changes within seconds of the source event (commit → scorecard; p95 printed)", async () => {
  const latencies: number[] = [];
  const unit = idOf(YINGZE);
  for (let i = 0; i < 20; i++) {
    const status = i % 2 === 0 ? "NOT_MET" : "MET";
    const sent = Date.now();
    await h.publish(OrganizationRuleStatusChanged, {
      rule: "R1.post-established",
      subjectUnitId: unit,
      subjectUnitPath: ordosStates().find((u) => u.id === unit)!.path,
      period: null,
      status,
      figures: { established: status === "MET" },
      reason: `round ${i}`,
      asOf: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      republished: false,
    });
    for (;;) {
      const res = await h.call(
        `query ($id: ID!) { complianceScorecard(unitId: $id) { unit { rules { reason } } } }`,
        { id: unit },
        zhungeerAdmin,
      );
      if (res.data?.complianceScorecard.unit.rules[0]?.reason === `round ${i}`) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    latencies.push(Date.now() - sent);
  }
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.ceil(latencies.length * 0.95) - 1];
  console.error(
    `R13 scorecard freshness over ${latencies.length} events: p50 ${latencies[9]} ms, p95 ${p95} ms, max ${latencies.at(-1)} ms`,
  );
  expect(latencies).toHaveLength(20);
});

it("R13: a register count set to 1,500 through organization, then personnel's R3 flip, turns the township's scorecard and the banner's staffing indicator with no other action", async () => {
  const state = {
    ...ordosStates().find((u) => u.code === SHULINZHAO)!,
    registerCount: 1500,
    registerAsOf: "2026-06-01",
    version: 2,
    previousCount: null,
  };
  const staffing = async () =>
    (
      await h.call(
        `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { assessmentMetrics(year: 2026) { metric value } } } }`,
        { reps: [{ __typename: "OrgUnit", id: idOf(DALATE) }] },
        dalateAdmin,
      )
    ).data!._entities[0].assessmentMetrics.find((m: { metric: string }) => m.metric === "staffing-compliance")
      .value;
  expect(await staffing()).toBe("0.00"); // the banner's staffing indicator today: 树林召镇 NOT_MET
  await h.handled(await h.publish(RegisterCountSet, state));
  expect(
    (await h.dataSource.query(`SELECT register_count FROM org_unit WHERE id = $1`, [idOf(SHULINZHAO)]))[0],
  ).toEqual({ register_count: 1500 });
  // personnel re-evaluates R3 on the count (its own test shows that) and publishes the flip: played here
  await h.publishRuleStatus({
    rule: "R3.township-staffing",
    subjectUnitId: idOf(SHULINZHAO),
    status: "MET",
    figures: { required: 2, actual: 2, registerCount: 1500 },
    reason: "needs 2 full-time statisticians, has 2",
    asOf: "2026-06-30T01:00:00.000Z",
  });
  const res = await h.call(
    `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { scorecard(year: 2026) { score } } } }`,
    { reps: [{ __typename: "OrgUnit", id: idOf(SHULINZHAO) }] },
    dalateAdmin,
  );
  expect(res.data!._entities[0].scorecard.score).toBe("100.00");
  expect(await staffing()).toBe("100.00"); // 树林召镇 MET (工业街道's UNKNOWN came after the business date)
});
