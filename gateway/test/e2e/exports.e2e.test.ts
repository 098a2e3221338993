/* eslint-disable @typescript-eslint/no-explicit-any -- the API's answers are read untyped, compared cell by cell */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { orgUnitIdForCode } from "@grassroots/kit";
import { callGateway, startSuite, type RunningSuite } from "@grassroots/testing";
import { formatMoney, sumFen } from "@grassroots/kit/validation";
import { fenOfYuan, ratioText, wanYuanText } from "../../src/exports/money";
import { AWARD_ALLOCATION_QUERY } from "../../src/exports/reports/award-allocation";
import { POST_COVERAGE_QUERY } from "../../src/exports/reports/post-coverage";
import { STAFFING_GAPS_QUERY } from "../../src/exports/reports/staffing-gaps";
import { STANDARDIZATION_QUERY } from "../../src/exports/reports/standardization";
import { TRAINING_COVERAGE_QUERY } from "../../src/exports/reports/training-coverage";
import { displayWidth } from "../../src/exports/text-width";
import { BUDGET_EXECUTION_QUERY } from "../../src/exports/reports/budget-execution";
import { RANKING_QUERY } from "../../src/exports/reports/ranking";
import { ROSTER_QUERY } from "../../src/exports/reports/roster";
import { SCORECARD_QUERY } from "../../src/exports/reports/scorecard";

// The .xlsx exports as a bureau fetches them: every subgraph and the gateway as real processes, each
// service's own seed (the Ordos tree, ~1,670 sample staff, budget lines, last year's published
// assessment), then GET /exports/<report>.xlsx with a token, read back with exceljs and compared
// with the API's answer to the same operation for the same caller.

const ROOT = resolve(__dirname, "../../..");
const CITY = "150600000000"; // 鄂尔多斯市
const DALATE = "150621000000"; // 达拉特旗
const HEADER_ROW = 6;

let suite: RunningSuite;
let exportsUrl: string;

const runSeed = (service: string) =>
  execFileSync(process.execPath, ["dist/cli/seed.js"], {
    cwd: resolve(ROOT, "services", service),
    env: {
      ...process.env,
      DATABASE_URL: suite.databases[service].url,
      LOG_LEVEL: "warn",
      SEED_WAIT_SECONDS: "120",
    },
    encoding: "utf8",
  });

const chinaYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

async function fetchExport(path: string, token?: string) {
  const res = await fetch(
    `${exportsUrl}${path}`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

/** Fetches an export that must succeed and returns its only sheet. */
async function sheetOf(path: string, token: string): Promise<ExcelJS.Worksheet> {
  const { res, body } = await fetchExport(path, token);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0];
}

/** The refusal of an export: its status and JSON `{ code, message }`. */
async function refusalOf(path: string, token?: string) {
  const { res, body } = await fetchExport(path, token);
  return { status: res.status, ...(JSON.parse(body.toString("utf8")) as { code: string; message: string }) };
}

async function api<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await callGateway<T>(suite.gatewayUrl, query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

const values = (sheet: ExcelJS.Worksheet, row: number): unknown[] =>
  (sheet.getRow(row).values as unknown[]).slice(1);

/** Data rows: after the header, up to (not including) the totals row. */
function dataRows(sheet: ExcelJS.Worksheet, totalsLabel: string): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const v = values(sheet, r);
    if (v[0] === totalsLabel || (typeof v[0] === "string" && v[0].startsWith("注"))) break;
    rows.push(v);
  }
  return rows;
}

function expectStatisticalBlock(sheet: ExcelJS.Worksheet, title: string, filer: string, unit: string) {
  expect(sheet.getCell(1, 1).value).toBe(title);
  const block = [2, 3, 4].map((r) => values(sheet, r).filter(Boolean).join(""));
  expect(block[0]).toMatch(/^表号：基统\d表$/);
  expect(block[1]).toBe("制表机关：鄂尔多斯市统计局");
  expect(block[2]).toMatch(/^文号：/);
  const filing = values(sheet, 5).filter(Boolean);
  expect(filing[0]).toBe(`填报单位：${filer}`);
  expect(filing[1]).toMatch(/^日期：\d{4}年\d{1,2}月\d{1,2}日$/);
  expect(filing[2]).toBe(`单位：${unit}`);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW });
}

