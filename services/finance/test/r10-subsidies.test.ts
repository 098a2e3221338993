import { unitState } from "@grassroots/testing";
import {
  as,
  DALATE,
  dalateAdmin,
  dalateOfficer,
  idOf,
  ordosStates,
  SHULINZHAO,
  startHarness,
  ZHUNGEER,
  type Harness,
  outboxTypes,
} from "./support/harness";

let h: Harness;
const clerk = as("UNIT_CLERK", SHULINZHAO);
const town = () => ordosStates().find((u) => u.code === SHULINZHAO)!;
const VILLAGE = "150621100201";
const VILLAGE2 = "150621100202";
let p: string; // posted in the village since January
let q: string; // posted there from 15 April

beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  await h.publishUnits([
    unitState(town(), VILLAGE, "树林召村", "VILLAGE"),
    unitState(town(), VILLAGE2, "王爱召村", "VILLAGE"),
  ]);
  [{ statisticianId: p }, { statisticianId: q }] = await h.appoint([
    { unitCode: VILLAGE, startDate: "2026-01-01" },
    { unitCode: VILLAGE, startDate: "2026-04-15" },
  ]);
});
afterAll(() => h.stop());

const STANDARD = `mutation($input: SetSubsidyStandardInput!) { setSubsidyStandard(input: $input) {
  id version effectiveFrom effectiveTo items { taskKind unitOfWork rate isMinimum } } }`;
