import { randomUUID } from "node:crypto";
import { orgUnitIdForCode as idOf } from "@grassroots/kit";
import {
  callGateway,
  queryDatabase as sql,
  startSuite,
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
  SHULINZHAO,
} from "../support/ordos-suite";

// Finance as a client sees it (issue 11): organization's tree, personnel's posts and finance's money
// joined by the gateway. Real processes, databases and broker; every step through the gateway; the
// figures a client reads are checked against the SQL of each owning service.

const CITY = "150600000000";
const ZHUNGEER = "150622000000"; // 准格尔旗
const VILLAGE = "150621100201"; // a village committee of 树林召镇, created through organization
const YEAR = Number(day().slice(0, 4)) - 1; // last fiscal year: every instalment is due, whatever today is
const TASK_DAY = day(-5);
const PERIOD = TASK_DAY.slice(0, 7);
const DUE = ["03-31", "06-30", "09-30", "12-15"]; // the work-funds line's instalments

let suite: RunningSuite;
const tokens: Record<string, string> = {};
const gql = gatewayClient(
  () => suite,
  () => tokens.bannerAdmin,
);
const call = (query: string, variables: Record<string, unknown>, token: string) =>
  callGateway(suite.gatewayUrl, query, variables, token);
const FINANCE_TABLES = [
  "budget_line",
  "budget_line_revision",
  "budget_instalment",
  "disbursement",
  "subsidy_standard",
  "subsidy_claim",
  "task_record",
  "claim_line",
  "payment_batch",
  "award_programme",
  "allocation_round",
  "round_allocation",
  "round_step",
  "outbox",
];
const refused = (code: string, run: () => ReturnType<typeof call>) =>
  expectRefusedThroughGateway(suite.databases.finance.url, FINANCE_TABLES, code, run);

/** Integer fen (BIGINT as pg returns it) → the API's yuan string, without a float. */
const yuan = (fen: string | number | bigint) => {
  const f = BigInt(fen);
  return `${f / 100n}.${String(f % 100n).padStart(2, "0")}`;
};

const CREATE_LINE = `mutation ($input: CreateBudgetLineInput!) { createBudgetLine(input: $input) {
  id level amount amountInCapitals instalments { seq dueDate amount } } }`;
const DISBURSE = `mutation ($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { id amount amountInCapitals } }`;
const APPROVE = `mutation ($input: ApproveSubsidyClaimInput!) { approveSubsidyClaim(input: $input) { id status approved version } }`;

/**
 * The README's join, with page sizes that keep it under the gateway's cost limit (5,000 points): a
 * banner → townships → villages → statisticians → claims; the city → each banner's R8.
 */
const BANNER_AND_CITY = `query ($banner: String!, $city: String!, $year: Int!) {
  banner: orgUnitByCode(code: $banner) {
    name
    budgetExecution(year: $year) { status budgeted dueToDate paid paidOnTime executionRate reason }
    children(first: 20) { edges { node { code name
      children(first: 2) { edges { node { code name kind
        statisticians(includePending: true, first: 2) { totalCount edges { node { id name
          subsidyClaims { period status computed approved } } } } } } } } } }
  }
  city: orgUnitByCode(code: $city) {
    children(first: 10) { edges { node { id code name
      budgetExecution(year: $year) { status budgeted dueToDate paid paidOnTime } } } }
  }
}`;

let lineId: string;
let p: string; // posted in the village: household listing and a monthly report
let q: string; // posted there too: a monthly report
let claims: Record<string, { id: string; version: number; computed: string }>;

beforeAll(async () => {
  suite = await startSuite(["organization", "personnel", "finance", "evaluation"]);
  importOrdosDivisions(suite);
  tokens.city = await suite.token("CITY_ADMIN", CITY, "city-wangli", "王丽");
  tokens.city2 = await suite.token("CITY_ADMIN", CITY, "city-liusi", "刘思");
  tokens.cityOfficer = await suite.token("FINANCE_OFFICER", CITY, "city-finance", "陈会");
  tokens.bannerAdmin = await suite.token("BANNER_ADMIN", DALATE, "dalate-admin", "李强");
  tokens.officer = await suite.token("FINANCE_OFFICER", DALATE, "dalate-finance", "赵敏");
  tokens.zhungeerOfficer = await suite.token("FINANCE_OFFICER", ZHUNGEER);
  tokens.clerk = await suite.token("UNIT_CLERK", SHULINZHAO, "shulinzhao-clerk", "张华");
}, 180000);

