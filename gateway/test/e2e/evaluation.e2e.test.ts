import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { orgUnitIdForCode as idOf } from "@grassroots/kit";
import {
  callGateway,
  queryDatabase as sql,
  startSuite,
  waitFor,
  type RunningSuite,
} from "@grassroots/testing";
import {
  appointNewcomer,
  chinaDay as day,
  DALATE,
  expectRefusedThroughGateway,
  gatewayClient,
  importOrdosDivisions,
  passPrePostTraining,
  SHULINZHAO,
} from "../support/ordos-suite";

// Evaluation as a client sees it (issue 12): an AUTO indicator follows its source with no other
// action — organization's register count → personnel's R3 → evaluation's scorecard and the banner's
// staffing metric, all by events on Kafka — and the city's ranking and a banner's scorecard read
// through the gateway with each role's token. Real processes, databases and broker. Training is in
// the suite only to certify the statistician, so that their appointment is ACTIVE (R7) and counts.

const ROOT = resolve(__dirname, "../../..");
const CITY = "150600000000";
const ZHUNGEER = "150622000000"; // 准格尔旗
const YEAR = Number(day().slice(0, 4));
const R3 = "R3.township-staffing";

let suite: RunningSuite;
const tokens: Record<string, string> = {};
const gql = gatewayClient(
  () => suite,
  () => tokens.bannerAdmin,
);
const call = (query: string, variables: Record<string, unknown>, token: string) =>
  callGateway(suite.gatewayUrl, query, variables, token);
/** A fresh read (the gateway's response cache keeps summaries for up to 15 s for callers other than the writer). */
const fresh = async (query: string, variables: Record<string, unknown>, token = tokens.bannerAdmin) => {
  const res = await callGateway(suite.gatewayUrl, query, variables, token, { "cache-control": "no-cache" });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};

/** organization + personnel + evaluation on one township. */
const TOWNSHIP = `query ($code: String!) { orgUnitByCode(code: $code) { id version registerCount
  staffing { compliant gaps { rule code required actual } }
  scorecard { score rules { rule status reason figures { name value } } } } }`;
const METRICS = `query ($code: String!, $year: Int!) { orgUnitByCode(code: $code) {
  assessmentMetrics(year: $year) { metric value figures { met notMet unknown notApplicable } } } }`;
const SET_COUNT = `mutation ($input: SetRegisterCountInput!) { setRegisterCount(input: $input) { id registerCount version } }`;

interface Township {
  id: string;
  version: number;
  registerCount: number | null;
  staffing: { compliant: boolean; gaps: { rule: string; code: string; required: number; actual: number }[] };
  scorecard: {
    score: string | null;
    rules: { rule: string; status: string; reason: string; figures: { name: string; value: string }[] }[];
  } | null;
}
const township = async () => (await fresh(TOWNSHIP, { code: SHULINZHAO })).orgUnitByCode as Township;
const r3Of = (t: Township) => t.scorecard?.rules.find((r) => r.rule === R3);
const staffingMetric = async () =>
  (await fresh(METRICS, { code: DALATE, year: YEAR })).orgUnitByCode.assessmentMetrics.find(
    (m: { metric: string }) => m.metric === "staffing-compliance",
  );

beforeAll(async () => {
  suite = await startSuite(["organization", "personnel", "training", "evaluation"]);
  importOrdosDivisions(suite);
  tokens.city = await suite.token("CITY_ADMIN", CITY, "city-wangli", "王丽");
  tokens.inspector = await suite.token("INSPECTOR", CITY, "city-inspector", "周检");
  tokens.bannerAdmin = await suite.token("BANNER_ADMIN", DALATE, "dalate-admin", "李强");
  tokens.zhungeerAdmin = await suite.token("BANNER_ADMIN", ZHUNGEER);
  tokens.clerk = await suite.token("UNIT_CLERK", SHULINZHAO, "shulinzhao-clerk", "张华");
}, 180000);

afterAll(async () => {
  await suite?.stop();
});

