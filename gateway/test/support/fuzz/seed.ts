import { randomUUID } from "node:crypto";
import { orgUnitIdForCode as idOf } from "@grassroots/kit";
import { callGateway, waitFor, type RunningSuite } from "@grassroots/testing";
import { appointAt, chinaDay as day, gatewayClient, importOrdosDivisions } from "../ordos-suite";

// A few real rows of two banners (达拉特旗 and 准格尔旗), made through the gateway as their users
// would, so the fuzzer's inputs can carry ids of rows that exist — in the caller's banner and in
// another one. Kept small: each step is one or two calls, the tree comes from organization's import.

export const CITY = "150600000000";
export const BANNERS = [
  { banner: "150621000000", town: "150621100000", n: 1 }, // 达拉特旗, 树林召镇
  { banner: "150622000000", town: "150622100000", n: 2 }, // 准格尔旗, 薛家湾镇
];

const mutation = (name: string, type: string) =>
  `mutation ($input: ${type}!) { ${name}(input: $input) { id } }`;

/** Makes the rows; returns what could not be made (empty when all was). */
export async function seedTwoBanners(suite: RunningSuite): Promise<string[]> {
  const seeded: string[] = [];
  const missed: string[] = [];
  importOrdosDivisions(suite);
  const city = await suite.token("CITY_ADMIN", CITY, "fuzz-seed", "种子");
  const gql = gatewayClient(
    () => suite,
    () => city,
  );
  /** A call retried while the service still learns the tree from organization's events. */
  /** Tried as each of the banner's users in turn (the city, its bureau, its finance officer). */
  let users: string[] = [city];
  const retried = (query: string, input: Record<string, unknown>) => {
    let last = "";
    return waitFor(
      async () => {
        for (const token of users) {
          const res = await callGateway(suite.gatewayUrl, query, { input }, token);
          last = JSON.stringify(res.errors);
          if (!res.errors) return res.data;
        }
        return undefined;
      },
      `${query.slice(0, 60)}… to be accepted (last: ${last})`,
      90_000,
      500,
    ).then(
      () => seeded.push(query.slice(0, 40)),
      // A seed step that fails leaves fewer real ids, not a wrong verdict: said, not hidden.
      (error: Error) => missed.push(`${error.message.slice(0, 120)}; last errors: ${last.slice(0, 300)}`),
    );
  };
  const year = Number(day().slice(0, 4));
  for (const { banner, town, n } of BANNERS) {
    users = [
      city,
      await suite.token("BANNER_ADMIN", banner, `fuzz-seed-banner-${n}`, "旗局"),
      await suite.token("FINANCE_OFFICER", banner, `fuzz-seed-finance-${n}`, "财务"),
    ];
    for (const k of [0, 1]) await appointAt(gql, town, `种子${n}${k}`, 90_000 + n * 10 + k);
    await retried(mutation("planTrainingSession", "PlanTrainingSessionInput"), {
      organizerUnitId: idOf(banner),
      kind: "PRE_POST",
      title: "岗前培训",
      audience: "GRASSROOTS_STAFF",
      startDate: day(-3),
      endDate: day(-2),
      hours: 16,
      capacity: 20,
      place: "旗统计局会议室",
    });
    await retried(mutation("createBudgetLine", "CreateBudgetLineInput"), {
      fiscalYear: year,
      ownerUnitId: idOf(banner),
      purpose: "WORK_FUNDS",
      classificationCode: "2010505",
      documentTitle: "关于下达基层统计工作经费的通知",
      documentNumber: `种子〔${year}〕${n}号`,
      amount: "120000.00",
      schedule: { kind: "CUSTOM", instalments: [{ dueDate: `${year}-12-20`, amount: "120000.00" }] },
      requestId: randomUUID(),
    });
    await retried(mutation("recordWorkMeeting", "RecordWorkMeetingInput"), {
      requestId: randomUUID(),
      holderUnitId: idOf(banner),
      meetingDate: day(-20),
      kind: "EXECUTIVE",
      chair: "常务副旗长",
      topics: ["基层统计基础工作"],
      studiedGrassrootsStatistics: true,
      problems: [{ description: "统计台账不全", responsibleUnitId: idOf(town), dueDate: day(10) }],
    });
    await retried(mutation("recordInspection", "RecordInspectionInput"), {
      requestId: randomUUID(),
      inspectedUnitId: idOf(banner),
      inspectionDate: day(-15),
      kind: "GOVERNMENT_SUPERVISION",
      inspector: "市政府督查室",
      findings: [
        {
          category: "统计台账",
          severity: "MINOR",
          description: "统计台账未按月归档",
          deadline: day(20),
          responsibleUnitId: idOf(town),
        },
      ],
    });
  }
  return missed;
}