const TASK = `mutation($input: RecordSubsidyTaskInput!) { recordSubsidyTask(input: $input) { id claimId quantity } }`;
const GENERATE = `mutation($input: GenerateSubsidyClaimsInput!) { generateSubsidyClaims(input: $input) { id statisticianId status computed version } }`;
const SUBMIT = `mutation($input: SubsidyClaimStepInput!) { submitSubsidyClaim(input: $input) { id status version } }`;
const APPROVE = `mutation($input: ApproveSubsidyClaimInput!) { approveSubsidyClaim(input: $input) { id status approved differenceReason version } }`;
const RETURN = `mutation($input: ReturnSubsidyClaimInput!) { returnSubsidyClaim(input: $input) { id status returnReason version } }`;
const PAY = `mutation($input: PaySubsidyClaimsInput!) { paySubsidyClaims(input: $input) { id claimCount total totalInCapitals } }`;
const PEOPLE = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Statistician { id
  subsidyTasks { taskKind quantity claimId } subsidyClaims { period status computed approved } subsidyPayments { amount amountInCapitals voucherNumber } } } }`;
const UNIT_STANDARD = `query($reps: [_Any!]!, $asOf: LocalDate) { _entities(representations: $reps) { ... on OrgUnit { id
  subsidyStandard(asOf: $asOf) { version items { taskKind rate } } } } }`;

const standard = (effectiveFrom: string, listing: string, report: string) => ({
  bannerUnitId: idOf(DALATE),
  effectiveFrom,
  documentTitle: "达拉特旗村级统计员工作补助标准",
  documentNumber: "达统发〔2026〕3号",
  items: [
    { taskKind: "HOUSEHOLD_LISTING", unitOfWork: "户", rate: listing },
    { taskKind: "MONTHLY_REPORT", unitOfWork: "份", rate: report, isMinimum: true },
  ],
});
const task = (
  statisticianId: string,
  taskKind: string,
  quantity: number,
  businessDate: string,
  unitCode = VILLAGE,
) => ({
  statisticianId,
  unitId: idOf(unitCode),
  taskKind,
  quantity,
  period: businessDate.slice(0, 7),
  businessDate,
  evidenceRef: `台账-${businessDate}`,
});

describe("R10: village statisticians' work subsidies", () => {
  it("R10: a banner's standard in versions; a new one supersedes the one in force from a date", async () => {
    await h.expectRefused("FORBIDDEN", () =>
      h.call(STANDARD, { input: standard("2026-01-01", "2.00", "30.00") }, clerk),
    );
    await h.expectRefused("NOT_FOUND", () =>
      h.call(STANDARD, { input: standard("2026-01-01", "2.00", "30.00") }, as("BANNER_ADMIN", ZHUNGEER)),
    );
    const v1 = await h.call(STANDARD, { input: standard("2026-01-01", "2.00", "30.00") }, dalateAdmin);
    expect(v1.errors).toBeUndefined();
    const v2 = await h.call(STANDARD, { input: standard("2026-04-20", "2.50", "35.00") }, dalateAdmin);
    expect(v2.data!.setSubsidyStandard).toMatchObject({
      version: 2,
      effectiveFrom: "2026-04-20",
      effectiveTo: null,
    });
    const [row] = await h.rows(`SELECT effective_to::text FROM subsidy_standard WHERE version = 1`);
    expect(row.effective_to).toBe("2026-04-19");
  });

  it("R10: overlapping standard versions are refused, nothing written", async () => {
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(STANDARD, { input: standard("2026-03-01", "9.00", "9.00") }, dalateAdmin),
      ),
    ).toContain("would overlap version 1");
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(STANDARD, { input: standard("2026-04-20", "9.00", "9.00") }, dalateAdmin),
    );
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(STANDARD, { input: standard("2026-05-01", "12.345", "9.00") }, dalateAdmin),
    );
  });

  it("R10: the township clerk records tasks of people posted in the village", async () => {
    for (const t of [
      task(p, "HOUSEHOLD_LISTING", 100, "2026-04-10"),
      task(p, "HOUSEHOLD_LISTING", 50, "2026-04-28"),
      task(p, "MONTHLY_REPORT", 1, "2026-04-28"),
      task(q, "MONTHLY_REPORT", 1, "2026-04-25"),
    ]) {
      const res = await h.call(TASK, { input: t }, clerk);
      expect(res.errors).toBeUndefined();
    }
  });

  it("R10: a task for a person without a post in that unit on that date is refused", async () => {
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(TASK, { input: task(q, "MONTHLY_REPORT", 1, "2026-04-10") }, clerk),
      ),
    ).toBe(
      `Statistician ${q} did not hold a post in 树林召村 (${VILLAGE}) on 2026-04-10; record tasks for the people posted there.`,
    );
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(TASK, { input: task(p, "MONTHLY_REPORT", 1, "2026-04-10", VILLAGE2) }, clerk),
    );
  });

  it("R10: a task dated in the future is refused; a clerk elsewhere cannot record here", async () => {
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(TASK, { input: task(p, "MONTHLY_REPORT", 1, "2026-07-01") }, clerk),
      ),
    ).toBe("businessDate 2026-07-01 is in the future; use a date on or before 2026-06-30.");
    await h.expectRefused("NOT_FOUND", () =>
      h.call(TASK, { input: task(p, "MONTHLY_REPORT", 1, "2026-04-10") }, as("UNIT_CLERK", "150621001000")),
    );
  });

  let claimP: { id: string; version: number };
  let claimQ: { id: string; version: number };

  it("R10: claims generated in bulk: computed = Σ quantity × the rate in force on each task's date; a second run adds nothing", async () => {
    const res = await h.call(
      GENERATE,
      { input: { bannerUnitId: idOf(DALATE), period: "2026-04" } },
      dalateAdmin,
    );
    expect(res.errors).toBeUndefined();
    const claims = res.data!.generateSubsidyClaims as {
      id: string;
      statisticianId: string;
      computed: string;
      version: number;
    }[];
    claimP = claims.find((c) => c.statisticianId === p)!;
    claimQ = claims.find((c) => c.statisticianId === q)!;
    // 100 × 2.00 (version 1) + 50 × 2.50 + 1 × 35.00 (version 2)
    expect(claimP).toMatchObject({ computed: "360.00", status: "DRAFT" });
    expect(claimQ).toMatchObject({ computed: "35.00" });
    const before = await h.fingerprint();
    await h.call(GENERATE, { input: { bannerUnitId: idOf(DALATE), period: "2026-04" } }, dalateAdmin);
    expect(await h.fingerprint()).toBe(before);
  });

  it("R10: submitted, then approved at another amount only with a reason; returned with a reason and submitted again", async () => {
    claimP = (await h.call(SUBMIT, { input: { claimId: claimP.id, expectedVersion: claimP.version } }, clerk))
      .data!.submitSubsidyClaim;
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(
          APPROVE,
          { input: { claimId: claimP.id, expectedVersion: claimP.version, approvedAmount: "350.00" } },
          dalateAdmin,
        ),
      ),
    ).toContain("give the reason for the difference");
    await h.expectRefused("CONFLICT", () =>
      h.call(APPROVE, { input: { claimId: claimP.id, expectedVersion: claimP.version - 1 } }, dalateAdmin),
    );
    await h.expectRefused("FORBIDDEN", () =>
      h.call(APPROVE, { input: { claimId: claimP.id, expectedVersion: claimP.version } }, clerk),
    );
    const approved = await h.call(
      APPROVE,
      {
        input: {
          claimId: claimP.id,
          expectedVersion: claimP.version,
          approvedAmount: "350.00",
          reason: "一户重复登记",
        },
      },
      dalateAdmin,
    );
    expect(approved.data!.approveSubsidyClaim).toMatchObject({
      status: "APPROVED",
      approved: "350.00",
      differenceReason: "一户重复登记",
    });

    claimQ = (await h.call(SUBMIT, { input: { claimId: claimQ.id, expectedVersion: claimQ.version } }, clerk))
      .data!.submitSubsidyClaim;
    const returned = await h.call(
      RETURN,
      { input: { claimId: claimQ.id, expectedVersion: claimQ.version, reason: "缺少报表附件" } },
      dalateAdmin,
    );
    expect(returned.data!.returnSubsidyClaim).toMatchObject({
      status: "RETURNED",
      returnReason: "缺少报表附件",
    });
    claimQ = (
      await h.call(
        SUBMIT,
        { input: { claimId: claimQ.id, expectedVersion: returned.data!.returnSubsidyClaim.version } },
        clerk,
      )
    ).data!.submitSubsidyClaim;
    expect(
      (await h.call(APPROVE, { input: { claimId: claimQ.id, expectedVersion: claimQ.version } }, dalateAdmin))
        .errors,
    ).toBeUndefined();
    expect(await outboxTypes(h.dataSource)).toEqual(
      expect.arrayContaining([
        "grassroots.finance.subsidy-claim.submitted.v1",
        "grassroots.finance.subsidy-claim.approved.v1",
        "grassroots.finance.subsidy-claim.returned.v1",
      ]),
    );
  });

  it("R10: approved claims paid in a batch per banner and period (count, total); a retry is idempotent", async () => {
    const input = {
      bannerUnitId: idOf(DALATE),
      period: "2026-04",
      claimIds: [claimP.id, claimQ.id],
      voucherNumber: "达财-补-0426",
      paidOn: "2026-05-10",
      requestId: "subsidy-batch-2026-04",
    };
    await h.expectRefused("FORBIDDEN", () => h.call(PAY, { input }, dalateAdmin));
    const paid = await h.call(PAY, { input }, dalateOfficer);
    expect(paid.errors).toBeUndefined();
    expect(paid.data!.paySubsidyClaims).toMatchObject({
      claimCount: 2,
      total: "385.00",
      totalInCapitals: "人民币叁佰捌拾伍元整",
    });
    const before = await h.fingerprint();
    const again = await h.call(PAY, { input }, dalateOfficer);
    expect(again.data!.paySubsidyClaims.id).toBe(paid.data!.paySubsidyClaims.id);
    expect(await h.fingerprint()).toBe(before);
  });

  it("R10: a claim paid twice is refused, nothing written", async () => {
    const input = {
      bannerUnitId: idOf(DALATE),
      period: "2026-04",
      claimIds: [claimP.id],
      voucherNumber: "达财-补-0427",
      paidOn: "2026-05-11",
      requestId: "subsidy-batch-again",
    };
    expect(await h.expectRefused("BAD_USER_INPUT", () => h.call(PAY, { input }, dalateOfficer))).toContain(
      "is already paid",
    );
  });

  it("R10: Statistician's tasks, claims and payments, batched, null outside the caller's area", async () => {
    const reps = [p, q].map((id) => ({ __typename: "Statistician", id }));
    h.queries.queries = [];
    const res = await h.call(PEOPLE, { reps }, dalateAdmin);
    expect(res.errors).toBeUndefined();
    const statements = h.queries.queries.length;
    const [first] = res.data!._entities;
    expect(first.subsidyTasks).toHaveLength(3);
    expect(first.subsidyClaims).toEqual([
      { period: "2026-04", status: "PAID", computed: "360.00", approved: "350.00" },
    ]);
    expect(first.subsidyPayments).toEqual([
      { amount: "350.00", amountInCapitals: "人民币叁佰伍拾元整", voucherNumber: "达财-补-0426" },
    ]);
    h.queries.queries = [];
    await h.call(PEOPLE, { reps: [reps[0]] }, dalateAdmin);
    expect(h.queries.queries.length).toBe(statements);
    const outside = await h.call(PEOPLE, { reps }, as("BANNER_ADMIN", ZHUNGEER));
    expect(outside.data!._entities[0].subsidyClaims).toBeNull();
  });

  it("R10: OrgUnit.subsidyStandard(asOf) is the version in force on that date", async () => {
    const reps = [{ __typename: "OrgUnit", id: idOf(DALATE) }];
    const april = await h.call(UNIT_STANDARD, { reps, asOf: "2026-04-01" }, dalateAdmin);
    expect(april.errors).toBeUndefined();
    expect(april.data!._entities[0].subsidyStandard).toMatchObject({ version: 1 });
    const today = await h.call(UNIT_STANDARD, { reps }, dalateAdmin);
    expect(today.data!._entities[0].subsidyStandard.items).toEqual([
      { taskKind: "HOUSEHOLD_LISTING", rate: "2.50" },
      { taskKind: "MONTHLY_REPORT", rate: "35.00" },
    ]);
  });
});
