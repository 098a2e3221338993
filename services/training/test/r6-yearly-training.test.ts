import { AssignmentEnded, AssignmentStarted, StatisticianRegistered } from "@grassroots/events";
import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { SqlCoverageReads } from "../src/db/repositories/coverage.reads";
import { waitFor, waitForProjected } from "@grassroots/testing";
import {
  as,
  CITY,
  cityAdmin,
  DALATE,
  dalateAdmin,
  DONGSHENG,
  GONGYE,
  idOf,
  ordosStates,
  pathOfCode,
  SHULINZHAO,
  startHarness,
  YINGZE,
  ZHUNGEER,
  zhungeerAdmin,
  type Appointment,
  type Harness,
} from "./support/harness";
import { CANCEL, completedSession, ok, openSession, RECORD_ALL, result } from "./support/operations";

const COVERAGE = `query ($year: Int!, $bannerId: ID) { trainingCoverage(year: $year, bannerId: $bannerId) {
  year asOf cityObligationMet cityComprehensiveSessions { id title }
  banners { banner { id } staff attended rate ownSessionsCompleted } } }`;

let h: Harness;
let a: Appointment, b: Appointment, c: Appointment, d: Appointment, f: Appointment, g: Appointment;

interface Row {
  banner: { id: string };
  staff: number;
  attended: number;
  rate: number | null;
  ownSessionsCompleted: number;
}
const row = (report: { banners: Row[] }, code: string) =>
  report.banners.find((r) => r.banner.id === idOf(code));

beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  [a, b, c, d] = await h.appoint([
    { unitCode: SHULINZHAO, name: "甲" },
    { unitCode: SHULINZHAO, name: "乙" },
    { unitCode: GONGYE, name: "丙", status: "PENDING_TRAINING" },
    { unitCode: GONGYE, name: "丁" },
    { unitCode: GONGYE, name: "戊", startDate: "2026-08-01" },
  ]);
  [f, g] = await h.appoint([
    { unitCode: YINGZE, name: "己" },
    { unitCode: YINGZE, name: "庚" },
  ]);

  // 2025: a Dalate session attended by 丙 only; no city comprehensive session that year.
  const old = await completedSession(
    h,
    { kind: "SPECIALIZED", startDate: "2025-11-03", endDate: "2025-11-04", hours: 8 },
    [c.statisticianId],
    dalateAdmin,
  );
  await ok(
    h,
    RECORD_ALL,
    { input: { sessionId: old.id, rows: [result(c.statisticianId, 8, "PASSED")] } },
    dalateAdmin,
  );

  // 2026: the city's comprehensive session (甲 passed, 己 failed, 庚 absent), the city's specialized
  // session (丙, does not count for banners), a Dalate session (乙), a cancelled city comprehensive one.
  const comprehensive = await completedSession(
    h,
    {
      organizer: CITY,
      kind: "COMPREHENSIVE",
      audience: "BANNER_STAFF",
      title: "2026年全市统计业务综合培训",
      startDate: "2026-03-10",
      endDate: "2026-03-12",
      hours: 24,
      capacity: 200,
      place: "市统计局",
    },
    [a.statisticianId, f.statisticianId, g.statisticianId],
  );
  await ok(h, RECORD_ALL, {
    input: {
      sessionId: comprehensive.id,
      rows: [
        result(a.statisticianId, 24, "PASSED", 90),
        result(f.statisticianId, 20, "FAILED", 52),
        result(g.statisticianId, 0, "ABSENT"),
      ],
    },
  });
  const citySpecialized = await completedSession(
    h,
    { organizer: CITY, kind: "SPECIALIZED", startDate: "2026-05-06", endDate: "2026-05-06", hours: 6 },
    [c.statisticianId],
  );
  await ok(h, RECORD_ALL, {
    input: { sessionId: citySpecialized.id, rows: [result(c.statisticianId, 6, "PASSED")] },
  });
  const dalateOwn = await completedSession(
    h,
    { kind: "SPECIALIZED", startDate: "2026-05-20", endDate: "2026-05-21", hours: 12 },
    [b.statisticianId],
    dalateAdmin,
  );
  await ok(
    h,
    RECORD_ALL,
    { input: { sessionId: dalateOwn.id, rows: [result(b.statisticianId, 12, "PASSED")] } },
    dalateAdmin,
  );
  const cancelled = await openSession(h, {
    organizer: CITY,
    kind: "COMPREHENSIVE",
    audience: "BANNER_STAFF",
    startDate: "2026-04-01",
    endDate: "2026-04-01",
  });
  await ok(h, CANCEL, {
    input: { id: cancelled.id, expectedVersion: cancelled.version, reason: "合并到三月培训" },
  });

  // 丁 left on 2026-03-01: staff at the end of 2025, not on the 2026 as-of date.
  await h.publish(
    AssignmentEnded,
    {
      assignmentId: d.assignmentId,
      statisticianId: d.statisticianId,
      orgUnitId: idOf(GONGYE),
      orgUnitPath: pathOfCode(GONGYE),
      role: "FULL_TIME",
      establishment: "IN_ESTABLISHMENT",
      status: "ENDED",
      startDate: "2025-01-01",
      endDate: "2026-03-01",
      version: 2,
      reason: "调离",
    },
    d.assignmentId,
  );
  await waitFor(
    async () =>
      (
        await h.dataSource.query(`SELECT status FROM statistician_assignment WHERE id = $1`, [d.assignmentId])
      )[0].status === "ENDED",
    "the ended assignment in the projection",
  );
}, 120000);
afterAll(() => h.stop());

