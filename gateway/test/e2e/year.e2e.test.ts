import { randomUUID } from "node:crypto";
import { orgUnitIdForCode as idOf } from "@grassroots/kit";
import {
  callGateway,
  queryDatabase as sql,
  readTopic,
  startSuite,
  testIdNumber,
  waitFor,
  type RunningSuite,
} from "@grassroots/testing";
import {
  appointAt,
  chinaDay as day,
  DALATE,
  expectRefusedThroughGateway,
  gatewayClient,
  importOrdosDivisions,
  passPrePostTraining,
  SHULINZHAO,
} from "../support/ordos-suite";
import {
  cloudEventProblems,
  dayOfYear,
  ELAPSED,
  fen,
  hundredths,
  ID_NUMBER,
  plusDays,
  readEveryTopic,
  readUntil,
  spreadDue,
  YEAR,
  YearClock,
  yuan,
} from "../support/year-steps";
import {
  linesDisagreeingWithOwners,
  paidPerLine,
  roundPaid,
  roundTotal,
  shareMetrics,
  trainingCoverageInTables,
} from "../support/year-tables";
import {
  consumedStreams,
  fingerprints,
  poisonFor,
  produce,
  staleAfterNewer,
  waitUntilConsumed,
} from "../support/redelivery";

// Issue 13: one year of Ordos through the one endpoint, as its users would do it — the tree
// imported, people appointed, trained and filed, the city's training, budgets paid (some late or
// short), meetings and inspections (one finding overdue), the city's assessment of the nine banners
// with AUTO indicators from the live rule statuses, two award rounds from its published results,
// commendations, village subsidies, and the scorecards that show it all. All five subgraphs and the
// gateway as real processes on real PostgreSQL and Kafka; each step's figures are checked against
// the owning service's database, and every topic is read back with kcat at the end.

const CITY = "150600000000";
const ZHUNGEER = "150622000000"; // 准格尔旗
const JIGESITAI = "150621101000"; // 吉格斯太镇, 达拉特旗: only a part-timer (short of a full-timer, R3)
const XUEJIAWAN = "150622100000"; // 薛家湾镇, 准格尔旗
const VILLAGE = "150621100201"; // 树林召村, created under 树林召镇
const TODAY = day();
const R6_BANNER = "R6.banner-coverage";

let suite: RunningSuite;
const clock = new YearClock();
const tokens: Record<string, string> = {};
const gql = gatewayClient(
  () => suite,
  () => tokens.bannerAdmin,
);
const call = (query: string, variables: Record<string, unknown>, token: string) =>
  callGateway(suite.gatewayUrl, query, variables, token);
/** A read past the gateway's response cache (it keeps summaries for other callers up to 15 s). */
const fresh = async (query: string, variables: Record<string, unknown>, token: string) => {
  const res = await callGateway(suite.gatewayUrl, query, variables, token, { "cache-control": "no-cache" });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};
const db = (svc: string) => suite.databases[svc].url;
/** The first field of a mutation's answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const run = async (query: string, input: Record<string, unknown>, token: string): Promise<any> =>
  Object.values(await gql(query, { input }, token))[0];
const mutation = (name: string, inputType: string, fields = "id version") =>
  `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`;

/** The outbox's rows by id: nothing written adds none (the relay marks earlier rows sent meanwhile). */
const OUTBOX_IDS = "(SELECT id FROM outbox)";
const PERSONNEL_TABLES = ["statistician", "post_assignment", "filing", "filing_step", OUTBOX_IDS];
const EVALUATION_TABLES = [
  "assessment_scheme",
  "assessment",
  "assessment_score",
  "assessment_result_set",
  "commendation",
  "commendation_quota",
  OUTBOX_IDS,
];
const FINANCE_TABLES = ["allocation_round", "round_allocation", "round_step", "disbursement", OUTBOX_IDS];

/** The topics the year's steps publish on (without the suite's prefix). */
const YEAR_TOPICS = [
  "organization.org-unit",
  "organization.rule-status",
  "personnel.statistician",
  "personnel.assignment",
  "personnel.filing",
  "personnel.rule-status",
  "training.session",
  "training.certificate",
  "training.rule-status",
  "finance.budget-line",
  "finance.disbursement",
  "finance.allocation-round",
  "finance.subsidy-claim",
  "finance.rule-status",
  "evaluation.work-meeting",
  "evaluation.meeting-problem",
  "evaluation.finding",
  "evaluation.rectification",
  "evaluation.assessment-scheme",
  "evaluation.assessment-results",
  "evaluation.commendation",
  "evaluation.rule-status",
].map((t) => `grassroots.${t}.v1`);
/** The year's people: who serves where (n: the invented ID number's sequence). */
const PEOPLE = {
  a: { unit: SHULINZHAO, name: "专职统计员甲", n: 1, role: "FULL_TIME", establishment: "IN_ESTABLISHMENT" },
  c: { unit: JIGESITAI, name: "兼职统计员丙", n: 2, role: "PART_TIME", establishment: "CONTRACT" },
  v1: { unit: VILLAGE, name: "村统计员甲", n: 3, role: "LIAISON", establishment: "CONTRACT" },
  v2: { unit: VILLAGE, name: "村统计员乙", n: 4, role: "LIAISON", establishment: "CONTRACT" },
  z: { unit: XUEJIAWAN, name: "专职统计员戊", n: 5, role: "FULL_TIME", establishment: "IN_ESTABLISHMENT" },
} as const;
type Who = keyof typeof PEOPLE;
const lines: Record<string, { id: string; level: string; amount: string }> = {};
/** Named in a meeting's problem: kept in evaluation's database, never in an event. */
const RESPONSIBLE_PERSON = "刘建军";
/** The city's grades (minimum total) and each banner's MANUAL score, by unit code. */
const GRADES = [
  { grade: "优秀", min: 80 },
  { grade: "良好", min: 60 },
  { grade: "合格", min: 40 },
  { grade: "不合格", min: 0 },
];
const MANUAL = [95, 92, 88, 85, 83, 81, 78, 70, 65];
/** weight × score / max in hundredths, rounded half up in integers (evaluation's points). */
const pointsOf = (weight: number, score: number, max: number) =>
  Math.floor((2 * weight * score + max) / (2 * max));
/** The published totals (hundredths) by unit code; the rounds' ids by rule kind. */
const results: Record<string, number> = {};
const rounds: Record<string, string> = {};
const ids: Partial<Record<Who, { statisticianId: string; assignmentId: string }>> = {};
const sid = (who: Who) => ids[who]!.statisticianId;
/** The dated steps (a meeting 40 days ago, an instalment 20 days late) fit into this year so far. */
const YEAR_FITS = ELAPSED >= 45;

beforeAll(async () => {
  // The city's assessment freezes its AUTO indicators at today's cut-off, so the year is the current
  // one and every dated step of it (instalments paid 20 days late, a meeting 40 days ago, sessions
  // held) must fit into the part of it gone by.
  if (!YEAR_FITS) {
    // eslint-disable-next-line no-console
    console.warn(
      `The year's steps need 45 days of ${YEAR} gone by (${ELAPSED} so far): skipped until 15 February.`,
    );
    return;
  }
  // Periodic checks often enough for a test: R13's overdue findings, R11's overdue problems.
  process.env.EVALUATION_CHECK_EVERY_MS = "2000";
  // ... and training's R6 and personnel's R5/R7, which move only with them (within this interval)
  process.env.RULE_STATUS_CHECK_EVERY_MS = "2000";
  suite = await clock.step("suite start (5 subgraphs + gateway)", () =>
    startSuite(["organization", "personnel", "training", "finance", "evaluation"]),
  );
  delete process.env.EVALUATION_CHECK_EVERY_MS;
  delete process.env.RULE_STATUS_CHECK_EVERY_MS;
}, 240000);

beforeEach(async () => {
  if (!YEAR_FITS) return;
  // Fresh tokens per step (they last ten minutes).
  tokens.city = await suite.token("CITY_ADMIN", CITY, "city-wangli", "王丽");
  tokens.city2 = await suite.token("CITY_ADMIN", CITY, "city-liusi", "刘思");
  tokens.cityOfficer = await suite.token("FINANCE_OFFICER", CITY, "city-finance", "陈会");
  tokens.inspector = await suite.token("INSPECTOR", CITY, "city-inspector", "周检");
  tokens.bannerAdmin = await suite.token("BANNER_ADMIN", DALATE, "dalate-admin", "李强");
  tokens.officer = await suite.token("FINANCE_OFFICER", DALATE, "dalate-finance", "赵敏");
  tokens.zhungeerAdmin = await suite.token("BANNER_ADMIN", ZHUNGEER, "zhungeer-admin", "孙杰");
  tokens.zhungeerOfficer = await suite.token("FINANCE_OFFICER", ZHUNGEER, "zhungeer-finance", "钱芳");
  tokens.clerk = await suite.token("UNIT_CLERK", SHULINZHAO, "shulinzhao-clerk", "张华");
});