/** Every page of the roster operation, as the API answers the same caller. */
async function rosterThroughApi(unitId: string, token: string) {
  const people: any[] = [];
  let after: string | null = null;
  for (;;) {
    const { statisticians }: any = await api(ROSTER_QUERY, { unitId, first: 50, after }, token);
    people.push(...statisticians.edges.map((e: any) => e.node));
    if (!statisticians.pageInfo.hasNextPage) return { people, totalCount: statisticians.totalCount };
    after = statisticians.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  suite = await startSuite(["organization", "personnel", "training", "finance", "evaluation"]);
  exportsUrl = suite.gatewayUrl.replace(/\/graphql$/, "/exports/");
  for (const service of ["organization", "personnel", "training", "finance", "evaluation"]) runSeed(service);
}, 600000);

afterAll(async () => {
  await suite?.stop();
});

describe("spreadsheet exports (导出 Excel)", () => {
  it("the city's roster (花名册): the statistical block, one row per post as the API lists them, the total; timed", async () => {
    const token = await suite.token("CITY_ADMIN", CITY);
    const started = Date.now();
    const sheet = await sheetOf("roster.xlsx", token);
    const ms = Date.now() - started;
    const { people, totalCount } = await rosterThroughApi(orgUnitIdForCode(CITY), token);
    // eslint-disable-next-line no-console
    console.log(`export of the city's roster: ${totalCount} people, ${sheet.rowCount} rows, ${ms} ms`);

    expectStatisticalBlock(sheet, "统计人员花名册", "鄂尔多斯市", "人");
    expect(values(sheet, HEADER_ROW).slice(0, 5)).toEqual(["序号", "姓名", "性别", "民族", "身份证号"]);
    const rows = dataRows(sheet, "合计");
    const expected = people.flatMap((p) =>
      (p.assignments.length ? p.assignments : [null]).map((a: any) => [
        p.name,
        p.idNumber,
        a?.orgUnit.name ?? "",
      ]),
    );
    expect(totalCount).toBeGreaterThan(1000);
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => [r[1], r[4], r[8] ?? ""])).toEqual(expected);
    expect(rows[0][0]).toBe(1);
    // Full ID numbers for the city's administrator, as the API shows them to that role.
    expect(rows[0][4]).toMatch(/^\d{17}[\dX]$/);
    const totals = values(sheet, HEADER_ROW + rows.length + 1);
    expect(totals.slice(0, 2)).toEqual(["合计", `${totalCount}人`]);
    // CJK counted twice: the unit-name column is wider than its longest name in characters.
    const widest = Math.max(...rows.slice(0, 50).map((r) => displayWidth(String(r[8] ?? ""))));
    expect(widest).toBeGreaterThan(String(rows[0][8]).length);
    expect(sheet.getColumn(9).width).toBeGreaterThanOrEqual(widest);
  });

  it.each(["INSPECTOR", "FINANCE_OFFICER"] as const)(
    "the roster for a %s: ID numbers and phones masked exactly as the API masks them for that role",
    async (role) => {
      const token = await suite.token(role, DALATE);
      const sheet = await sheetOf("roster.xlsx", token);
      const { people } = await rosterThroughApi(orgUnitIdForCode(DALATE), token);
      expectStatisticalBlock(sheet, "统计人员花名册", "达拉特旗", "人");
      const rows = dataRows(sheet, "合计");
      const byPost = people.flatMap((p) => (p.assignments.length ? p.assignments : [null]).map(() => p));
      expect(rows.map((r) => [r[4] ?? "", r[5] ?? ""])).toEqual(
        byPost.map((p) => [p.idNumber ?? "", p.phone ?? ""]),
      );
      // Scoped as the API scopes: every post listed lies in 达拉特旗.
      expect(rows.every((r) => r[9] === undefined || String(r[9]).startsWith("150621"))).toBe(true);
      const ids = rows.map((r) => String(r[4])).filter(Boolean);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(id).not.toMatch(/^\d{17}[\dX]$/);
    },
  );

  it("R3/R5/R7: a banner's exported roster imports back through the gateway (importStatisticianRoster, XLSX) as a dry run with every row unchanged and none rejected; a real rerun writes nothing", async () => {
    const token = await suite.token("BANNER_ADMIN", DALATE);
    const { res, body } = await fetchExport("roster.xlsx", token);
    expect(res.status).toBe(200);
    // one row per post, and a row without post for someone whose posts ended: each confirms what is there
    const rows = dataRows(await sheetOf("roster.xlsx", token), "合计");
    expect(rows.some((r) => r[9] === undefined)).toBe(true);
    const IMPORT = `mutation ($input: ImportStatisticianRosterInput!) { importStatisticianRoster(input: $input) {
      dryRun registered appointed unchanged rejectedCount rejected { line unitCode reason } } }`;
    const content = body.toString("base64");
    const dry = await api(IMPORT, { input: { format: "XLSX", content, dryRun: true } }, token);
    expect(dry.importStatisticianRoster).toEqual({
      dryRun: true,
      registered: 0,
      appointed: 0,
      unchanged: rows.length,
      rejectedCount: 0,
      rejected: [],
    });
    const count = async () =>
      (
        await api(
          `query ($u: ID!) { statisticians(first: 1, filter: { orgUnitId: $u }) { totalCount } }`,
          {
            u: orgUnitIdForCode(DALATE),
          },
          token,
        )
      ).statisticians.totalCount;
    const before = await count();
    const real = await api(IMPORT, { input: { format: "XLSX", content } }, token);
    expect(real.importStatisticianRoster).toMatchObject({
      dryRun: false,
      registered: 0,
      appointed: 0,
      rejectedCount: 0,
    });
    expect(await count()).toBe(before);
  });

  it("budget execution (R8) of the year in 万元: rows as the API's table, the banners' total summed in fen, the rounding note", async () => {
    const token = await suite.token("CITY_ADMIN", CITY);
    const year = chinaYear();
    const sheet = await sheetOf(`budget-execution.xlsx?year=${year}`, token);
    const answer: any = await api(BUDGET_EXECUTION_QUERY, { year }, token);
    expectStatisticalBlock(sheet, `${year}年度基层统计工作经费预算执行情况表`, "鄂尔多斯市", "万元");
    const rows = dataRows(sheet, "旗区合计");
    expect(rows).toHaveLength(answer.budgetExecution.length);
    expect(answer.budgetExecution.length).toBe(10); // the city's own lines and the nine banners
    const names = new Map(answer.orgUnits.edges.map((e: any) => [e.node.id, e.node]));
    answer.budgetExecution.forEach((e: any, i: number) => {
      const unit: any = names.get(e.unitId);
      expect(rows[i][2]).toBe(unit.code);
      expect(rows[i].slice(3, 7)).toEqual(
        [e.budgeted, e.dueToDate, e.paid, e.paidOnTime].map((y) => Number(wanYuanText(fenOfYuan(y)))),
      );
      expect(rows[i][7] ?? null).toEqual(e.executionRate === null ? null : Number(e.executionRate));
    });
    const banners = answer.budgetExecution.filter((e: any) => (names.get(e.unitId) as any).kind !== "CITY");
    const budgeted = sumFen(banners.map((e: any) => fenOfYuan(e.budgeted)));
    expect(budgeted).toBeGreaterThan(0n);
    const totals = values(sheet, HEADER_ROW + rows.length + 1);
    expect(totals[0]).toBe("旗区合计");
    expect(totals[3]).toBe(Number(wanYuanText(budgeted)));
    expect(totals[5]).toBe(Number(wanYuanText(sumFen(banners.map((e: any) => fenOfYuan(e.paid))))));
    const notes = values(sheet, HEADER_ROW + rows.length + 2).join("");
    expect(notes).toContain("万元");
    expect(notes).toContain("四舍五入");
  });

  it("the city's compliance scorecard (R13): the city's own line, then every unit below it as the API lists them", async () => {
    const token = await suite.token("CITY_ADMIN", CITY);
    const year = chinaYear();
    const sheet = await sheetOf(`scorecard.xlsx?year=${year}`, token);
    const { complianceScorecard: picture }: any = await api(
      SCORECARD_QUERY,
      { year, unitId: orgUnitIdForCode(CITY) },
      token,
    );
    expectStatisticalBlock(sheet, `${year}年度基层统计规范化合规评分表`, "鄂尔多斯市", "个");
    const rows = dataRows(sheet, "下级合计");
    expect(rows).toHaveLength(picture.units.length + 1);
    expect(rows[0].slice(0, 3)).toEqual(["本级", picture.unit.unitName, picture.unit.unitCode]);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3] ?? null])).toEqual(
      picture.units.map((c: any) => [c.unitName, c.unitCode, c.score === null ? null : Number(c.score)]),
    );
    const r8 = values(sheet, HEADER_ROW).indexOf("R8.funds-on-time-in-full");
    expect(r8).toBeGreaterThan(0);
    const status = (s: string) =>
      ({ MET: "达标", NOT_MET: "未达标", NOT_APPLICABLE: "不适用", UNKNOWN: "未知" })[s];
    const cityR8 = picture.unit.rules.find((r: any) => r.rule === "R8.funds-on-time-in-full");
    expect(rows[0][r8]).toBe(status(cityR8?.status ?? "NOT_APPLICABLE"));
    const totals = values(sheet, HEADER_ROW + rows.length + 1);
    expect(totals[0]).toBe("下级合计");
    expect(totals.slice(-2)).toEqual([
      picture.units.reduce((n: number, c: any) => n + c.openFindings, 0),
      picture.units.reduce((n: number, c: any) => n + c.overdueFindings, 0),
    ]);
  });

  it("the assessment ranking (R12) of last year's published results: rank, unit, score, grade as the API", async () => {
    const token = await suite.token("CITY_ADMIN", CITY);
    const year = chinaYear() - 1;
    const sheet = await sheetOf(`ranking.xlsx?year=${year}`, token);
    const { assessmentRanking: ranking }: any = await api(
      RANKING_QUERY,
      { year, ownerUnitId: orgUnitIdForCode(CITY) },
      token,
    );
    expectStatisticalBlock(sheet, `${year}年度${ranking.scheme.name}考核结果排名表`, "鄂尔多斯市", "个");
    const rows = dataRows(sheet, "");
    expect(ranking.results).toHaveLength(9);
    expect(rows).toEqual(
      ranking.results.map((r: any) => [r.rank, r.unitName, r.unitCode, Number(r.score), r.grade ?? ""]),
    );
  });

  it("staffing gaps (R3/R4) of a banner, for its administrator: one row per unit with a gap, the counts summed", async () => {
    const token = await suite.token("BANNER_ADMIN", DALATE);
    const sheet = await sheetOf("staffing-gaps.xlsx", token);
    const { staffingGaps: g }: any = await api(
      STAFFING_GAPS_QUERY,
      { bannerId: orgUnitIdForCode(DALATE) },
      token,
    );
    expectStatisticalBlock(sheet, "达拉特旗基层统计人员配备缺口情况表", "达拉特旗", "人");
    const rows = dataRows(sheet, "合计");
    expect(g.units.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r[1], r[2], r[4], r[7]])).toEqual(
      g.units.map((u: any) => [u.unitName, u.unitCode, u.staffing.counts.active, u.staffing.counts.pending]),
    );
    expect(String(rows[0][8])).toContain(g.units[0].staffing.gaps[0].rule);
    const totals = values(sheet, HEADER_ROW + rows.length + 1);
    expect(totals.slice(0, 2)).toEqual(["合计", `${g.units.length}个单位`]);
    expect(totals[4]).toBe(g.units.reduce((n: number, u: any) => n + u.staffing.counts.active, 0));
  });

  it.each([
    ["post-coverage", "基层统计岗位设置覆盖情况表", "个"],
    ["standardization", "年度乡镇（街道）统计站所“八有八化”规范化建设进展情况表", "个"],
    ["training-coverage", "年度基层统计人员业务培训覆盖情况表", "人"],
  ])(
    "%s per banner for the city: each banner as the API, rates as given, the totals' rate from the summed counts",
    async (report, title, unit) => {
      const token = await suite.token("CITY_ADMIN", CITY);
      const year = chinaYear();
      const sheet = await sheetOf(`${report}.xlsx?year=${year}`, token);
      let expected: unknown[][];
      let sums: [number, number];
      if (report === "post-coverage") {
        const { postCoverage }: any = await api(POST_COVERAGE_QUERY, {}, token);
        expected = postCoverage.map((c: any) => [
          c.banner.name,
          c.banner.code,
          c.total,
          c.established,
          c.rate,
        ]);
        sums = [
          postCoverage.reduce((n: number, c: any) => n + c.established, 0),
          postCoverage.reduce((n: number, c: any) => n + c.total, 0),
        ];
        expectStatisticalBlock(sheet, title, "鄂尔多斯市", unit);
      } else if (report === "standardization") {
        const { standardizationSummary: s }: any = await api(STANDARDIZATION_QUERY, { year }, token);
        expected = s.map((c: any) => [
          c.banner.name,
          c.banner.code,
          c.townships,
          c.assessed,
          c.completionRate,
        ]);
        sums = [
          s.reduce((n: number, c: any) => n + c.standardized, 0),
          s.reduce((n: number, c: any) => n + c.townships, 0),
        ];
        expectStatisticalBlock(sheet, `${year}${title}`, "鄂尔多斯市", unit);
      } else {
        const { trainingCoverage: t }: any = await api(TRAINING_COVERAGE_QUERY, { year }, token);
        expected = t.banners.map((b: any) => [b.banner.name, b.banner.code, b.staff, b.attended, b.rate]);
        sums = [
          t.banners.reduce((n: number, b: any) => n + b.attended, 0),
          t.banners.reduce((n: number, b: any) => n + b.staff, 0),
        ];
        expectStatisticalBlock(sheet, `${year}${title}`, "鄂尔多斯市", unit);
      }
      const rows = dataRows(sheet, "合计");
      expect(rows).toHaveLength(9);
      const rateColumn = report === "standardization" ? 6 : 5;
      expect(rows.map((r) => [r[1], r[2], r[3], r[4], r[rateColumn] ?? null])).toEqual(expected);
      expect(sheet.getRow(HEADER_ROW + 1).getCell(rateColumn + 1).numFmt).toBe("0.00%");
      const totals = values(sheet, HEADER_ROW + rows.length + 1);
      expect(totals[0]).toBe("合计");
      const rate = ratioText(BigInt(sums[0]), BigInt(sums[1]));
      expect(totals[rateColumn] ?? null).toBe(rate === null ? null : Number(rate));
    },
  );

  it("the award allocation of a round (R9) in 元: every banner as the round shows it, amounts summed in fen", async () => {
    const admin = await suite.token("CITY_ADMIN", CITY, "city-admin", "王丽");
    const officer = await suite.token("FINANCE_OFFICER", CITY, "city-finance", "赵敏");
    const year = chinaYear() - 1; // the year the evaluation seed published the city's results for
    const cityUnitId = orgUnitIdForCode(CITY);
    const { createAwardProgramme: programme } = await api(
      `mutation ($input: CreateAwardProgrammeInput!) { createAwardProgramme(input: $input) { id } }`,
      {
        input: {
          cityUnitId,
          name: "导出测试以奖代补",
          firstYear: year,
          lastYear: year,
          annualAmount: "10000000.00",
          rule: { kind: "SCORE_PROPORTIONAL" },
        },
      },
      admin,
    );
    const { createBudgetLine: line } = await api(
      `mutation ($input: CreateBudgetLineInput!) { createBudgetLine(input: $input) { id } }`,
      {
        input: {
          fiscalYear: year,
          ownerUnitId: cityUnitId,
          purpose: "AWARD_PROGRAMME",
          classificationCode: "2010599",
          documentTitle: "以奖代补资金",
          documentNumber: `鄂财行〔${year}〕5号`,
          amount: "10000000.00",
          schedule: { kind: "ONCE", dueDate: `${year}-12-31` },
        },
      },
      officer,
    );
    const { openAllocationRound: opened } = await api(
      `mutation ($input: OpenAllocationRoundInput!) { openAllocationRound(input: $input) { id version } }`,
      { input: { programmeId: programme.id, fiscalYear: year, lineId: line.id } },
      admin,
    );
    await api(
      `mutation ($input: AllocationRoundStepInput!) { computeAllocationRound(input: $input) { id } }`,
      { input: { roundId: opened.id, expectedVersion: opened.version } },
      admin,
    );
    const sheet = await sheetOf(`award-allocation.xlsx?roundId=${opened.id}`, admin);
    const { allocationRound: round }: any = await api(AWARD_ALLOCATION_QUERY, { roundId: opened.id }, admin);
    expectStatisticalBlock(sheet, `${year}年度基层统计工作以奖代补资金分配表`, "鄂尔多斯市", "元");
    const rows = dataRows(sheet, "合计");
    expect(round.allocations).toHaveLength(9);
    expect(rows.map((r) => [r[1], r[2], r[3], r[5], r[6]])).toEqual(
      round.allocations.map((a: any) => [
        a.unitName,
        a.unitCode,
        Number(a.score),
        Number(a.amount),
        Number(a.paid),
      ]),
    );
    const allocated = sumFen(round.allocations.map((a: any) => fenOfYuan(a.amount)));
    expect(allocated + fenOfYuan(round.remainder ?? "0.00")).toBe(1_000_000_000n);
    const totals = values(sheet, HEADER_ROW + rows.length + 1);
    expect(totals[0]).toBe("合计");
    expect(totals[5]).toBe(Number(formatMoney(allocated)));
    expect(await refusalOf("award-allocation.xlsx", admin)).toMatchObject({
      status: 400,
      code: "BAD_USER_INPUT",
    });
  });

  describe("refusals, as the API refuses", () => {
    it("no token, or a bad one: 401 UNAUTHENTICATED", async () => {
      expect(await refusalOf("roster.xlsx")).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
      expect(await refusalOf("roster.xlsx", "not.a.jwt")).toMatchObject({
        status: 401,
        code: "UNAUTHENTICATED",
      });
    });

    it("an unknown report: 404 NOT_FOUND naming the exports there are", async () => {
      const token = await suite.token("CITY_ADMIN", CITY);
      const refusal = await refusalOf("salaries.xlsx", token);
      expect(refusal).toMatchObject({ status: 404, code: "NOT_FOUND" });
      expect(refusal.message).toContain("roster.xlsx");
    });

    it("bad parameters: 400 BAD_USER_INPUT naming the parameter", async () => {
      const token = await suite.token("CITY_ADMIN", CITY);
      const year = await refusalOf("budget-execution.xlsx?year=20x4", token);
      expect(year).toMatchObject({ status: 400, code: "BAD_USER_INPUT" });
      expect(year.message).toContain("year");
      const unit = await refusalOf("roster.xlsx?unitId=150621000000", token);
      expect(unit).toMatchObject({ status: 400, code: "BAD_USER_INPUT" });
      expect(unit.message).toContain("unitId");
    });

    it("a role without the right: the API's code (FORBIDDEN → 403) for budget execution by a unit clerk", async () => {
      const token = await suite.token("UNIT_CLERK", "150621100000");
      const year = chinaYear();
      const res = await callGateway(suite.gatewayUrl, BUDGET_EXECUTION_QUERY, { year }, token);
      expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      const refusal = await refusalOf(`budget-execution.xlsx?year=${year}`, token);
      expect(refusal).toEqual({ status: 403, code: "FORBIDDEN", message: res.errors![0].message });
    });

    it("a unit outside the caller's area: refused with the API's code and words", async () => {
      const token = await suite.token("BANNER_ADMIN", DALATE);
      const other = orgUnitIdForCode("150622000000"); // 准格尔旗
      const res = await callGateway(
        suite.gatewayUrl,
        SCORECARD_QUERY,
        { year: chinaYear(), unitId: other },
        token,
      );
      const code = res.errors?.[0].extensions?.code;
      expect(code).toBe("NOT_FOUND");
      const refusal = await refusalOf(`scorecard.xlsx?unitId=${other}`, token);
      expect(refusal).toEqual({ status: 404, code, message: res.errors![0].message });
    });
  });
});