afterAll(async () => {
  await suite?.stop();
});

describe("finance through the gateway (organization + personnel + finance; evaluation for R9)", () => {
  it("R8: a banner finance officer creates a work-funds line with a schedule and pays instalments (one on time, one short)", async () => {
    const input = {
      fiscalYear: YEAR,
      ownerUnitId: idOf(DALATE),
      purpose: "WORK_FUNDS",
      classificationCode: "2010505",
      documentTitle: "关于下达基层统计工作经费的通知",
      documentNumber: `达财预〔${YEAR}〕12号`,
      amount: "120000.00",
      // Not QUARTERLY: an instalment due on 31 December of a finished year is never counted as due
      // (finance's asOfFor gives that very day and the rule calls it not due yet; see the report).
      schedule: {
        kind: "CUSTOM",
        instalments: DUE.map((d) => ({ dueDate: `${YEAR}-${d}`, amount: "30000.00" })),
      },
      requestId: randomUUID(),
    };
    // Finance learns the banner from organization's events: retry (same requestId) until it has.
    const { createBudgetLine: line } = await waitFor(
      () => gql(CREATE_LINE, { input }, tokens.officer).catch(() => undefined),
      "finance to know 达拉特旗",
      60000,
      500,
    );
    lineId = line.id;
    expect(line).toMatchObject({
      level: "BANNER",
      amount: "120000.00",
      amountInCapitals: "人民币壹拾贰万元整",
    });
    expect(line.instalments).toEqual(
      DUE.map((d, i) => ({
        seq: i + 1,
        dueDate: `${YEAR}-${d}`,
        amount: "30000.00",
      })),
    );
    const pay = (instalmentSeq: number, amount: string, paidOn: string) =>
      gql(
        DISBURSE,
        {
          input: {
            lineId,
            instalmentSeq,
            amount,
            paidOn,
            voucherNumber: `达财拨-${instalmentSeq}`,
            payer: "达拉特旗财政局",
          },
        },
        tokens.officer,
      );
    expect((await pay(1, "30000.00", `${YEAR}-03-20`)).recordDisbursement).toMatchObject({
      amount: "30000.00",
      amountInCapitals: "人民币叁万元整",
    });
    await pay(2, "20000.00", `${YEAR}-07-05`);
    const rows = await sql<{ kind: string; amount_fen: string; paid_on: string }>(
      suite.databases.finance.url,
      `SELECT kind, amount_fen, paid_on::text FROM disbursement WHERE line_id = $1 ORDER BY paid_on`,
      [lineId],
    );
    expect(rows).toEqual([
      { kind: "PAYMENT", amount_fen: "3000000", paid_on: `${YEAR}-03-20` },
      { kind: "PAYMENT", amount_fen: "2000000", paid_on: `${YEAR}-07-05` },
    ]);
  });

  it('R8: a bad amount ("12.345") is BAD_USER_INPUT naming the field; another banner\'s line is NOT_FOUND; nothing written', async () => {
    const input = (amount: string) => ({
      lineId,
      instalmentSeq: 3,
      amount,
      paidOn: `${YEAR}-09-10`,
      voucherNumber: "达财拨-3",
      payer: "达拉特旗财政局",
    });
    const bad = await refused("BAD_USER_INPUT", () =>
      call(DISBURSE, { input: input("12.345") }, tokens.officer),
    );
    expect(bad).toMatch(/^amount\b/);
    const elsewhere = await refused("NOT_FOUND", () =>
      call(DISBURSE, { input: input("100.00") }, tokens.zhungeerOfficer),
    );
    expect(elsewhere).toContain("does not exist in your area");
    expect(elsewhere).not.toMatch(/达拉特旗|150621/);
    const read = await call(
      `query ($id: ID!) { budgetLine(id: $id) { id } }`,
      { id: lineId },
      tokens.zhungeerOfficer,
    );
    expect(read.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
  });

  it("R10: statisticians appointed in a village through personnel; the township clerk records their tasks; the banner admin sets the standard and generates the claims", async () => {
    await gql(`mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id kind } }`, {
      input: { parentId: idOf(SHULINZHAO), code: VILLAGE, name: "树林召村", kind: "VILLAGE" },
    });
    const post = { role: "LIAISON", establishment: "CONTRACT", startDate: day(-60) }; // a village takes LIAISON
    ({ statisticianId: p } = await appointAt(gql, VILLAGE, "村统计员甲", 101, post));
    ({ statisticianId: q } = await appointAt(gql, VILLAGE, "村统计员乙", 102, post));

    const standard = await waitFor(
      () =>
        gql(
          `mutation ($input: SetSubsidyStandardInput!) { setSubsidyStandard(input: $input) { version items { taskKind rate } } }`,
          {
            input: {
              bannerUnitId: idOf(DALATE),
              effectiveFrom: day(-100),
              documentTitle: "达拉特旗村级统计员工作补助标准",
              documentNumber: `达统发〔${YEAR + 1}〕3号`,
              items: [
                { taskKind: "HOUSEHOLD_LISTING", unitOfWork: "户", rate: "2.00" },
                { taskKind: "MONTHLY_REPORT", unitOfWork: "份", rate: "30.00", isMinimum: true },
              ],
            },
          },
        ).catch(() => undefined),
      "finance to know 达拉特旗",
      30000,
      500,
    );
    expect(standard.setSubsidyStandard.version).toBe(1);

    const task = (statisticianId: string, taskKind: string, quantity: number) => ({
      requestId: randomUUID(),
      statisticianId,
      unitId: idOf(VILLAGE),
      taskKind,
      quantity,
      period: PERIOD,
      businessDate: TASK_DAY,
      evidenceRef: `台账-${TASK_DAY}`,
    });
    const TASK = `mutation ($input: RecordSubsidyTaskInput!) { recordSubsidyTask(input: $input) { id quantity } }`;
    for (const input of [
      task(p, "HOUSEHOLD_LISTING", 120),
      task(p, "MONTHLY_REPORT", 1),
      task(q, "MONTHLY_REPORT", 1),
    ]) {
      // Finance learns the village (organization) and the posts (personnel) from Kafka: retry, same requestId.
      await waitFor(
        () => gql(TASK, { input }, tokens.clerk).catch(() => undefined),
        "finance to know the village and its posts",
        60000,
        500,
      );
    }
    const { generateSubsidyClaims } = await gql(
      `mutation ($input: GenerateSubsidyClaimsInput!) { generateSubsidyClaims(input: $input) { id statisticianId status computed version } }`,
      { input: { bannerUnitId: idOf(DALATE), period: PERIOD } },
    );
    claims = Object.fromEntries(
      generateSubsidyClaims.map((c: { statisticianId: string }) => [c.statisticianId, c]),
    );
    expect(claims[p]).toMatchObject({ status: "DRAFT", computed: "270.00" }); // 120 × 2.00 + 1 × 30.00
    expect(claims[q]).toMatchObject({ status: "DRAFT", computed: "30.00" });
    for (const who of [p, q]) {
      const { submitSubsidyClaim } = await gql(
        `mutation ($input: SubsidyClaimStepInput!) { submitSubsidyClaim(input: $input) { id status version } }`,
        { input: { claimId: claims[who].id, expectedVersion: claims[who].version } },
        tokens.clerk,
      );
      expect(submitSubsidyClaim.status).toBe("SUBMITTED");
      claims[who] = { ...claims[who], version: submitSubsidyClaim.version };
    }
  });

  it("R10: a finance officer's token cannot approve a claim (FORBIDDEN, nothing written); the banner admin approves both", async () => {
    const approve = (who: string, token: string) =>
      call(APPROVE, { input: { claimId: claims[who].id, expectedVersion: claims[who].version } }, token);
    const message = await refused("FORBIDDEN", () => approve(p, tokens.officer));
    expect(message).toContain("BANNER_ADMIN");
    for (const who of [p, q]) {
      const res = await approve(who, tokens.bannerAdmin);
      expect(res.errors).toBeUndefined();
      expect(res.data!.approveSubsidyClaim).toMatchObject({
        status: "APPROVED",
        approved: claims[who].computed,
      });
    }
  });

  it("R10: one query joins organization, personnel and finance — banner → townships → villages → statisticians → claims, and the city → each banner's budget execution (R8) — agreeing with the three databases", async () => {
    const started = Date.now();
    const data = await gql(BANNER_AND_CITY, { banner: DALATE, city: CITY, year: YEAR }, tokens.city);
    process.stdout.write(`the joined query through the gateway: ${Date.now() - started} ms\n`);

    // organization: the banner's townships and their villages as organization stores them
    const townships = data.banner.children.edges.map((e: { node: unknown }) => e.node);
    const orgTownships = await sql<{ code: string }>(
      suite.databases.organization.url,
      `SELECT code FROM org_unit WHERE parent_id = $1 ORDER BY code`,
      [idOf(DALATE)],
    );
    expect(townships.map((t: { code: string }) => t.code).sort()).toEqual(orgTownships.map((r) => r.code));
    const villages = townships.flatMap((t: { children: { edges: { node: unknown }[] } }) =>
      t.children.edges.map((e) => e.node),
    );
    expect(villages.map((v: { code: string }) => v.code)).toEqual([VILLAGE]);

    // personnel: the village's posts
    const village = villages[0];
    const posts = await sql<{ statistician_id: string }>(
      suite.databases.personnel.url,
      `SELECT statistician_id FROM post_assignment WHERE org_unit_id = $1 AND status <> 'ENDED' ORDER BY statistician_id`,
      [idOf(VILLAGE)],
    );
    expect(village.statisticians.totalCount).toBe(posts.length);
    const people = village.statisticians.edges.map(
      (e: { node: { id: string; subsidyClaims: unknown[] } }) => e.node,
    );
    expect(people.map((n: { id: string }) => n.id).sort()).toEqual(posts.map((r) => r.statistician_id));
    expect(posts.map((r) => r.statistician_id).sort()).toEqual([p, q].sort());

    // finance: each person's claims as stored (integer fen)
    for (const person of people) {
      const rows = await sql<{ period: string; status: string; computed_fen: string; approved_fen: string }>(
        suite.databases.finance.url,
        `SELECT period, status, computed_fen, approved_fen FROM subsidy_claim WHERE statistician_id = $1 ORDER BY period`,
        [person.id],
      );
      expect(person.subsidyClaims).toEqual(
        rows.map((r) => ({
          period: r.period,
          status: r.status,
          computed: yuan(r.computed_fen),
          approved: yuan(r.approved_fen),
        })),
      );
      expect(person.subsidyClaims).toHaveLength(1);
    }

    // finance: each banner's budgeted, due and paid figures from its lines, schedules and payments
    const banners = data.city.children.edges.map(
      (e: { node: { id: string; code: string; budgetExecution: Record<string, string> } }) => e.node,
    );
    expect(banners).toHaveLength(9);
    for (const banner of banners) {
      const [row] = await sql<{ lines: number; budgeted: string; paid: string; on_time: string }>(
        suite.databases.finance.url,
        `WITH lines AS (
           SELECT l.id, r.revision, r.amount_fen FROM budget_line l
             JOIN budget_line_revision r ON r.line_id = l.id AND r.revision = l.current_revision
            WHERE l.fiscal_year = $1 AND (l.owner_unit_id = $2 OR r.beneficiary_unit_id = $2)),
         paid AS (
           SELECT d.line_id, d.instalment_seq, d.amount_fen, d.paid_on FROM disbursement d
            WHERE d.line_id IN (SELECT id FROM lines) AND d.kind = 'PAYMENT'
              AND NOT EXISTS (SELECT 1 FROM disbursement x WHERE x.reverses_id = d.id))
         SELECT (SELECT count(*)::int FROM lines) AS lines,
                (SELECT coalesce(sum(amount_fen), 0)::text FROM lines) AS budgeted,
                (SELECT coalesce(sum(amount_fen), 0)::text FROM paid) AS paid,
                (SELECT coalesce(sum(p.amount_fen), 0)::text FROM paid p
                   JOIN lines l ON l.id = p.line_id
                   JOIN budget_instalment i ON i.line_id = l.id AND i.revision = l.revision AND i.seq = p.instalment_seq
                  WHERE p.paid_on <= i.due_date) AS on_time`,
        [YEAR, banner.id],
      );
      expect(banner.budgetExecution).toMatchObject({
        budgeted: yuan(row.budgeted),
        dueToDate: yuan(row.budgeted), // the year is over: every instalment is due
        paid: yuan(row.paid),
        paidOnTime: yuan(row.on_time),
        status: banner.code === DALATE ? "NOT_MET" : "NOT_APPLICABLE",
      });
      expect(row.lines).toBe(banner.code === DALATE ? 1 : 0);
    }
    const dalate = banners.find((b: { code: string }) => b.code === DALATE);
    expect(dalate.budgetExecution).toEqual({
      status: "NOT_MET",
      budgeted: "120000.00",
      dueToDate: "120000.00",
      paid: "50000.00",
      paidOnTime: "30000.00",
    });
    expect(data.banner.budgetExecution).toMatchObject({ ...dalate.budgetExecution, executionRate: "41.67" });
    expect(data.banner.budgetExecution.reason.length).toBeGreaterThan(10);
  });

  it("R9: the city's assessment published through evaluation reaches finance by Kafka; a round computed and approved (by another city admin) from it adds up to exactly 10,000,000.00", async () => {
    // evaluation: the city's scheme for its banners and districts, each scored, reviewed and published
    const evaluate = async (query: string, input: Record<string, unknown>, token = tokens.city) =>
      Object.values(await gql(query, { input }, token))[0] as { id: string; version: number };
    const scheme = await waitFor(
      () =>
        evaluate(
          `mutation ($input: DefineAssessmentSchemeInput!) { defineAssessmentScheme(input: $input) { id version } }`,
          {
            ownerUnitId: idOf(CITY),
            name: `${YEAR}年度旗区统计基层基础工作考核`,
            year: YEAR,
            subjectKinds: ["BANNER", "DISTRICT"],
            cutOffDate: `${YEAR}-12-20`,
            indicators: [
              {
                code: "M1",
                name: "统计基础工作",
                weight: "100",
                kind: "MANUAL",
                maxScore: "100",
                guide: "按细则评分",
              },
            ],
            requestId: randomUUID(),
          },
        ).catch(() => undefined),
      "evaluation to know the city",
      60000,
      500,
    );
    const { openAssessments } = await gql(
      `mutation ($id: ID!) { openAssessments(schemeVersionId: $id) { id version subject { id } } }`,
      { id: scheme.id },
      tokens.city,
    );
    expect(openAssessments).toHaveLength(9);
    const codes = await sql<{ id: string; code: string }>(
      suite.databases.organization.url,
      `SELECT id, code FROM org_unit WHERE parent_id = $1 ORDER BY code`,
      [idOf(CITY)],
    );
    const SCORES = [95, 92, 88, 85, 83, 81, 78, 70, 65]; // by unit code
    const STEP = (name: string, input: string) =>
      `mutation ($input: ${input}!) { ${name}(input: $input) { id version } }`;
    for (const a of openAssessments as { id: string; version: number; subject: { id: string } }[]) {
      const score = SCORES[codes.findIndex((c) => c.id === a.subject.id)];
      let cur = await evaluate(STEP("scoreAssessment", "AssessmentStepInput"), {
        assessmentId: a.id,
        expectedVersion: a.version,
      });
      cur = await evaluate(STEP("recordManualScore", "ManualScoreInput"), {
        assessmentId: cur.id,
        expectedVersion: cur.version,
        indicatorCode: "M1",
        score: String(score),
        evidence: "考核组评分表",
      });
      await evaluate(STEP("reviewAssessment", "AssessmentStepInput"), {
        assessmentId: cur.id,
        expectedVersion: cur.version,
      });
    }
    await gql(
      `mutation ($input: PublishAssessmentResultsInput!) { publishAssessmentResults(input: $input) { id } }`,
      { input: { schemeVersionId: scheme.id } },
      tokens.city,
    );

    // finance: the programme, its line, a round computed from the published results and approved
    const { createAwardProgramme: programme } = await gql(
      `mutation ($input: CreateAwardProgrammeInput!) { createAwardProgramme(input: $input) { id annualAmount } }`,
      {
        input: {
          cityUnitId: idOf(CITY),
          name: "基层统计工作以奖代补",
          firstYear: YEAR,
          lastYear: YEAR + 2,
          annualAmount: "10000000.00",
          rule: {
            kind: "TIERS",
            remainder: "KEEP",
            grades: [
              { name: "优秀", minScore: "90.00", amount: "1500000.00", maxCount: 2 },
              { name: "良好", minScore: "80.00", amount: "1000000.00" },
              { name: "合格", minScore: "0.00", amount: "600000.00" },
            ],
          },
        },
      },
      tokens.city,
    );
    const { createBudgetLine: line } = await gql(
      CREATE_LINE,
      {
        input: {
          fiscalYear: YEAR,
          ownerUnitId: idOf(CITY),
          purpose: "AWARD_PROGRAMME",
          classificationCode: "2010599",
          documentTitle: "基层统计工作以奖代补资金",
          documentNumber: `鄂财预〔${YEAR}〕30号`,
          amount: "10000000.00",
          schedule: { kind: "ONCE", dueDate: `${YEAR}-12-20` },
        },
      },
      tokens.cityOfficer,
    );
    const ROUND = `id status version remainder computedByName approvedByName allocations { unitCode score grade amount }`;
    const { openAllocationRound: opened } = await gql(
      `mutation ($input: OpenAllocationRoundInput!) { openAllocationRound(input: $input) { id version } }`,
      { input: { programmeId: programme.id, fiscalYear: YEAR, lineId: line.id } },
      tokens.city,
    );
    // Finance receives AssessmentResultsPublished from Kafka: retry the computation until it has.
    const { computeAllocationRound: computed } = await waitFor(
      () =>
        gql(
          `mutation ($input: AllocationRoundStepInput!) { computeAllocationRound(input: $input) { ${ROUND} } }`,
          { input: { roundId: opened.id, expectedVersion: opened.version } },
          tokens.city,
        ).catch(() => undefined),
      "finance to receive the published results",
      30000,
      500,
    );
    expect(computed.status).toBe("COMPUTED");
    // two people: who computed the round may not approve it
    const selfApproval = await refused("FORBIDDEN", () =>
      call(
        `mutation ($input: AllocationRoundStepInput!) { approveAllocationRound(input: $input) { id } }`,
        { input: { roundId: computed.id, expectedVersion: computed.version } },
        tokens.city,
      ),
    );
    expect(selfApproval).toContain("another CITY_ADMIN approves it");
    const { approveAllocationRound: approved } = await gql(
      `mutation ($input: AllocationRoundStepInput!) { approveAllocationRound(input: $input) { ${ROUND} } }`,
      { input: { roundId: computed.id, expectedVersion: computed.version } },
      tokens.city2,
    );
    expect(approved).toMatchObject({ status: "APPROVED", computedByName: "王丽", approvedByName: "刘思" });

    const allocations = approved.allocations as {
      unitCode: string;
      score: string;
      grade: string;
      amount: string;
    }[];
    expect(allocations.map((a) => [a.unitCode, a.score, a.grade, a.amount]).sort()).toEqual(
      codes.map((c, i) => [
        c.code,
        `${SCORES[i]}.00`,
        SCORES[i] >= 90 ? "优秀" : SCORES[i] >= 80 ? "良好" : "合格",
        SCORES[i] >= 90 ? "1500000.00" : SCORES[i] >= 80 ? "1000000.00" : "600000.00",
      ]),
    );
    expect(approved.remainder).toBe("1200000.00");
    // exactly the annual amount, in integer fen, from finance's own tables
    const [sum] = await sql<{ total: string }>(
      suite.databases.finance.url,
      `SELECT (SELECT sum(a.amount_fen) FROM round_allocation a WHERE a.round_id = r.id AND a.computation = r.computation)
              + r.remainder_fen AS total
         FROM allocation_round r WHERE r.id = $1`,
      [approved.id],
    );
    expect(yuan(sum.total)).toBe("10000000.00");
  });
});