describe("R6: the yearly obligation and each banner's coverage", () => {
  it("R6: the city held its comprehensive session in 2026; per banner, the share of its staff who attended", async () => {
    const report = (await h.call(COVERAGE, { year: 2026 }, cityAdmin)).data!.trainingCoverage;
    expect(report).toMatchObject({ year: 2026, asOf: "2026-06-30", cityObligationMet: true });
    expect(report.cityComprehensiveSessions.map((s: { title: string }) => s.title)).toEqual([
      "2026年全市统计业务综合培训",
    ]);
    expect(report.banners).toHaveLength(9);
    // 达拉特旗: staff 甲 乙 丙 (丁 left, 戊 starts later); attended 甲 (city comprehensive) and 乙 (own session).
    expect(row(report, DALATE)).toEqual({
      banner: { id: idOf(DALATE) },
      staff: 3,
      attended: 2,
      rate: 0.6667,
      ownSessionsCompleted: 1,
    });
    // 准格尔旗: staff 己 庚; 己 attended (FAILED counts: was there), 庚 was ABSENT.
    expect(row(report, ZHUNGEER)).toEqual({
      banner: { id: idOf(ZHUNGEER) },
      staff: 2,
      attended: 1,
      rate: 0.5,
      ownSessionsCompleted: 0,
    });
    expect(row(report, DONGSHENG)).toEqual({
      banner: { id: idOf(DONGSHENG) },
      staff: 0,
      attended: 0,
      rate: null,
      ownSessionsCompleted: 0,
    });
  });

  it("R6: the denominator counts pending appointments and people who left after the as-of date; a year without the city session is not met", async () => {
    const report = (await h.call(COVERAGE, { year: 2025 }, cityAdmin)).data!.trainingCoverage;
    expect(report).toMatchObject({
      asOf: "2025-12-31",
      cityObligationMet: false,
      cityComprehensiveSessions: [],
    });
    // 31 Dec 2025: 甲 乙 丙 丁 were staff; only 丙 attended (Dalate's 2025 session).
    expect(row(report, DALATE)).toMatchObject({ staff: 4, attended: 1, rate: 0.25, ownSessionsCompleted: 1 });
  });

  it("R6: a city session of another kind does not count toward a banner's coverage; a cancelled one does not meet the obligation", async () => {
    const report = (await h.call(COVERAGE, { year: 2026, bannerId: idOf(DALATE) }, cityAdmin)).data!
      .trainingCoverage;
    expect(report.banners).toHaveLength(1);
    expect(row(report, DALATE)!.attended).toBe(2); // 丙's city SPECIALIZED session does not count
    expect(report.cityComprehensiveSessions).toHaveLength(1);
  });

  it("R6: a banner admin sees their own banner only; a township clerk sees their banner counted inside their township", async () => {
    const banner = (await h.call(COVERAGE, { year: 2026 }, dalateAdmin)).data!.trainingCoverage;
    expect(banner.cityObligationMet).toBe(true);
    expect(banner.banners.map((r: { banner: { id: string } }) => r.banner.id)).toEqual([idOf(DALATE)]);
    const clerk = (await h.call(COVERAGE, { year: 2026 }, as("UNIT_CLERK", SHULINZHAO))).data!
      .trainingCoverage;
    expect(clerk.banners).toEqual([
      { banner: { id: idOf(DALATE) }, staff: 2, attended: 2, rate: 1, ownSessionsCompleted: 1 },
    ]);
    const other = await h.call(COVERAGE, { year: 2026, bannerId: idOf(DALATE) }, zhungeerAdmin);
    expect(other.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(other.errors?.[0].message).toBe(`Banner ${idOf(DALATE)} does not exist in your area.`);
  });

  it("R6: OrgUnit.trainingCoverage and trainingSessions through federation references", async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { id
      trainingCoverage(year: 2026) { cityObligationMet banners { staff attended rate } }
      trainingSessions(year: 2026, statuses: [COMPLETED]) { totalCount edges { node { kind title } } } } } }`;
    const reps = [DALATE, CITY].map((code) => ({ __typename: "OrgUnit", id: idOf(code) }));
    const res = await h.call(query, { reps }, cityAdmin);
    expect(res.errors).toBeUndefined();
    const [dalate, city] = res.data!._entities;
    expect(dalate.trainingCoverage).toEqual({
      cityObligationMet: true,
      banners: [{ staff: 3, attended: 2, rate: 0.6667 }],
    });
    expect(dalate.trainingSessions.totalCount).toBe(1);
    expect(city.trainingSessions.edges.map((e: { node: { kind: string } }) => e.node.kind).sort()).toEqual([
      "COMPREHENSIVE",
      "SPECIALIZED",
    ]);
    expect(city.trainingCoverage.banners).toHaveLength(9);
    // Outside the area the unit still resolves (organization answers for it); training's fields on it are null.
    const outside = await h.call(
      query,
      { reps: [{ __typename: "OrgUnit", id: idOf(DALATE) }] },
      zhungeerAdmin,
    );
    expect(outside.errors).toBeUndefined();
    expect(outside.data!._entities).toEqual([
      { id: idOf(DALATE), trainingCoverage: null, trainingSessions: null },
    ]);
  });

  it("R6: trainingCoverage for many org units costs a constant number of SQL statements, each unit with the figures it gets alone", async () => {
    const query = `query ($reps: [_Any!]!, $year: Int!) { _entities(representations: $reps) { ... on OrgUnit { id
      trainingCoverage(year: $year) { year asOf cityObligationMet cityComprehensiveSessions { id title }
        banners { banner { id } staff attended rate ownSessionsCompleted } } } } }`;
    const reps = (codes: string[]) => codes.map((code) => ({ __typename: "OrgUnit", id: idOf(code) }));
    const counted = async (codes: string[]) => {
      h.queries.queries = [];
      const res = await h.call(query, { reps: reps(codes), year: 2026 }, cityAdmin);
      expect(res.errors).toBeUndefined();
      return { entities: res.data!._entities, statements: h.queries.queries.length };
    };
    const banners = ordosStates()
      .filter((u) => u.kind === "BANNER" || u.kind === "DISTRICT")
      .map((u) => u.code);
    expect(banners).toHaveLength(9);
    const many = [CITY, ...banners, SHULINZHAO, GONGYE, YINGZE];

    const two = await counted([DALATE, ZHUNGEER]);
    const all = await counted(many);
    // visible units · the banners of every unit · the cities' obligation sessions · the counts of every (banner, unit) pair
    expect(two.statements).toBe(4);
    expect(all.statements).toBe(two.statements);

    expect(all.entities[0].trainingCoverage.banners).toHaveLength(9);
    const dalate = all.entities[1 + banners.indexOf(DALATE)].trainingCoverage;
    expect(dalate.banners).toEqual([
      { banner: { id: idOf(DALATE) }, staff: 3, attended: 2, rate: 0.6667, ownSessionsCompleted: 1 },
    ]);
    expect(all.entities.at(-3).trainingCoverage.banners).toEqual([
      { banner: { id: idOf(DALATE) }, staff: 2, attended: 2, rate: 1, ownSessionsCompleted: 1 },
    ]);
    // The same report as the unit alone, and as the top-level query (one scope) gives a caller at that unit.
    for (const [i, code] of many.entries()) {
      const alone = await counted([code]);
      expect(alone.entities[0]).toEqual(all.entities[i]);
      const role = code === CITY ? "CITY_ADMIN" : banners.includes(code) ? "BANNER_ADMIN" : "UNIT_CLERK";
      const single = await h.call(COVERAGE, { year: 2026 }, as(role, code));
      expect(single.data!.trainingCoverage).toEqual(all.entities[i].trainingCoverage);
    }
  });

  it("#15: trainingCoverage without banners in the selection counts no banner (the city's obligation alone), with them as before", async () => {
    const statements = async (query: string, variables: Record<string, unknown>) => {
      h.queries.queries = [];
      const res = await h.call(query, variables, cityAdmin);
      return { res, statements: h.queries.queries.length };
    };
    const full = await statements(COVERAGE, { year: 2026 });
    const city = await statements(
      `query ($year: Int!) { trainingCoverage(year: $year) { year cityObligationMet } }`,
      {
        year: 2026,
      },
    );
    const viaFragment = await statements(
      `query ($year: Int!) { trainingCoverage(year: $year) { cityObligationMet ...B } }
       fragment B on TrainingCoverage { banners { banner { id } staff } }`,
      { year: 2026 },
    );
    expect(city.res.errors).toBeUndefined();
    expect(city.res.data!.trainingCoverage).toEqual({
      year: 2026,
      cityObligationMet: full.res.data!.trainingCoverage.cityObligationMet,
    });
    // scope · banners · the city's sessions · the banners' counts; without banners: scope · sessions.
    expect(full.statements).toBe(4);
    expect(city.statements).toBe(2);
    // Asked through a fragment, the banners are counted.
    expect(viaFragment.statements).toBe(full.statements);
    expect(viaFragment.res.data!.trainingCoverage.banners).toHaveLength(9);
    // With a bannerId an unknown banner is refused whatever is selected.
    const unknown = await h.call(
      `query { trainingCoverage(year: 2026, bannerId: "00000000-0000-4000-8000-000000000000") { cityObligationMet } }`,
      {},
      cityAdmin,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("#15: a post at a unit not projected yet counts in its banner by the path its event carried; the posts are read as index ranges under the pair's scope", async () => {
    const before = row((await h.call(COVERAGE, { year: 2026 }, cityAdmin)).data!.trainingCoverage, DONGSHENG);
    expect(before!.staff).toBe(0);
    // A township of 东胜区 organization has not published yet: only the assignment's path places it.
    const unitId = randomUUID();
    const person = randomUUID();
    const assignmentId = randomUUID();
    await h.publish(
      StatisticianRegistered,
      {
        statisticianId: person,
        name: "辛",
        gender: "M",
        ethnicity: null,
        education: null,
        title: null,
        version: 1,
      },
      person,
    );
    await h.publish(
      AssignmentStarted,
      {
        assignmentId,
        statisticianId: person,
        orgUnitId: unitId,
        orgUnitPath: `${pathOfCode(DONGSHENG)}${unitId}/`,
        role: "FULL_TIME",
        establishment: "IN_ESTABLISHMENT",
        status: "ACTIVE",
        startDate: "2025-01-01",
        endDate: null,
        version: 1,
      },
      assignmentId,
    );
    await waitForProjected(h.dataSource, "statistician_assignment", [assignmentId], "the assignment");
    const after = (await h.call(COVERAGE, { year: 2026 }, cityAdmin)).data!.trainingCoverage;
    expect(row(after, DONGSHENG)).toMatchObject({ staff: 1, attended: 0 });
    expect(row(after, DALATE)).toMatchObject({ staff: 3, attended: 2 });
    // A 东胜区 pair whose subtree lies in another banner counts nobody.
    const plan = await h.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL enable_seqscan = off`);
      let text = "";
      const explaining = {
        query: async (sql: string, params: unknown[]) => {
          text = ((await m.query(`EXPLAIN ${sql}`, params)) as { "QUERY PLAN": string }[])
            .map((r) => r["QUERY PLAN"])
            .join("\n");
          return [];
        },
      } as unknown as EntityManager;
      const window = { year: 2026, from: "2026-01-01", to: "2026-12-31", asOf: "2026-06-30" };
      await new SqlCoverageReads(explaining).bannerCounts(
        [{ bannerId: idOf(DONGSHENG), withinPath: pathOfCode(CITY) }],
        window,
      );
      const apart = await new SqlCoverageReads(m).bannerCounts(
        [{ bannerId: idOf(DONGSHENG), withinPath: pathOfCode(SHULINZHAO) }],
        window,
      );
      expect(apart).toEqual([{ bannerId: idOf(DONGSHENG), staff: 0, attended: 0, ownSessionsCompleted: 0 }]);
      return text;
    });
    // Units under the scope by the path index, their posts by unit; unprojected posts by the post path index.
    expect(plan).toMatch(
      /Index Cond: \(\(path ~>=~ [\w.]*scope\) AND \(path ~<~ \([\w.]*scope \|\| '~'::text\)\)\)/,
    );
    expect(plan).toMatch(/statistician_assignment_path_idx/);
    expect(plan).toMatch(/Index Cond: \(\(org_unit_path ~>=~ [\w.]*scope\)/);
    expect(plan).not.toMatch(/Seq Scan on statistician_assignment/);
  });

  it("refuses a year outside 2000–2100", async () => {
    const res = await h.call(COVERAGE, { year: 1999 }, cityAdmin);
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "year" });
    const field = await h.call(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { id trainingCoverage(year: 1999) { year } } } }`,
      { reps: [DALATE, ZHUNGEER].map((code) => ({ __typename: "OrgUnit", id: idOf(code) })) },
      cityAdmin,
    );
    expect(field.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "year" }),
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "year" }),
    ]);
  });
});