describe("evaluation through the gateway (organization + personnel + evaluation)", () => {
  it("R13: a township's register count set to 1,500 through organization turns personnel's R3, the township's scorecard and the banner's staffing metric within seconds, with no other action", async () => {
    // One full-time statistician in post (certified, so ACTIVE) and a small register (R3 is UNKNOWN
    // without a count): R3 MET.
    const { statisticianId } = await appointNewcomer(gql, "专职统计员", 1);
    await passPrePostTraining(gql, DALATE, [statisticianId]);
    const start = await township();
    await gql(SET_COUNT, {
      input: { id: start.id, expectedVersion: start.version, count: 800, asOf: day(-2) },
    });
    let last: Township | undefined;
    const before = await waitFor(
      async () => {
        last = await township();
        return last.staffing?.compliant && r3Of(last)?.status === "MET" ? last : undefined;
      },
      "R3 MET for 树林召镇 in personnel and in evaluation's scorecard",
      45000,
      250,
    ).catch((e) => {
      throw new Error(`${e}; last seen: ${JSON.stringify(last)}`);
    });
    const metricBefore = await waitFor(
      async () => {
        const m = await staffingMetric();
        return m && m.figures.met >= 1 ? m : undefined;
      },
      "the banner's staffing metric to count 树林召镇 MET",
      30000,
      250,
    );

    const { setRegisterCount } = await gql(SET_COUNT, {
      input: { id: before.id, expectedVersion: before.version, count: 1500, asOf: day(-1) },
    });
    const committed = Date.now();
    expect(setRegisterCount.registerCount).toBe(1500);

    // Nothing else is done: only the events carry the change on.
    let personnelAt: number | undefined;
    const after = await waitFor(
      async () => {
        const t = await township();
        if (!t.staffing.compliant) personnelAt ??= Date.now();
        return r3Of(t)?.status === "NOT_MET" ? t : undefined;
      },
      "evaluation's scorecard to show R3 NOT_MET",
      15000,
      50,
    );
    const scorecardAt = Date.now();
    const metricAfter = await waitFor(
      async () => {
        const m = await staffingMetric();
        return m.value !== metricBefore.value ? m : undefined;
      },
      "the banner's staffing metric to change",
      15000,
      100,
    );
    const metricAt = Date.now();
    // eslint-disable-next-line no-console
    console.log(
      `R3 flip: commit → personnel's R3 ${personnelAt ? personnelAt - committed : "?"} ms, ` +
        `→ township scorecard ${scorecardAt - committed} ms, → banner metric ${metricAt - committed} ms ` +
        `(staffing-compliance ${metricBefore.value} → ${metricAfter.value})`,
    );

    expect(after.registerCount).toBe(1500);
    expect(after.staffing.compliant).toBe(false);
    expect(after.staffing.gaps).toContainEqual(
      expect.objectContaining({ rule: "R3", required: 2, actual: 1 }),
    );
    const r3 = r3Of(after)!;
    expect(r3.status).toBe("NOT_MET");
    expect(r3.reason).toMatch(/2/);
    expect(r3.reason).toMatch(/1/);
    expect(Number(after.scorecard!.score)).toBeLessThan(Number(before.scorecard!.score));
    expect(metricAfter.figures.met).toBe(metricBefore.figures.met - 1);
    expect(metricAfter.figures.notMet).toBe(metricBefore.figures.notMet + 1);
    expect(scorecardAt - committed).toBeLessThan(15000);

    // What evaluation stored, from personnel's event alone
    const [stored] = await sql<{ status: string; reason: string }>(
      suite.databases.evaluation.url,
      `SELECT status, reason FROM rule_status WHERE rule = $1 AND subject_unit_id = $2`,
      [R3, idOf(SHULINZHAO)],
    );
    expect(stored).toEqual({ status: "NOT_MET", reason: r3.reason });
  }, 120000);

  it("R12: a UNIT_CLERK cannot define a scheme: FORBIDDEN, nothing written (the banner admin can, with the same input)", async () => {
    const input = {
      ownerUnitId: idOf(DALATE),
      name: `${YEAR}年度苏木乡镇统计工作考核`,
      year: YEAR,
      subjectKinds: ["TOWN", "SUMU", "SUBDISTRICT"],
      cutOffDate: `${YEAR}-11-30`,
      indicators: [
        {
          code: "A1",
          name: "统计人员配备达标率",
          weight: "60",
          kind: "AUTO",
          metric: "staffing-compliance",
          scoring: { function: "LINEAR", lower: "0", upper: "100" },
        },
        {
          code: "M1",
          name: "统计基础台账",
          weight: "40",
          kind: "MANUAL",
          maxScore: "10",
          guide: "台账齐全得满分",
        },
      ],
    };
    const DEFINE = `mutation ($input: DefineAssessmentSchemeInput!) { defineAssessmentScheme(input: $input) { id version } }`;
    const tables = ["assessment_scheme", "assessment", "assessment_result_set", "outbox"];
    const message = await expectRefusedThroughGateway(
      suite.databases.evaluation.url,
      tables,
      "FORBIDDEN",
      () => call(DEFINE, { input }, tokens.clerk),
    );
    expect(message.length).toBeGreaterThan(10);
    const ok = await call(DEFINE, { input }, tokens.bannerAdmin);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.defineAssessmentScheme.version).toBe(1);
  });

  let seedYear: number;

  it("R12: the city's banner ranking through the gateway (the seeded, published city assessment) agrees with evaluation's database; an INSPECTOR and a banner admin read it", async () => {
    const out = execFileSync(process.execPath, ["dist/cli/seed.js"], {
      cwd: resolve(ROOT, "services/evaluation"),
      env: {
        ...process.env,
        DATABASE_URL: suite.databases.evaluation.url,
        LOG_LEVEL: "warn",
        SEED_WAIT_SECONDS: "60",
      },
      encoding: "utf8",
    });
    seedYear = Number(/evaluation seed for (\d{4})/.exec(out)![1]);
    const RANKING = `query ($owner: ID!, $year: Int!) { assessmentRanking(ownerUnitId: $owner, year: $year) {
      id revision scheme { name } results { rank unitCode unitName score grade } } }`;
    const res = await call(RANKING, { owner: idOf(CITY), year: seedYear }, tokens.inspector);
    expect(res.errors).toBeUndefined();
    const ranking = res.data!.assessmentRanking;
    expect(ranking.scheme.name).toMatch(/^示例：/);
    const rows = await sql<{ code: string; total: number; rank: number; grade: string | null }>(
      suite.databases.evaluation.url,
      `SELECT u.code, r.total, r.rank, r.grade FROM assessment_result r JOIN org_unit u ON u.id = r.subject_unit_id
        WHERE r.result_set_id = $1 ORDER BY r.rank, u.code`,
      [ranking.id],
    );
    expect(rows).toHaveLength(9);
    const hundredths = (n: number) => `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, "0")}`;
    expect(
      ranking.results.map((r: { unitCode: string; rank: number; score: string; grade: string | null }) => ({
        code: r.unitCode,
        rank: r.rank,
        score: r.score,
        grade: r.grade,
      })),
    ).toEqual(rows.map((r) => ({ code: r.code, rank: r.rank, score: hundredths(r.total), grade: r.grade })));
    expect(ranking.results.map((r: { unitName: string }) => r.unitName)).toContain("达拉特旗");
    // A banner reads the city's ranking too.
    const banner = await call(RANKING, { owner: idOf(CITY), year: seedYear }, tokens.bannerAdmin);
    expect(banner.errors).toBeUndefined();
    expect(banner.data!.assessmentRanking.results).toEqual(ranking.results);
  });

  it("R13: a banner's complianceScorecard through the gateway — an INSPECTOR reads it, agreeing with evaluation's database; another banner's admin gets NOT_FOUND", async () => {
    const PICTURE = `query ($unitId: ID!) { complianceScorecard(unitId: $unitId) {
      year unit { unitCode score rules { rule status } }
      units { unitCode unitName score openFindings rules { rule status reason } } } }`;
    const res = await call(PICTURE, { unitId: idOf(DALATE) }, tokens.inspector);
    expect(res.errors).toBeUndefined();
    const picture = res.data!.complianceScorecard;
    expect(picture.year).toBe(YEAR);
    expect(picture.unit.unitCode).toBe(DALATE);
    const children = await sql<{ code: string }>(
      suite.databases.organization.url,
      `SELECT code FROM org_unit WHERE parent_id = $1 AND active`,
      [idOf(DALATE)],
    );
    expect(picture.units.map((u: { unitCode: string }) => u.unitCode).sort()).toEqual(
      children.map((c) => c.code).sort(),
    );
    const town = picture.units.find((u: { unitCode: string }) => u.unitCode === SHULINZHAO);
    const stored = await sql<{ rule: string; status: string; reason: string }>(
      suite.databases.evaluation.url,
      `SELECT rule, status, reason FROM rule_status WHERE subject_unit_id = $1 AND (period IS NULL OR period = $2) ORDER BY rule`,
      [idOf(SHULINZHAO), String(YEAR)],
    );
    expect(town.rules).toEqual(stored);
    expect(town.rules).toContainEqual(expect.objectContaining({ rule: R3, status: "NOT_MET" }));

    const elsewhere = await call(PICTURE, { unitId: idOf(DALATE) }, tokens.zhungeerAdmin);
    expect(elsewhere.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
    expect(elsewhere.errors![0].message).toBe(`Org unit ${idOf(DALATE)} does not exist in your area.`);
    expect(elsewhere.data?.complianceScorecard ?? null).toBeNull();
  });
});