afterAll(async () => {
  // eslint-disable-next-line no-console
  console.log(clock.report());
  await suite?.stop();
});

let banners: { id: string; code: string; name: string; path: string }[]; // the nine, by code

// Skipped (reported as skipped, not passed) from 1 January to 14 February: see beforeAll.
const describeYear = YEAR_FITS ? describe : describe.skip;
describeYear("the year end to end through the gateway (issue 13)", () => {
  it("R1/R5/R7: the org tree imported; posts established; statisticians appointed (PENDING_TRAINING until trained), trained and ACTIVE; their filings forwarded and filed", async () => {
    await clock.step("1 tree, people, filings", async () => {
      importOrdosDivisions(suite);
      banners = await sql(
        db("organization"),
        `SELECT id::text, code, name, path FROM org_unit WHERE parent_id = $1 ORDER BY code`,
        [idOf(CITY)],
      );
      expect(banners).toHaveLength(9);
      const bannerAdmin = tokens.bannerAdmin;
      await run(
        mutation("createOrgUnit", "CreateOrgUnitInput", "id kind"),
        { parentId: idOf(SHULINZHAO), code: VILLAGE, name: "树林召村", kind: "VILLAGE" },
        bannerAdmin,
      );
      // R1: the bureau records the posts of the two towns and the village
      for (const code of [SHULINZHAO, JIGESITAI, VILLAGE]) {
        const unit = (
          await fresh(
            `query ($c: String!) { orgUnitByCode(code: $c) { id version } }`,
            { c: code },
            bannerAdmin,
          )
        ).orgUnitByCode;
        const updated = await run(
          mutation("updateOrgUnit", "UpdateOrgUnitInput", "id statisticsPost { established establishedOn }"),
          {
            id: unit.id,
            expectedVersion: unit.version,
            postEstablished: true,
            postEstablishedOn: dayOfYear(20),
          },
          bannerAdmin,
        );
        expect(updated.statisticsPost).toEqual({ established: true, establishedOn: dayOfYear(20) });
      }
      // 树林召镇's register holds 800 units: one full-timer suffices (R3)
      const town = (
        await fresh(
          `query ($c: String!) { orgUnitByCode(code: $c) { id version } }`,
          { c: SHULINZHAO },
          bannerAdmin,
        )
      ).orgUnitByCode;
      await run(
        mutation("setRegisterCount", "SetRegisterCountInput", "id registerCount"),
        { id: town.id, expectedVersion: town.version, count: 800, asOf: dayOfYear(31) },
        bannerAdmin,
      );

      // Appointments by each banner's bureau: every one files an APPOINTMENT (R5) and waits for training (R7)
      const zhungeer = gatewayClient(
        () => suite,
        () => tokens.zhungeerAdmin,
      );
      for (const who of Object.keys(PEOPLE) as Who[]) {
        const p = PEOPLE[who];
        ids[who] = await appointAt(who === "z" ? zhungeer : gql, p.unit, p.name, p.n, {
          role: p.role,
          establishment: p.establishment,
          startDate: day(-10),
        });
      }
      const pending = await sql<{ status: string }>(
        db("personnel"),
        `SELECT status FROM post_assignment WHERE id = ANY($1::uuid[])`,
        [Object.values(ids).map((i) => i!.assignmentId)],
      );
      expect(pending.map((r) => r.status)).toEqual(Array(5).fill("PENDING_TRAINING"));

      // R5: a clerk may not file (FORBIDDEN, nothing written); the township forwards the village's,
      // the banner bureau files them — all but 村统计员乙's, still waiting at the township
      const filings = await sql<{ id: string; statistician_id: string; route: string; version: number }>(
        db("personnel"),
        `SELECT id::text, statistician_id::text, route, version FROM filing ORDER BY submitted_at`,
      );
      expect(filings).toHaveLength(5);
      const filingOf = (who: Who) => filings.find((f) => f.statistician_id === sid(who))!;
      expect(filingOf("a").route).toBe("DIRECT");
      expect(filingOf("v1").route).toBe("VIA_TOWNSHIP");
      const step = (name: string, who: Who, version: number, token: string) =>
        run(
          mutation(name, "FilingStepInput", "id status version"),
          { requestId: randomUUID(), filingId: filingOf(who).id, expectedVersion: version },
          token,
        );
      await expectRefusedThroughGateway(db("personnel"), PERSONNEL_TABLES, "FORBIDDEN", () =>
        call(
          mutation("fileFiling", "FilingStepInput"),
          { input: { requestId: randomUUID(), filingId: filingOf("a").id, expectedVersion: 1 } },
          tokens.clerk,
        ),
      );
      const forwarded = await step("forwardFiling", "v1", filingOf("v1").version, tokens.clerk);
      expect(forwarded.status).toBe("FORWARDED");
      expect((await step("fileFiling", "v1", forwarded.version, bannerAdmin)).status).toBe("FILED");
      for (const who of ["a", "c"] as Who[])
        expect((await step("fileFiling", who, filingOf(who).version, bannerAdmin)).status).toBe("FILED");
      expect((await step("fileFiling", "z", filingOf("z").version, tokens.zhungeerAdmin)).status).toBe(
        "FILED",
      );

      // R7: each banner's pre-post session; 村统计员乙 joined late and waits for the next one
      await passPrePostTraining(gql, DALATE, [sid("a"), sid("c"), sid("v1")]);
      await passPrePostTraining(zhungeer, ZHUNGEER, [sid("z")]);
      const posts = await waitFor(
        async () => {
          const rows = await sql<{ statistician_id: string; status: string; certificate_id: string | null }>(
            db("personnel"),
            `SELECT statistician_id::text, status, certificate_id::text FROM post_assignment`,
          );
          return rows.filter((r) => r.status === "ACTIVE").length === 4 ? rows : undefined;
        },
        "personnel to activate the four certified posts",
        30000,
        250,
      );
      const statusOf = (who: Who) => posts.find((r) => r.statistician_id === sid(who))!;
      for (const who of ["a", "c", "v1", "z"] as Who[]) {
        expect(statusOf(who).status).toBe("ACTIVE");
        expect(statusOf(who).certificate_id).not.toBeNull();
      }
      expect(statusOf("v2")).toMatchObject({ status: "PENDING_TRAINING", certificate_id: null });

      // what the bureau reads through the gateway agrees with personnel's and organization's tables
      const person = (
        await fresh(
          `query ($id: ID!) { statistician(id: $id) { assignments { status } prePostGate { certified } } }`,
          { id: sid("a") },
          bannerAdmin,
        )
      ).statistician;
      expect(person).toEqual({ assignments: [{ status: "ACTIVE" }], prePostGate: { certified: true } });
      const filed = await sql<{ status: string; n: number }>(
        db("personnel"),
        `SELECT status, count(*)::int AS n FROM filing GROUP BY status ORDER BY status`,
      );
      expect(filed).toEqual([
        { status: "FILED", n: 4 },
        { status: "SUBMITTED", n: 1 },
      ]);
      const established = await sql<{ code: string }>(
        db("organization"),
        `SELECT code FROM org_unit WHERE post_established ORDER BY code`,
      );
      expect(established.map((r) => r.code)).toEqual([SHULINZHAO, VILLAGE, JIGESITAI].sort());
    });
  }, 180000);

  it("R6: the city's comprehensive training held for the banners' staff; each banner's coverage computed — 达拉特旗 below full (one newcomer untrained), 准格尔旗 full", async () => {
    await clock.step("2 training coverage", async () => {
      const city = tokens.city;
      const session = await run(
        mutation("planTrainingSession", "PlanTrainingSessionInput"),
        {
          organizerUnitId: idOf(CITY),
          kind: "COMPREHENSIVE",
          title: `${YEAR}年全市统计业务综合培训`,
          audience: "BANNER_STAFF",
          startDate: day(-20),
          endDate: day(-19),
          hours: 12,
          capacity: 100,
          place: "市统计局培训中心",
        },
        city,
      );
      const opened = await run(
        mutation("openTrainingSession", "TrainingSessionStepInput"),
        { id: session.id, expectedVersion: session.version },
        city,
      );
      for (const who of ["a", "c", "z"] as Who[])
        await run(
          mutation("enrollInTrainingSession", "EnrollInTrainingSessionInput", "id"),
          { sessionId: opened.id, statisticianId: sid(who) },
          city,
        );
      await run(
        mutation("completeTrainingSession", "TrainingSessionStepInput", "id status"),
        { id: opened.id, expectedVersion: opened.version },
        city,
      );
      await gql(
        `mutation ($input: RecordTrainingResultsInput!) { recordTrainingResults(input: $input) { statisticianId result } }`,
        {
          input: {
            sessionId: opened.id,
            rows: [
              { statisticianId: sid("a"), hoursAttended: 12, result: "PASSED", score: 88 },
              { statisticianId: sid("c"), hoursAttended: 12, result: "FAILED", score: 52 },
              { statisticianId: sid("z"), hoursAttended: 0, result: "ABSENT" },
            ],
          },
        },
        city,
      );

      const coverage = (
        await fresh(
          `query ($year: Int!) { trainingCoverage(year: $year) { cityObligationMet
             cityComprehensiveSessions { id } banners { banner { id } staff attended rate ownSessionsCompleted } } }`,
          { year: YEAR },
          city,
        )
      ).trainingCoverage;
      expect(coverage.cityObligationMet).toBe(true);
      expect(coverage.cityComprehensiveSessions).toEqual([{ id: opened.id }]);
      // training's own tables: staff in post today in each banner, and those of them with a result
      // (PASSED or FAILED) at a completed session of the year by the city (COMPREHENSIVE) or their banner
      const counted = await trainingCoverageInTables(db("training"), idOf(CITY), YEAR, TODAY);
      expect(
        coverage.banners
          .map((b: { banner: { id: string }; staff: number; attended: number }) => ({
            id: b.banner.id,
            staff: b.staff,
            attended: b.attended,
          }))
          .sort((x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1)),
      ).toEqual(counted);
      const of = (code: string) =>
        coverage.banners.find((b: { banner: { id: string } }) => b.banner.id === idOf(code));
      expect(of(DALATE)).toMatchObject({ staff: 4, attended: 3, rate: 0.75, ownSessionsCompleted: 1 });
      expect(of(ZHUNGEER)).toMatchObject({ staff: 1, attended: 1, rate: 1 });
      // training's published R6 results (its ledger)
      const r6 = await readUntil(
        () =>
          sql<{ rule: string; subject: string; status: string }>(
            db("training"),
            `SELECT rule, subject_unit_id::text AS subject, status FROM rule_status_published
              WHERE period = $1 AND subject_unit_id = ANY($2::uuid[]) ORDER BY rule, subject`,
            [String(YEAR), [idOf(CITY), idOf(DALATE), idOf(ZHUNGEER)]],
          ),
        (rows) =>
          rows.some((r) => r.rule === R6_BANNER && r.subject === idOf(DALATE) && r.status === "NOT_MET") &&
          rows.some((r) => r.rule === "R6.city-obligation" && r.status === "MET"),
        "training's R6 results",
      );
      expect(r6).toEqual(
        [
          { rule: "R6.city-obligation", subject: idOf(CITY), status: "MET" },
          { rule: R6_BANNER, subject: idOf(DALATE), status: "NOT_MET" },
          { rule: R6_BANNER, subject: idOf(ZHUNGEER), status: "MET" },
        ].sort((x, y) => (x.rule + x.subject < y.rule + y.subject ? -1 : 1)),
      );
    });
  }, 120000);

  it("R8: budget lines of the city and two banners with their schedules; 达拉特旗's instalments paid one late and one short, the others on time and in full", async () => {
    await clock.step("3 budgets and payments", async () => {
      const CREATE_LINE = mutation(
        "createBudgetLine",
        "CreateBudgetLineInput",
        "id level amount instalments { seq dueDate amount }",
      );
      const DISBURSE = mutation("recordDisbursement", "RecordDisbursementInput", "id amount");
      const line = async (
        owner: string,
        amount: string,
        dues: string[],
        each: string,
        token: string,
        no: string,
      ) =>
        waitFor(
          () =>
            run(
              CREATE_LINE,
              {
                fiscalYear: YEAR,
                ownerUnitId: idOf(owner),
                purpose: "WORK_FUNDS",
                classificationCode: "2010505",
                documentTitle: "关于下达基层统计工作经费的通知",
                documentNumber: no,
                amount,
                schedule: { kind: "CUSTOM", instalments: dues.map((dueDate) => ({ dueDate, amount: each })) },
                requestId: `line-${owner}-${YEAR}`,
              },
              token,
            ).catch(() => undefined),
          `finance to know ${owner}`,
          60000,
          500,
        );
      const pay = (
        lineId: string,
        seq: number,
        amount: string,
        paidOn: string,
        token: string,
        payer: string,
      ) =>
        run(
          DISBURSE,
          {
            lineId,
            instalmentSeq: seq,
            amount,
            paidOn,
            voucherNumber: `拨-${seq}-${lineId.slice(0, 6)}`,
            payer,
          },
          token,
        );
      const four = [1, 2, 3, 4].map((k) => spreadDue(k, 4));
      const two = [1, 2].map((k) => spreadDue(k, 2));
      lines.dalate = await line(
        DALATE,
        "120000.00",
        four,
        "30000.00",
        tokens.officer,
        `达财预〔${YEAR}〕12号`,
      );
      lines.zhungeer = await line(
        ZHUNGEER,
        "80000.00",
        two,
        "40000.00",
        tokens.zhungeerOfficer,
        `准财预〔${YEAR}〕8号`,
      );
      lines.city = await line(
        CITY,
        "200000.00",
        two,
        "100000.00",
        tokens.cityOfficer,
        `鄂财预〔${YEAR}〕5号`,
      );
      expect(lines.dalate).toMatchObject({ level: "BANNER", amount: "120000.00" });
      expect(lines.city).toMatchObject({ level: "CITY", amount: "200000.00" });

      const dalatePayer = "达拉特旗财政局";
      await pay(lines.dalate.id, 1, "30000.00", plusDays(four[0], -3), tokens.officer, dalatePayer);
      await pay(lines.dalate.id, 2, "30000.00", plusDays(four[1], 20), tokens.officer, dalatePayer); // late
      await pay(lines.dalate.id, 3, "20000.00", four[2], tokens.officer, dalatePayer); // short
      await pay(lines.dalate.id, 4, "30000.00", plusDays(four[3], -1), tokens.officer, dalatePayer);
      for (const seq of [1, 2]) {
        await pay(
          lines.zhungeer.id,
          seq,
          "40000.00",
          plusDays(two[seq - 1], -2),
          tokens.zhungeerOfficer,
          "准格尔旗财政局",
        );
        await pay(
          lines.city.id,
          seq,
          "100000.00",
          plusDays(two[seq - 1], -7),
          tokens.cityOfficer,
          "鄂尔多斯市财政局",
        );
      }
      // another banner's officer: NOT_FOUND as for a line that does not exist, nothing written
      await expectRefusedThroughGateway(db("finance"), FINANCE_TABLES, "NOT_FOUND", () =>
        call(
          DISBURSE,
          {
            input: {
              lineId: lines.dalate.id,
              instalmentSeq: 3,
              amount: "10000.00",
              paidOn: TODAY,
              voucherNumber: "准财拨-x",
              payer: "准格尔旗财政局",
            },
          },
          tokens.zhungeerOfficer,
        ),
      );

      const table = (
        await fresh(
          `query ($year: Int!) { budgetExecution(year: $year) { unitId status budgeted dueToDate paid paidOnTime } }`,
          { year: YEAR },
          tokens.city,
        )
      ).budgetExecution as {
        unitId: string;
        status: string;
        budgeted: string;
        paid: string;
        paidOnTime: string;
      }[];
      const rowOf = (code: string) => table.find((r) => r.unitId === idOf(code));
      expect(rowOf(DALATE)).toEqual({
        unitId: idOf(DALATE),
        status: "NOT_MET",
        budgeted: "120000.00",
        dueToDate: "120000.00",
        paid: "110000.00",
        paidOnTime: "80000.00",
      });
      expect(rowOf(ZHUNGEER)).toMatchObject({
        status: "MET",
        budgeted: "80000.00",
        paid: "80000.00",
        paidOnTime: "80000.00",
      });
      expect(rowOf(CITY)).toMatchObject({ status: "MET", budgeted: "200000.00", paid: "200000.00" });
      // finance's tables: what was paid on each line, and what on time (by the instalment's due date)
      const stored = await paidPerLine(db("finance"));
      const paidOf = (id: string) => stored.find((r) => r.line_id === id)!;
      expect(paidOf(lines.dalate.id)).toEqual({
        line_id: lines.dalate.id,
        paid: "11000000",
        on_time: "8000000",
      });
      expect(yuan(paidOf(lines.zhungeer.id).on_time)).toBe(rowOf(ZHUNGEER)!.paidOnTime);
      expect(yuan(paidOf(lines.city.id).paid)).toBe(rowOf(CITY)!.paid);
      const r8 = await sql<{ subject: string; status: string }>(
        db("finance"),
        `SELECT subject_unit_id::text AS subject, status FROM rule_status_published
          WHERE rule = 'R8.funds-on-time-in-full' AND period = $1 AND subject_unit_id = ANY($2::uuid[]) ORDER BY subject`,
        [String(YEAR), [idOf(CITY), idOf(DALATE), idOf(ZHUNGEER)]],
      );
      expect(Object.fromEntries(r8.map((r) => [r.subject, r.status]))).toEqual({
        [idOf(CITY)]: "MET",
        [idOf(DALATE)]: "NOT_MET",
        [idOf(ZHUNGEER)]: "MET",
      });
    });
  }, 120000);

  it("R11/R13: 达拉特旗's government meeting and its problems (one resolved); an inspection's findings — one rectified and accepted, one past its deadline and overdue", async () => {
    await clock.step("4 meetings and inspections", async () => {
      const meeting = await run(
        mutation("recordWorkMeeting", "RecordWorkMeetingInput", "id problems { id version description }"),
        {
          requestId: randomUUID(),
          holderUnitId: idOf(DALATE),
          meetingDate: day(-40),
          kind: "EXECUTIVE",
          chair: "旗政府常务副旗长",
          topics: ["研究部署基层统计基础工作", "统计人员配备"],
          studiedGrassrootsStatistics: true,
          minutesRef: `达政常〔${YEAR}〕21号`,
          problems: [
            {
              description: "树林召镇统计台账不全",
              responsibleUnitId: idOf(SHULINZHAO),
              responsiblePerson: RESPONSIBLE_PERSON,
              dueDate: day(10),
            },
            {
              description: "吉格斯太镇缺在编专职统计员",
              responsibleUnitId: idOf(JIGESITAI),
              dueDate: day(60),
            },
          ],
        },
        tokens.bannerAdmin,
      );
      const problemOf = (text: string) =>
        meeting.problems.find((p: { description: string }) => p.description.startsWith(text));
      const [p1, p2] = [problemOf("树林召镇"), problemOf("吉格斯太镇")];
      const step = (problem: { id: string; version: number }, status: string, extra = {}) =>
        run(
          mutation("changeProblemStatus", "ChangeProblemStatusInput", "id status version"),
          { problemId: problem.id, status, expectedVersion: problem.version, ...extra },
          tokens.bannerAdmin,
        );
      const p1InProgress = await step(p1, "IN_PROGRESS");
      await step(p1InProgress, "RESOLVED", {
        resolution: "台账已补齐",
        evidence: "树林召镇统计台账（补齐后）",
        resolvedOn: day(-1),
      });
      await step(p2, "IN_PROGRESS");

      const inspection = await run(
        mutation(
          "recordInspection",
          "RecordInspectionInput",
          "id findings { id version status responsibleUnit { id } }",
        ),
        {
          requestId: randomUUID(),
          inspectedUnitId: idOf(DALATE),
          inspectionDate: day(-30),
          kind: "GOVERNMENT_SUPERVISION",
          inspector: "市政府督查室",
          summary: "基层统计工作专项督查",
          findings: [
            {
              category: "统计台账",
              severity: "MINOR",
              description: "树林召镇统计台账未按月归档",
              deadline: day(20),
              responsibleUnitId: idOf(SHULINZHAO),
            },
            {
              category: "统计人员配备",
              severity: "MAJOR",
              rule: "R3.township-staffing",
              description: "吉格斯太镇无在编在岗专职统计员",
              deadline: day(-3),
              responsibleUnitId: idOf(JIGESITAI),
            },
          ],
        },
        tokens.inspector,
      );
      const findingOf = (code: string) =>
        inspection.findings.find(
          (f: { responsibleUnit: { id: string } }) => f.responsibleUnit.id === idOf(code),
        );
      const [f1, f2] = [findingOf(SHULINZHAO), findingOf(JIGESITAI)];
      const SUBMIT = mutation("submitRectification", "SubmitRectificationInput", "id status version");
      const submitted = await run(
        SUBMIT,
        {
          findingId: f1.id,
          measures: "按月归档并专人管理",
          evidence: "归档台账照片",
          expectedVersion: f1.version,
        },
        tokens.clerk,
      );
      expect(submitted.status).toBe("SUBMITTED");
      const accepted = await run(
        mutation("decideRectification", "DecideRectificationInput", "id status"),
        { findingId: f1.id, accept: true, expectedVersion: submitted.version },
        tokens.inspector,
      );
      expect(accepted.status).toBe("ACCEPTED");

      // the periodic check flags the overdue finding; R13 and R11 follow from evaluation's own tables
      const overdue = await waitFor(
        async () => {
          const rows = await sql<{ id: string; status: string; overdue: boolean }>(
            db("evaluation"),
            `SELECT id::text, status, overdue_at IS NOT NULL AS overdue FROM finding ORDER BY deadline`,
          );
          return rows.find((r) => r.id === f2.id)?.overdue ? rows : undefined;
        },
        "evaluation to flag the finding past its deadline",
        20000,
        250,
      );
      expect(overdue).toEqual([
        { id: f2.id, status: "OPEN", overdue: true },
        { id: f1.id, status: "ACCEPTED", overdue: false },
      ]);
      const statuses = await waitFor(
        async () => {
          const rows = await sql<{ rule: string; subject: string; status: string }>(
            db("evaluation"),
            `SELECT rule, subject_unit_id::text AS subject, status FROM rule_status_published
              WHERE (rule = 'R13.rectification' AND subject_unit_id = ANY($1::uuid[]))
                 OR (rule = 'R11.meeting-problems' AND subject_unit_id = $2 AND period = $3) ORDER BY rule, subject`,
            [[idOf(SHULINZHAO), idOf(JIGESITAI)], idOf(DALATE), String(YEAR)],
          );
          const r13 = rows.find((r) => r.subject === idOf(JIGESITAI));
          const r11 = rows.find((r) => r.rule === "R11.meeting-problems");
          return r13?.status === "NOT_MET" && r11?.status === "MET" ? rows : undefined;
        },
        "R11 MET for 达拉特旗, R13 NOT_MET for 吉格斯太镇",
        20000,
        250,
      );
      expect(Object.fromEntries(statuses.map((r) => [`${r.rule} ${r.subject}`, r.status]))).toEqual({
        [`R11.meeting-problems ${idOf(DALATE)}`]: "MET",
        [`R13.rectification ${idOf(JIGESITAI)}`]: "NOT_MET",
        [`R13.rectification ${idOf(SHULINZHAO)}`]: "MET",
      });
      // the clerk of 树林召镇 may not answer for 吉格斯太镇's overdue finding: NOT_FOUND, nothing written
      await expectRefusedThroughGateway(
        db("evaluation"),
        ["finding", "rectification", OUTBOX_IDS],
        "NOT_FOUND",
        () =>
          call(
            SUBMIT,
            { input: { findingId: f2.id, measures: "x", evidence: "y", expectedVersion: f2.version } },
            tokens.clerk,
          ),
      );
      const problems = await sql<{ status: string }>(
        db("evaluation"),
        `SELECT status FROM meeting_problem WHERE meeting_id = $1 ORDER BY due_date`,
        [meeting.id],
      );
      expect(problems.map((r) => r.status)).toEqual(["RESOLVED", "IN_PROGRESS"]);
      // what the banner reads through the gateway
      const read = (
        await fresh(
          `query ($id: ID!, $year: Int) { orgUnit(id: $id) { meetings(year: $year) { problems { status overdue } }
             inspections { findings { status overdue responsibleUnit { code } } } } }`,
          { id: idOf(DALATE), year: YEAR },
          tokens.inspector,
        )
      ).orgUnit;
      expect(read.meetings).toEqual([
        {
          problems: [
            { status: "RESOLVED", overdue: false },
            { status: "IN_PROGRESS", overdue: false },
          ],
        },
      ]);
      expect(read.inspections[0].findings).toEqual([
        // by deadline
        { status: "OPEN", overdue: true, responsibleUnit: { code: JIGESITAI } },
        { status: "ACCEPTED", overdue: false, responsibleUnit: { code: SHULINZHAO } },
      ]);
    });
  }, 120000);

  it("R12: the city's assessment of the nine banners — AUTO indicators taken from the live rule statuses, the MANUAL one entered, each reviewed, published with ranking and grades", async () => {
    await clock.step("5 assessment", async () => {
      // The AUTO indicators freeze what evaluation's projection holds at the cut-off (today): wait
      // until it has received what steps 2–4 made the owning services publish.
      const AUTO_RULES = [R6_BANNER, "R8.funds-on-time-in-full", "R11.meeting-problems"];
      await readUntil(
        () =>
          sql<{ rule: string; subject: string; status: string }>(
            db("evaluation"),
            `SELECT rule, subject_unit_id::text AS subject, status FROM rule_status
              WHERE rule = ANY($1) AND period_key = $2 AND subject_unit_id = ANY($3::uuid[]) ORDER BY rule, subject`,
            [AUTO_RULES, String(YEAR), [idOf(DALATE), idOf(ZHUNGEER)]],
          ),
        (rows) =>
          JSON.stringify(rows.map((r) => `${r.rule} ${r.subject} ${r.status}`)) ===
          JSON.stringify(
            [
              `${R6_BANNER} ${idOf(DALATE)} NOT_MET`,
              `${R6_BANNER} ${idOf(ZHUNGEER)} MET`,
              `R8.funds-on-time-in-full ${idOf(DALATE)} NOT_MET`,
              `R8.funds-on-time-in-full ${idOf(ZHUNGEER)} MET`,
              `R11.meeting-problems ${idOf(DALATE)} MET`,
              // no meeting recorded: the periodic check judges every banner, not only those that met
              `R11.meeting-problems ${idOf(ZHUNGEER)} NOT_MET`,
            ].sort(),
          ),
        "evaluation's projection of R6, R8 and R11 for 达拉特旗 and 准格尔旗",
        30000,
      );
      const INDICATORS = [
        { code: "A1", metric: "training-coverage", weight: 15 },
        { code: "A2", metric: "budget-execution", weight: 15 },
        { code: "A3", metric: "meetings-and-problems", weight: 10 },
      ];
      const scheme = await run(
        mutation("defineAssessmentScheme", "DefineAssessmentSchemeInput"),
        {
          requestId: randomUUID(),
          ownerUnitId: idOf(CITY),
          name: `${YEAR}年度旗区统计基层基础工作考核`,
          year: YEAR,
          subjectKinds: ["BANNER", "DISTRICT"],
          cutOffDate: TODAY,
          indicators: [
            ...INDICATORS.map((i) => ({
              code: i.code,
              name: i.metric,
              weight: String(i.weight),
              kind: "AUTO",
              metric: i.metric,
              scoring: { function: "LINEAR", lower: "0", upper: "100" },
            })),
            {
              code: "M1",
              name: "统计基础工作",
              weight: "60",
              kind: "MANUAL",
              maxScore: "100",
              guide: "按细则评分",
            },
          ],
          grades: GRADES.map((g) => ({ grade: g.grade, minScore: String(g.min) })),
        },
        tokens.city,
      );
      const opened = await gql(
        `mutation ($id: ID!) { openAssessments(schemeVersionId: $id) { id version subject { id } } }`,
        { id: scheme.id },
        tokens.city,
      );
      expect(opened.openAssessments).toHaveLength(9);

      // what each banner's subtree held at the cut-off, as evaluation's projection has it
      const metricOf = await shareMetrics(db("evaluation"), banners, AUTO_RULES, YEAR);
      const STEP = (name: string, input: string) =>
        mutation(name, input, "id version total scores { indicatorCode kind points metricValue }");
      for (const a of opened.openAssessments as { id: string; version: number; subject: { id: string } }[]) {
        const i = banners.findIndex((b) => b.id === a.subject.id);
        const scored = await run(
          STEP("scoreAssessment", "AssessmentStepInput"),
          { assessmentId: a.id, expectedVersion: a.version },
          tokens.city,
        );
        const auto = scored.scores.filter((s: { kind: string }) => s.kind === "AUTO");
        const expected = INDICATORS.map((ind, k) => {
          const value = metricOf(a.subject.id, AUTO_RULES[k]);
          return {
            indicatorCode: ind.code,
            kind: "AUTO",
            metricValue: hundredths(value),
            points: hundredths(pointsOf(ind.weight * 100, value, 10_000)),
          };
        });
        expect(
          auto.sort((x: { indicatorCode: string }, y: { indicatorCode: string }) =>
            x.indicatorCode < y.indicatorCode ? -1 : 1,
          ),
        ).toEqual(expected);
        const manual = await run(
          STEP("recordManualScore", "ManualScoreInput"),
          {
            assessmentId: a.id,
            expectedVersion: scored.version,
            indicatorCode: "M1",
            score: String(MANUAL[i]),
            evidence: "考核组评分表",
          },
          tokens.city,
        );
        const total =
          expected.reduce((t, e) => t + Number(fen(e.points)), 0) + pointsOf(6000, MANUAL[i] * 100, 10_000);
        expect(manual.total).toBe(hundredths(total));
        await run(
          STEP("reviewAssessment", "AssessmentStepInput"),
          { assessmentId: a.id, expectedVersion: manual.version },
          tokens.city,
        );
      }
      // a banner's bureau may not publish the city's results: FORBIDDEN, nothing written
      const PUBLISH = `mutation ($input: PublishAssessmentResultsInput!) { publishAssessmentResults(input: $input) { id revision results { rank unitCode score grade } } }`;
      await expectRefusedThroughGateway(db("evaluation"), EVALUATION_TABLES, "FORBIDDEN", () =>
        call(PUBLISH, { input: { schemeVersionId: scheme.id } }, tokens.bannerAdmin),
      );
      const published = (await gql(PUBLISH, { input: { schemeVersionId: scheme.id } }, tokens.city))
        .publishAssessmentResults;
      const stored = await sql<{ code: string; total: number; rank: number; grade: string | null }>(
        db("evaluation"),
        `SELECT u.code, r.total, r.rank, r.grade FROM assessment_result r JOIN org_unit u ON u.id = r.subject_unit_id
          WHERE r.result_set_id = $1 ORDER BY r.rank, u.code`,
        [published.id],
      );
      expect(stored).toHaveLength(9);
      expect(published.results).toEqual(
        stored.map((r) => ({ rank: r.rank, unitCode: r.code, score: hundredths(r.total), grade: r.grade })),
      );
      for (const r of stored) {
        expect(r.grade).toBe(GRADES.find((g) => r.total >= g.min * 100)!.grade);
        expect(r.rank).toBe(1 + stored.filter((o) => o.total > r.total).length);
      }
      const ranking = (
        await fresh(
          `query ($owner: ID!, $year: Int!) { assessmentRanking(ownerUnitId: $owner, year: $year) { id results { rank unitCode score grade } } }`,
          { owner: idOf(CITY), year: YEAR },
          tokens.bannerAdmin,
        )
      ).assessmentRanking;
      expect(ranking).toEqual({ id: published.id, results: published.results });
      for (const r of stored) results[r.code] = r.total;
      // the gaps show: 准格尔旗 (trained, paid in full) scores its AUTO points, 达拉特旗 only R11's
      const autoOf = (code: string) =>
        results[code] - pointsOf(6000, MANUAL[banners.findIndex((b) => b.code === code)] * 100, 10_000);
      expect(autoOf(ZHUNGEER)).toBe(3000);
      expect(autoOf(DALATE)).toBe(1000);
    });
  }, 120000);

  it("R9: the year's 以奖代补 rounds from the published results — a TIERS rule and a SCORE_PROPORTIONAL rule, each exactly 10,000,000.00 across the nine banners, approved by a second city admin, paid to each banner, the audit view passing", async () => {
    await clock.step("6 award rounds", async () => {
      const ROUND = `id status version remainder computedByName approvedByName allocations { unitId unitCode score grade amount paid }`;
      const rules = {
        TIERS: {
          kind: "TIERS",
          remainder: "SHARE_BY_SCORE",
          grades: [
            { name: "优秀", minScore: "80.00", amount: "1500000.00", maxCount: 2 },
            { name: "良好", minScore: "55.00", amount: "1000000.00" },
            { name: "合格", minScore: "0.00", amount: "600000.00" },
          ],
        },
        SCORE_PROPORTIONAL: { kind: "SCORE_PROPORTIONAL" },
      };
      const ANNUAL = fen("10000000.00");
      const sumOfScores = BigInt(Object.values(results).reduce((a, b) => a + b, 0));
      for (const [kind, rule] of Object.entries(rules)) {
        const programme = await run(
          mutation("createAwardProgramme", "CreateAwardProgrammeInput", "id annualAmount"),
          {
            cityUnitId: idOf(CITY),
            name: `基层统计工作以奖代补（${kind === "TIERS" ? "分档" : "按分"}）`,
            firstYear: YEAR,
            lastYear: YEAR + 2,
            annualAmount: "10000000.00",
            rule,
          },
          tokens.city,
        );
        const line = await run(
          mutation("createBudgetLine", "CreateBudgetLineInput", "id"),
          {
            fiscalYear: YEAR,
            ownerUnitId: idOf(CITY),
            purpose: "AWARD_PROGRAMME",
            classificationCode: "2010599",
            documentTitle: "基层统计工作以奖代补资金",
            documentNumber: `鄂财预〔${YEAR}〕${kind === "TIERS" ? 30 : 31}号`,
            amount: "10000000.00",
            schedule: { kind: "ONCE", dueDate: TODAY },
          },
          tokens.cityOfficer,
        );
        const opened = await run(
          mutation("openAllocationRound", "OpenAllocationRoundInput"),
          { programmeId: programme.id, fiscalYear: YEAR, lineId: line.id },
          tokens.city,
        );
        // finance has the results from evaluation's AssessmentResultsPublished (Kafka): retry until then
        const computed = await waitFor(
          () =>
            run(
              mutation("computeAllocationRound", "AllocationRoundStepInput", ROUND),
              { roundId: opened.id, expectedVersion: opened.version },
              tokens.city,
            ).catch(() => undefined),
          "finance to receive the published results",
          30000,
          500,
        );
        expect(computed.status).toBe("COMPUTED");
        const APPROVE = mutation("approveAllocationRound", "AllocationRoundStepInput", ROUND);
        const message = await expectRefusedThroughGateway(db("finance"), FINANCE_TABLES, "FORBIDDEN", () =>
          call(APPROVE, { input: { roundId: computed.id, expectedVersion: computed.version } }, tokens.city),
        );
        expect(message).toContain("another CITY_ADMIN");
        const approved = await run(
          APPROVE,
          { roundId: computed.id, expectedVersion: computed.version },
          tokens.city2,
        );
        expect(approved).toMatchObject({
          status: "APPROVED",
          computedByName: "王丽",
          approvedByName: "刘思",
        });
        const allocations = approved.allocations as {
          unitId: string;
          unitCode: string;
          score: string;
          grade: string | null;
          amount: string;
        }[];
        expect(allocations.map((a) => a.unitCode).sort()).toEqual(banners.map((b) => b.code));
        for (const a of allocations) expect(a.score).toBe(hundredths(results[a.unitCode]));
        // exactly the annual amount, banners and remainder, in the API and in finance's tables
        expect(allocations.reduce((t, a) => t + fen(a.amount), 0n) + fen(approved.remainder ?? "0.00")).toBe(
          ANNUAL,
        );
        const sum = await roundTotal(db("finance"), approved.id);
        expect(sum).toEqual({ total: String(ANNUAL), n: 9 });
        if (kind === "TIERS") {
          expect(approved.remainder).toBe("0.00"); // shared by score
          for (const a of allocations) {
            const grade = rules.TIERS.grades.find((g) => results[a.unitCode] >= Number(fen(g.minScore)))!;
            if (grade.name !== "优秀") expect(a.grade).toBe(grade.name);
            expect(fen(a.amount) >= fen(rules.TIERS.grades.find((g) => g.name === a.grade)!.amount)).toBe(
              true,
            );
          }
          expect(allocations.filter((a) => a.grade === "优秀").length).toBeLessThanOrEqual(2);
        } else {
          // proportional to the score: each banner's floor share plus at most one fen of the remainder
          for (const a of allocations) {
            const floor = (ANNUAL * BigInt(results[a.unitCode])) / sumOfScores;
            expect(fen(a.amount) - floor >= 0n && fen(a.amount) - floor <= 1n).toBe(true);
          }
        }
        // the city's finance officer pays each banner its allocation from the programme's line
        for (const a of allocations)
          await run(
            mutation("recordAwardPayment", "RecordAwardPaymentInput", "id amount"),
            {
              requestId: randomUUID(),
              roundId: approved.id,
              unitId: a.unitId,
              instalmentSeq: 1,
              amount: a.amount,
              paidOn: TODAY,
              voucherNumber: `鄂财拨-${kind === "TIERS" ? "T" : "S"}-${a.unitCode}`,
              payer: "鄂尔多斯市财政局",
            },
            tokens.cityOfficer,
          );
        const after = (
          await fresh(
            `query ($id: ID!) { allocationRound(id: $id) { status allocations { amount paid } audit { steps { step actorName } checks { name passed detail } } } }`,
            { id: approved.id },
            tokens.inspector,
          )
        ).allocationRound;
        expect(after.status).toBe("DISBURSED");
        for (const a of after.allocations) expect(a.paid).toBe(a.amount);
        expect(after.audit.checks.map((c: { name: string }) => c.name).sort()).toEqual([
          "ALLOCATED_IN_FULL",
          "PAID_BY_SCHEDULE",
          "PAID_IN_FULL",
          "PAID_TO_ITS_BANNER",
        ]);
        for (const c of after.audit.checks)
          expect({ name: c.name, passed: c.passed }).toEqual({ name: c.name, passed: true });
        expect(after.audit.steps.map((s: { step: string }) => s.step)).toEqual(
          expect.arrayContaining(["OPENED", "COMPUTED", "APPROVED", "PAID", "DISBURSED"]),
        );
        const paid = await roundPaid(db("finance"), approved.id, line.id);
        expect(paid).toEqual({ total: String(ANNUAL), n: 9 });
        rounds[kind] = approved.id;
      }
      const dalate = (
        await fresh(
          `query ($id: ID!, $year: Int!) { orgUnit(id: $id) { awardAllocations(year: $year) { amount paid } } }`,
          { id: idOf(DALATE), year: YEAR },
          tokens.bannerAdmin,
        )
      ).orgUnit.awardAllocations;
      expect(dalate).toHaveLength(2);
      for (const a of dalate) expect(a.paid).toBe(a.amount);
    });
  }, 150000);

  it("R12: commendations — the city's quota, 达拉特旗's nominations (a person still waiting for training refused), the city's decisions, published", async () => {
    await clock.step("7 commendations", async () => {
      await run(
        mutation("setCommendationQuota", "CommendationQuotaInput", "year kind maxCount version"),
        { year: YEAR, bannerUnitId: idOf(DALATE), kind: "INDIVIDUAL", maxCount: 2 },
        tokens.city,
      );
      const NOMINATE = mutation("nominateForCommendation", "NominationInput", "id status version");
      const nominate = (who: Who, citation: string) => ({
        requestId: randomUUID(),
        year: YEAR,
        bannerUnitId: idOf(DALATE),
        kind: "INDIVIDUAL",
        statisticianId: sid(who),
        citation,
      });
      // 村统计员乙 is not active (still PENDING_TRAINING): NOT_FOUND as a person not in the banner, nothing written
      await expectRefusedThroughGateway(db("evaluation"), EVALUATION_TABLES, "NOT_FOUND", () =>
        call(NOMINATE, { input: nominate("v2", "新上岗") }, tokens.bannerAdmin),
      );
      const a = await run(NOMINATE, nominate("a", "统计台账规范，数据质量高"), tokens.bannerAdmin);
      const c = await run(NOMINATE, nominate("c", "兼职统计工作认真负责"), tokens.bannerAdmin);
      expect([a.status, c.status]).toEqual(["RECOMMENDED", "RECOMMENDED"]);
      const DECIDE = mutation("decideCommendation", "DecideCommendationInput", "id status rejectionReason");
      expect(
        (await run(DECIDE, { commendationId: a.id, approve: true, expectedVersion: a.version }, tokens.city))
          .status,
      ).toBe("APPROVED");
      const rejected = await run(
        DECIDE,
        { commendationId: c.id, approve: false, reason: "综合业务培训未通过", expectedVersion: c.version },
        tokens.city,
      );
      expect(rejected).toMatchObject({ status: "REJECTED", rejectionReason: "综合业务培训未通过" });
      const { publishCommendations } = await gql(
        `mutation ($year: Int!) { publishCommendations(year: $year) { id status statistician { id } } }`,
        { year: YEAR },
        tokens.city,
      );
      expect(publishCommendations).toEqual([
        { id: a.id, status: "PUBLISHED", statistician: { id: sid("a") } },
      ]);
      const stored = await sql<{ statistician_id: string; status: string; published: boolean }>(
        db("evaluation"),
        `SELECT statistician_id::text, status, published_at IS NOT NULL AS published FROM commendation ORDER BY status`,
      );
      expect(stored).toEqual([
        { statistician_id: sid("a"), status: "PUBLISHED", published: true },
        { statistician_id: sid("c"), status: "REJECTED", published: false },
      ]);
      // published commendations are public: the township's clerk reads the person's
      const person = (
        await fresh(
          `query ($id: ID!) { statistician(id: $id) { commendations { year kind status } } }`,
          { id: sid("a") },
          tokens.clerk,
        )
      ).statistician;
      expect(person.commendations).toEqual([{ year: YEAR, kind: "INDIVIDUAL", status: "PUBLISHED" }]);
    });
  }, 60000);

  it("R10: village subsidy claims computed from the tasks the township recorded, approved by the banner and paid in one batch", async () => {
    await clock.step("8 village subsidies", async () => {
      const TASK_DAY = day(-5);
      const PERIOD = TASK_DAY.slice(0, 7);
      await run(
        mutation("setSubsidyStandard", "SetSubsidyStandardInput", "version"),
        {
          bannerUnitId: idOf(DALATE),
          effectiveFrom: dayOfYear(0),
          documentTitle: "达拉特旗村级统计员工作补助标准",
          documentNumber: `达统发〔${YEAR}〕3号`,
          items: [
            { taskKind: "HOUSEHOLD_LISTING", unitOfWork: "户", rate: "2.00" },
            { taskKind: "MONTHLY_REPORT", unitOfWork: "份", rate: "30.00", isMinimum: true },
          ],
        },
        tokens.bannerAdmin,
      );
      const task = (who: Who, taskKind: string, quantity: number) => ({
        requestId: randomUUID(),
        statisticianId: sid(who),
        unitId: idOf(VILLAGE),
        taskKind,
        quantity,
        period: PERIOD,
        businessDate: TASK_DAY,
        evidenceRef: `台账-${TASK_DAY}`,
      });
      for (const input of [
        task("v1", "HOUSEHOLD_LISTING", 120),
        task("v1", "MONTHLY_REPORT", 1),
        task("v2", "MONTHLY_REPORT", 1),
      ])
        await waitFor(
          () =>
            run(mutation("recordSubsidyTask", "RecordSubsidyTaskInput", "id"), input, tokens.clerk).catch(
              () => undefined,
            ),
          "finance to know the village's posts",
          30000,
          500,
        );
      const { generateSubsidyClaims } = await gql(
        `mutation ($input: GenerateSubsidyClaimsInput!) { generateSubsidyClaims(input: $input) { id statisticianId status computed version } }`,
        { input: { bannerUnitId: idOf(DALATE), period: PERIOD } },
        tokens.bannerAdmin,
      );
      const claims = Object.fromEntries(
        generateSubsidyClaims.map((c: { statisticianId: string }) => [c.statisticianId, c]),
      ) as Record<string, { id: string; version: number; computed: string }>;
      expect(claims[sid("v1")]).toMatchObject({ status: "DRAFT", computed: "270.00" }); // 120 × 2.00 + 1 × 30.00
      expect(claims[sid("v2")]).toMatchObject({ status: "DRAFT", computed: "30.00" });
      for (const who of ["v1", "v2"] as Who[]) {
        const submitted = await run(
          mutation("submitSubsidyClaim", "SubsidyClaimStepInput", "id status version"),
          { claimId: claims[sid(who)].id, expectedVersion: claims[sid(who)].version },
          tokens.clerk,
        );
        const approved = await run(
          mutation("approveSubsidyClaim", "ApproveSubsidyClaimInput", "id status approved"),
          { claimId: submitted.id, expectedVersion: submitted.version },
          tokens.bannerAdmin,
        );
        expect(approved).toMatchObject({ status: "APPROVED", approved: claims[sid(who)].computed });
      }
      const PAY = mutation(
        "paySubsidyClaims",
        "PaySubsidyClaimsInput",
        "id claimCount total totalInCapitals voucherNumber paidOn",
      );
      const pay = (requestId: string) => ({
        requestId,
        bannerUnitId: idOf(DALATE),
        period: PERIOD,
        claimIds: [claims[sid("v1")].id, claims[sid("v2")].id],
        voucherNumber: `达财补-${PERIOD}`,
        paidOn: TODAY,
      });
      const batch = await run(PAY, pay(randomUUID()), tokens.officer);
      expect(batch).toMatchObject({
        claimCount: 2,
        total: "300.00",
        totalInCapitals: "人民币叁佰元整",
        paidOn: TODAY,
      });
      // each claim is paid once: another batch of them is refused, nothing written
      await expectRefusedThroughGateway(
        db("finance"),
        ["subsidy_claim", "payment_batch", OUTBOX_IDS],
        "BAD_USER_INPUT",
        () => call(PAY, { input: pay(randomUUID()) }, tokens.officer),
      );
      const [stored] = await sql<{ claim_count: number; total_fen: string; paid: number }>(
        db("finance"),
        `SELECT b.claim_count, b.total_fen::text,
                (SELECT count(*)::int FROM subsidy_claim c WHERE c.batch_id = b.id AND c.status = 'PAID') AS paid
           FROM payment_batch b WHERE b.id = $1`,
        [batch.id],
      );
      expect(stored).toEqual({ claim_count: 2, total_fen: "30000", paid: 2 });
      const person = (
        await fresh(
          `query ($id: ID!) { statistician(id: $id) { subsidyPayments { amount batchId } } }`,
          { id: sid("v1") },
          tokens.bannerAdmin,
        )
      ).statistician;
      expect(person.subsidyPayments).toEqual([{ amount: "270.00", batchId: batch.id }]);
    });
  }, 90000);

  it("R13: the scorecards show every one of the above — the city's and 达拉特旗's complianceScorecard agree with evaluation's projection and with each owning service's published results", async () => {
    await clock.step("9 scorecards", async () => {
      const PICTURE = `query ($unitId: ID!, $year: Int) { complianceScorecard(unitId: $unitId, year: $year) {
        year unit { unitCode score openFindings overdueFindings rules { rule period status } }
        units { unitCode score openFindings overdueFindings rules { rule period status } } } }`;
      type Line = { rule: string; period: string | null; status: string };
      type Card = {
        unitCode: string;
        score: string | null;
        openFindings: number;
        overdueFindings: number;
        rules: Line[];
      };
      // The award payments of step 6 settle the city's R8 (its award lines are due today): wait for it
      const picture = async (code: string, token: string) =>
        (await fresh(PICTURE, { unitId: idOf(code), year: YEAR }, token)).complianceScorecard as {
          year: number;
          unit: Card;
          units: Card[];
        };
      const statusIn = (card: Card, rule: string) => card.rules.find((r) => r.rule === rule)?.status;
      const city = await readUntil(
        () => picture(CITY, tokens.inspector),
        (p) => statusIn(p.unit, "R8.funds-on-time-in-full") === "MET",
        "the city's R8 MET on its scorecard once the awards are paid",
        20000,
      );
      const dalate = await picture(DALATE, tokens.bannerAdmin);
      expect(city.year).toBe(YEAR);
      // the city's picture lists every active unit below it (organization's tree)
      const below = await sql<{ code: string }>(
        db("organization"),
        `SELECT code FROM org_unit WHERE path LIKE (SELECT path FROM org_unit WHERE id = $1) || '_%' AND active ORDER BY code`,
        [idOf(CITY)],
      );
      expect(city.units.map((u) => u.unitCode).sort()).toEqual(below.map((r) => r.code));
      const cardOf = (p: { units: Card[] }, code: string) => p.units.find((u) => u.unitCode === code)!;

      // every line of every card is evaluation's projection of that subject
      const cards = [city.unit, ...city.units];
      for (const card of dalate.units) expect(card).toEqual(cardOf(city, card.unitCode));
      const projected = await sql<{ code: string; rule: string; period: string | null; status: string }>(
        db("evaluation"),
        `SELECT u.code, r.rule, r.period, r.status FROM rule_status r JOIN org_unit u ON u.id = r.subject_unit_id
          WHERE u.code = ANY($1) AND (r.period IS NULL OR r.period = $2) ORDER BY u.code, r.rule`,
        [cards.map((c) => c.unitCode), String(YEAR)],
      );
      const sorted = (lines: Line[]) =>
        [...lines].sort((x, y) => (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0));
      for (const card of cards)
        expect(sorted(card.rules)).toEqual(
          projected
            .filter((r) => r.code === card.unitCode)
            .map((r) => ({ rule: r.rule, period: r.period, status: r.status })),
        );
      expect(dalate.unit).toEqual(cardOf(city, DALATE));

      // ... and each owning service's published result (its ledger), whichever service owns the rule
      expect(await linesDisagreeingWithOwners(suite, cards, YEAR)).toEqual([]);

      // what the steps made of each: the city, its banners, 达拉特旗's townships
      const expectLines = (card: Card, lines: Record<string, string>) =>
        expect(Object.fromEntries(Object.keys(lines).map((rule) => [rule, statusIn(card, rule)]))).toEqual(
          lines,
        );
      expectLines(city.unit, { "R6.city-obligation": "MET", "R8.funds-on-time-in-full": "MET" });
      expectLines(cardOf(city, DALATE), {
        [R6_BANNER]: "NOT_MET", // one newcomer untrained (step 2)
        "R8.funds-on-time-in-full": "NOT_MET", // one instalment late, one short (step 3)
        "R11.meeting-problems": "MET", // the meeting held, no problem overdue (step 4)
      });
      expectLines(cardOf(city, ZHUNGEER), {
        [R6_BANNER]: "MET",
        "R8.funds-on-time-in-full": "MET",
        "R11.meeting-problems": "NOT_MET", // no meeting studied grassroots statistics this year
      });
      const town = cardOf(dalate, SHULINZHAO);
      expectLines(town, {
        "R1.post-established": "MET",
        "R3.township-staffing": "MET",
        "R5.filing-timeliness": "MET",
        "R7.pending-training": "MET",
        "R13.rectification": "MET", // its finding rectified and accepted
      });
      expect(town).toMatchObject({ openFindings: 0, overdueFindings: 0 });
      const short = cardOf(dalate, JIGESITAI);
      expectLines(short, {
        "R1.post-established": "MET",
        "R3.township-staffing": "NOT_MET", // a part-timer only (step 1)
        "R13.rectification": "NOT_MET", // the finding past its deadline (step 4)
      });
      expect(short).toMatchObject({ openFindings: 1, overdueFindings: 1 });
      // worst first: the township short of a full-timer ranks before the one that meets its rules
      const order = dalate.units.map((u) => u.unitCode);
      expect(order.indexOf(JIGESITAI)).toBeLessThan(order.indexOf(SHULINZHAO));
      expect(Number(short.score)).toBeLessThan(Number(town.score));
      expect(Number(cardOf(city, DALATE).score)).toBeLessThan(Number(cardOf(city, ZHUNGEER).score));
      expectLines(cardOf(dalate, VILLAGE), {
        "R1.post-established": "MET",
        "R4.village-staffing": "MET", // 村统计员甲 in post as its liaison
        "R5.filing-timeliness": "MET", // 村统计员乙's filing at the township, not yet due
        "R7.pending-training": "MET", // 村统计员乙 waiting, not yet too long
      });

      // what is not a rule status shows on the banner too, in one query through the gateway
      const banner = (
        await fresh(
          `query ($id: ID!, $year: Int!) { orgUnit(id: $id) {
             scorecard(year: $year) { score }
             assessments { status total }
             awardAllocations(year: $year) { status amount paid }
             subsidyStandard { version }
             trainingCoverage(year: $year) { banners { staff attended } } } }`,
          { id: idOf(DALATE), year: YEAR },
          tokens.bannerAdmin,
        )
      ).orgUnit;
      expect(banner.scorecard.score).toBe(cardOf(city, DALATE).score); // R13
      expect(banner.assessments).toEqual([{ status: "PUBLISHED", total: hundredths(results[DALATE]) }]); // R12
      expect(banner.awardAllocations.map((a: { status: string }) => a.status)).toEqual([
        "DISBURSED",
        "DISBURSED",
      ]); // R9
      expect(banner.subsidyStandard).toEqual({ version: 1 }); // R10
      expect(banner.trainingCoverage.banners).toEqual([{ staff: 4, attended: 3 }]); // R6
    });
  }, 60000);

  it("every message on the suite's topics, read with kcat, is a valid CloudEvent and carries no ID number or phone", async () => {
    await clock.step("10 kcat over every topic", async () => {
      const readings = await readEveryTopic(suite.topicPrefix);
      const messages = readings.flatMap((r) => r.messages.map((m) => ({ topic: r.topic, ...m })));
      // eslint-disable-next-line no-console
      console.log(
        `kcat: ${messages.length} messages on ${readings.filter((r) => r.messages.length).length} of ${readings.length} topics`,
      );
      expect(messages.length).toBeGreaterThan(100);
      // every kind of fact the year produced is on its topic (all but 八有八化, which the year leaves out)
      const counts = Object.fromEntries(
        readings.map((r) => [r.topic.slice(suite.topicPrefix.length), r.messages.length]),
      );
      // eslint-disable-next-line no-console
      console.log(`kcat per topic: ${JSON.stringify(counts)}`);
      for (const topic of YEAR_TOPICS)
        expect({ topic, some: (counts[topic] ?? 0) > 0 }).toEqual({ topic, some: true });
      // the check itself catches what it looks for (a message as a careless relay would send it)
      const careless = cloudEventProblems({
        key: "k",
        headers: { ce_specversion: "1.0", ce_type: "x" },
        value: JSON.stringify({ idNumber: testIdNumber("150621", 1), phone: "13912345678" }),
      });
      expect(careless).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^ce_id/),
          expect.stringMatching(/^an ID number/),
          expect.stringMatching(/^a mobile number/),
        ]),
      );
      const problems = messages.flatMap((m) => cloudEventProblems(m).map((p) => `${m.topic}: ${p}`));
      expect(problems).toEqual([]);
      // nor the year's own ID numbers or the responsible person named in a meeting's problem
      const everything = messages.map((m) => `${m.key}\t${JSON.stringify(m.headers)}\t${m.value}`).join("\n");
      for (const p of Object.values(PEOPLE))
        expect(everything).not.toContain(testIdNumber(p.unit.slice(0, 6), p.n));
      expect(everything).not.toContain(RESPONSIBLE_PERSON);
      expect(ID_NUMBER.test(everything)).toBe(false);
    });
  }, 90000);

  it("#14 Redelivery: every consumer of every service fed all its events again, twice (old ones after the newer), and each unit's oldest state after its newest under a new id, ends in the same state", async () => {
    await clock.step("11 redelivery", async () => {
      await waitUntilConsumed(suite);
      const before = await fingerprints(suite);
      const streams = await consumedStreams(suite);
      const topics = [...new Set(streams.map((s) => s.topic))];
      const readings = await readEveryTopic(suite.topicPrefix);
      const messagesOf = (topic: string) => readings.find((r) => r.topic === topic)?.messages ?? [];
      let resent = 0;
      for (const topic of topics) {
        await produce(topic, [...messagesOf(topic), ...messagesOf(topic)]);
        resent += 2 * messagesOf(topic).length;
      }
      const orgTopic = `${suite.topicPrefix}grassroots.organization.org-unit.v1`;
      const stale = staleAfterNewer(messagesOf(orgTopic));
      await produce(orgTopic, stale);
      await waitUntilConsumed(suite);
      const after = await fingerprints(suite);
      // eslint-disable-next-line no-console
      console.log(
        `#14 redelivery: ${resent} events fed again to ${new Set(streams.map((s) => `${s.service}/${s.group}`)).size} consumer groups on ${topics.length} topics, ${stale.length} stale unit states under new ids; services unchanged: ${Object.keys(before).filter((k) => before[k] === after[k]).length} of ${Object.keys(before).length}`,
      );
      expect(after).toEqual(before);
    });
  }, 300000);

  it("#14 Poison: a malformed and a contract-breaking message on each consumed topic go to its DLQ with the error, for every group that handles the type, and the next message is processed", async () => {
    await clock.step("12 poison", async () => {
      const before = await fingerprints(suite);
      const streams = await consumedStreams(suite);
      const readings = await readEveryTopic(suite.topicPrefix);
      const expected: { group: string; topic: string; id: string }[] = [];
      for (const topic of [...new Set(streams.map((s) => s.topic))]) {
        const type = streams.find((s) => s.topic === topic)!.type;
        const sample = readings
          .find((r) => r.topic === topic)!
          .messages.find((m) => m.headers.ce_type === type)!;
        const poison = poisonFor({ ...streams.find((s) => s.topic === topic)!, type }, sample);
        await produce(topic, [...poison, sample]); // the sample after them: a redelivery, processed as a no-op
        for (const s of streams.filter((x) => x.topic === topic && x.type === type))
          for (const m of poison) expected.push({ group: s.group, topic, id: m.headers.ce_id });
      }
      await waitUntilConsumed(suite);
      const missing: string[] = [];
      for (const topic of [...new Set(expected.map((e) => e.topic))]) {
        const wanted = expected.filter((x) => x.topic === topic);
        // kafkajs, not kcat: a DLQ copy's error header may span lines
        const copies = await readTopic(`${topic}.dlq`, wanted.length, 30_000);
        for (const e of wanted) {
          const copy = copies.find(
            (c) => c.headers.ce_id === e.id && c.headers["dlq-consumer-group"] === e.group,
          );
          if (!copy || copy.headers["dlq-error-kind"] !== "poison" || !copy.headers["dlq-error"])
            missing.push(`${e.group} ${topic.slice(suite.topicPrefix.length)} ${e.id}`);
        }
      }
      // eslint-disable-next-line no-console
      console.log(
        `#14 poison: ${expected.length} poison copies expected on the DLQs of ${new Set(expected.map((e) => e.topic)).size} topics for ${new Set(expected.map((e) => e.group)).size} groups; missing ${missing.length}`,
      );
      expect(missing).toEqual([]);
      expect(await fingerprints(suite)).toEqual(before);
    });
  }, 300000);
});
