import { randomUUID } from "node:crypto";
import { orgUnitIdForCode as idOf } from "@grassroots/kit";
import { queryDatabase as sql, waitFor, type RunningSuite } from "@grassroots/testing";
import { appointAt, chinaDay as day, gatewayClient, importOrdosDivisions, type Gql } from "../ordos-suite";
import { YEAR } from "../year-steps";
import type { TargetKind } from "./access-policy";
import { CITY, DALATE, SHULINZHAO, VILLAGE, XUEJIAWAN, ZHUNGEER } from "./areas";

// What the matrix aims at, made through the gateway as its users would: the real tree, a village,
// people posted in three units (their filings), sessions, budget lines, schemes, meetings and
// inspections of the city's and two banners' bureaus. Each record is kept with the unit its area is
// measured on (a session's organizer, a filing's unit, a finding's responsible unit, …).

export interface Seeded {
  id: string;
  /** The code of the unit whose area the record lies in. */
  unit: string;
  /** Further ids a call on the record needs (a person's post, a session's enrolled person). */
  with?: Record<string, string>;
}
export type Seeds = Partial<Record<TargetKind, Seeded[]>>;

export interface SeedTokens {
  city: string;
  cityOfficer: string;
  inspector: string;
  dalate: string;
  dalateOfficer: string;
  zhungeer: string;
  zhungeerOfficer: string;
}

export async function seedTokens(suite: RunningSuite): Promise<SeedTokens> {
  return {
    city: await suite.token("CITY_ADMIN", CITY, "seed-city", "市局"),
    cityOfficer: await suite.token("FINANCE_OFFICER", CITY, "seed-city-finance", "市财政"),
    inspector: await suite.token("INSPECTOR", CITY, "seed-inspector", "市督查"),
    dalate: await suite.token("BANNER_ADMIN", DALATE, "seed-dalate", "达旗局"),
    dalateOfficer: await suite.token("FINANCE_OFFICER", DALATE, "seed-dalate-finance", "达旗财政"),
    zhungeer: await suite.token("BANNER_ADMIN", ZHUNGEER, "seed-zhungeer", "准旗局"),
    zhungeerOfficer: await suite.token("FINANCE_OFFICER", ZHUNGEER, "seed-zhungeer-finance", "准旗财政"),
  };
}

/** A mutation's first answer field (retried while a service still learns the tree from events). */
async function write(
  gql: Gql,
  name: string,
  inputType: string,
  input: unknown,
  token: string,
  fields = "id",
) {
  const doc = `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`;
  let last = "";
  const data = await waitFor(
    () =>
      gql(doc, { input }, token).catch((e: Error) => {
        last = e.message;
        return undefined;
      }),
    `${name} to go through`,
    60000,
    500,
  ).catch((e: Error) => {
    throw new Error(`${e.message}; last answer: ${last}`);
  });
  return data[name];
}

export async function seedMatrix(suite: RunningSuite): Promise<Seeds> {
  const t = await seedTokens(suite);
  const gql = gatewayClient(
    () => suite,
    () => t.city,
  );
  importOrdosDivisions(suite);
  await write(
    gql,
    "createOrgUnit",
    "CreateOrgUnitInput",
    { parentId: idOf(SHULINZHAO), code: VILLAGE, name: "树林召村", kind: "VILLAGE" },
    t.dalate,
  );

  // people, their posts and filings
  const zhungeerGql = gatewayClient(
    () => suite,
    () => t.zhungeer,
  );
  const people = [
    await appointAt(gql, SHULINZHAO, "矩阵统计员甲", 41),
    await appointAt(gql, VILLAGE, "矩阵统计员乙", 42, { role: "LIAISON", establishment: "CONTRACT" }),
    await appointAt(zhungeerGql, XUEJIAWAN, "矩阵统计员丙", 43),
  ].map((p, i) => ({ ...p, unit: [SHULINZHAO, VILLAGE, XUEJIAWAN][i] }));
  const filings = await sql<{ id: string; statistician_id: string }>(
    suite.databases.personnel.url,
    `SELECT id::text, statistician_id::text FROM filing`,
  );

  // sessions of the city's and both banners' bureaus; the city's with people of both banners enrolled
  const plan = (organizer: string, token: string) =>
    write(
      gql,
      "planTrainingSession",
      "PlanTrainingSessionInput",
      {
        organizerUnitId: idOf(organizer),
        kind: organizer === CITY ? "COMPREHENSIVE" : "PRE_POST",
        title: "矩阵培训班",
        audience: organizer === CITY ? "BANNER_STAFF" : "GRASSROOTS_STAFF",
        startDate: day(5),
        endDate: day(6),
        hours: 16,
        capacity: 30,
        place: "会议室",
      },
      token,
      "id version",
    );
  const sessions = {
    [CITY]: await plan(CITY, t.city),
    [DALATE]: await plan(DALATE, t.dalate),
    [ZHUNGEER]: await plan(ZHUNGEER, t.zhungeer),
  };
  // the sessions opened; each bureau enrols a person of its area (the city both banners' people)
  const enrollments: Seeded[] = [];
  for (const [organizer, token, enrolled] of [
    [CITY, t.city, [people[0], people[2]]],
    [DALATE, t.dalate, [people[0]]],
    [ZHUNGEER, t.zhungeer, [people[2]]],
  ] as const) {
    const session = sessions[organizer];
    await write(
      gql,
      "openTrainingSession",
      "TrainingSessionStepInput",
      { id: session.id, expectedVersion: session.version },
      token,
    );
    for (const p of enrolled) {
      const e = await write(
        gql,
        "enrollInTrainingSession",
        "EnrollInTrainingSessionInput",
        { sessionId: session.id, statisticianId: p.statisticianId },
        token,
      );
      enrollments.push({ id: e.id as string, unit: organizer });
    }
  }

  // budget lines of each level's own government
  const line = (owner: string, token: string) =>
    write(
      gql,
      "createBudgetLine",
      "CreateBudgetLineInput",
      {
        fiscalYear: YEAR,
        ownerUnitId: idOf(owner),
        purpose: "WORK_FUNDS",
        classificationCode: "2010505",
        documentTitle: "关于下达基层统计工作经费的通知",
        documentNumber: `矩阵〔${YEAR}〕${owner.slice(4, 6)}号`,
        amount: "120000.00",
        schedule: { kind: "ONCE", dueDate: `${YEAR}-12-30` },
        requestId: randomUUID(),
      },
      token,
    );
  const lines = [
    { unit: CITY, id: (await line(CITY, t.cityOfficer)).id },
    { unit: DALATE, id: (await line(DALATE, t.dalateOfficer)).id },
    { unit: ZHUNGEER, id: (await line(ZHUNGEER, t.zhungeerOfficer)).id },
  ];

  // R10: 达拉特旗's subsidy standard, a task of the village's statistician, the banner's claims
  const taskDay = day(-1);
  await write(
    gql,
    "setSubsidyStandard",
    "SetSubsidyStandardInput",
    {
      bannerUnitId: idOf(DALATE),
      effectiveFrom: `${taskDay.slice(0, 4)}-01-01`,
      documentTitle: "村级统计员工作补助标准",
      documentNumber: `矩阵补〔${YEAR}〕1号`,
      items: [{ taskKind: "HOUSEHOLD_LISTING", unitOfWork: "户", rate: "2.00" }],
    },
    t.dalate,
    "version",
  );
  const clerk = await suite.token("UNIT_CLERK", SHULINZHAO, "seed-clerk", "镇统计员");
  await write(
    gql,
    "recordSubsidyTask",
    "RecordSubsidyTaskInput",
    {
      requestId: randomUUID(),
      statisticianId: people[1].statisticianId,
      unitId: idOf(VILLAGE),
      taskKind: "HOUSEHOLD_LISTING",
      quantity: 50,
      period: taskDay.slice(0, 7),
      businessDate: taskDay,
      evidenceRef: `台账-${taskDay}`,
    },
    clerk,
  );
  const claims = await write(
    gql,
    "generateSubsidyClaims",
    "GenerateSubsidyClaimsInput",
    { bannerUnitId: idOf(DALATE), period: taskDay.slice(0, 7) },
    t.dalate,
  );

  // assessment schemes of the city's and both banners' bureaus
  const scheme = (owner: string, token: string) =>
    write(
      gql,
      "defineAssessmentScheme",
      "DefineAssessmentSchemeInput",
      {
        requestId: randomUUID(),
        ownerUnitId: idOf(owner),
        name: "矩阵考核",
        year: YEAR,
        subjectKinds: owner === CITY ? ["BANNER", "DISTRICT"] : ["TOWN", "TOWNSHIP", "SUMU", "SUBDISTRICT"],
        cutOffDate: day(),
        indicators: [
          {
            code: "M1",
            name: "基础工作",
            weight: "100",
            kind: "MANUAL",
            maxScore: "100",
            guide: "按细则评分",
          },
        ],
        grades: [
          { grade: "合格", minScore: "60" },
          { grade: "不合格", minScore: "0" },
        ],
      },
      token,
      "id schemeId",
    );
  const schemes = [];
  for (const [owner, token] of [
    [CITY, t.city],
    [DALATE, t.dalate],
    [ZHUNGEER, t.zhungeer],
  ]) {
    const made = await scheme(owner, token);
    schemes.push({ unit: owner, id: made.id as string, with: { schemeId: made.schemeId as string } });
  }

  // each bureau opens its scheme's assessments; kept: one whose subject lies outside the next level's
  // callers' areas (the city's of 准格尔旗, 达拉特旗's of 吉格斯太镇, 准格尔旗's of 薛家湾镇), by the owner
  const assessments: Seeded[] = [];
  for (const [owner, token, subject] of [
    [CITY, t.city, ZHUNGEER],
    [DALATE, t.dalate, "150621101000"],
    [ZHUNGEER, t.zhungeer, XUEJIAWAN],
  ]) {
    const scheme = schemes.find((s) => s.unit === owner)!;
    const opened = await gql(
      `mutation ($id: ID!) { openAssessments(schemeVersionId: $id) { id subject { id } } }`,
      { id: scheme.id },
      token,
    );
    const one = (opened.openAssessments as { id: string; subject: { id: string } }[]).find(
      (a) => a.subject.id === idOf(subject),
    );
    if (one) assessments.push({ id: one.id, unit: owner });
  }

  // meetings (a problem each, kept by the holder) and inspections (a finding each, at the inspected unit)
  const meeting = async (holder: string, responsible: string, token: string) => {
    const m = await write(
      gql,
      "recordWorkMeeting",
      "RecordWorkMeetingInput",
      {
        requestId: randomUUID(),
        holderUnitId: idOf(holder),
        meetingDate: day(-5),
        kind: "EXECUTIVE",
        chair: "常务副职",
        topics: ["基层统计工作"],
        studiedGrassrootsStatistics: true,
        problems: [{ description: "统计台账不全", responsibleUnitId: idOf(responsible), dueDate: day(30) }],
      },
      token,
      "id problems { id }",
    );
    return { unit: holder, id: m.problems[0].id as string, with: { meetingId: m.id as string } };
  };
  const problems = [
    await meeting(CITY, DALATE, t.city),
    await meeting(DALATE, SHULINZHAO, t.dalate),
    await meeting(ZHUNGEER, XUEJIAWAN, t.zhungeer),
  ];
  const inspection = async (unit: string) => {
    const i = await write(
      gql,
      "recordInspection",
      "RecordInspectionInput",
      {
        requestId: randomUUID(),
        inspectedUnitId: idOf(unit),
        inspectionDate: day(-3),
        kind: "DAILY_SUPERVISION",
        inspector: "市政府督查室",
        findings: [
          {
            category: "统计台账",
            severity: "MINOR",
            description: "台账未按月归档",
            deadline: day(20),
            responsibleUnitId: idOf(unit),
          },
        ],
      },
      t.inspector,
      "findings { id }",
    );
    return { unit, id: i.findings[0].id as string };
  };
  const findings = [];
  for (const unit of [CITY, DALATE, ZHUNGEER, SHULINZHAO, VILLAGE, XUEJIAWAN])
    findings.push(await inspection(unit));

  return {
    unit: [CITY, DALATE, ZHUNGEER, SHULINZHAO, XUEJIAWAN, VILLAGE].map((code) => ({
      id: idOf(code),
      unit: code,
    })),
    statistician: people.map((p) => ({
      id: p.statisticianId,
      unit: p.unit,
      with: { assignmentId: p.assignmentId },
    })),
    assignment: people.map((p) => ({
      id: p.assignmentId,
      unit: p.unit,
      with: { statisticianId: p.statisticianId },
    })),
    filing: filings.map((f) => ({
      id: f.id,
      unit: people.find((p) => p.statisticianId === f.statistician_id)!.unit,
    })),
    session: Object.entries(sessions).map(([unit, s]) => ({
      id: s.id as string,
      unit,
      with:
        unit === CITY
          ? { statisticianId: people[0].statisticianId }
          : { statisticianId: people[0].statisticianId },
    })),
    banner: [DALATE, ZHUNGEER].map((code) => ({ id: idOf(code), unit: code })),
    budgetLine: lines,
    assessment: assessments,
    enrollment: enrollments,
    claim: (claims as { id: string }[]).map((c) => ({ id: c.id, unit: DALATE })),
    scheme: schemes,
    problem: problems,
    finding: findings,
  };
}
