import { checkR8Statuses } from "../src/domain/r8-status/publish-r8";
import {
  as,
  CITY,
  cityAdmin,
  cityOfficer,
  DALATE,
  dalateAdmin,
  dalateOfficer,
  DONGSHENG,
  idOf,
  startHarness,
  testClock,
  TODAY,
  ZHUNGEER,
  zhungeerOfficer,
  type Harness,
} from "./support/harness";
import { CREATE_LINE, DISBURSE, EXECUTION, LINES, REPUBLISH, UNIT_EXECUTION } from "./support/operations";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
});
afterAll(() => h.stop());
afterEach(() => testClock.set(TODAY));

const RULE_STATUS = "grassroots.finance.rule-status.changed.v1";

async function newLine(
  owner: string,
  who = as("FINANCE_OFFICER", owner),
  schedule: object = { kind: "QUARTERLY" },
  amount = "400000.00",
  year = 2026,
) {
  const res = await h.call(
    CREATE_LINE,
    {
      input: {
        fiscalYear: year,
        ownerUnitId: idOf(owner),
        purpose: "WORK_FUNDS",
        classificationCode: "2010505",
        documentTitle: "经费通知",
        documentNumber: "财〔2026〕1号",
        amount,
        schedule,
      },
    },
    who,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createBudgetLine.id as string;
}

const pay = async (
  lineId: string,
  seq: number,
  amount: string,
  paidOn: string,
  who: ReturnType<typeof as>,
) => {
  const res = await h.call(
    DISBURSE,
    { input: { lineId, instalmentSeq: seq, amount, paidOn, voucherNumber: `记-${seq}`, payer: "财政局" } },
    who,
  );
  expect(res.errors).toBeUndefined();
};

const statusEvents = async (unitCode: string) =>
  (
    await h.rows<{
      data: { status: string; republished: boolean; figures: Record<string, unknown>; period: string };
    }>(`SELECT data FROM outbox WHERE type = $1 AND key = $2 ORDER BY seq`, [RULE_STATUS, idOf(unitCode)])
  ).map((r) => r.data);

describe("R8: budget execution and the rule's status", () => {
  let dalateLine: string;

  beforeAll(async () => {
    // 达拉特旗: Q1 paid on time; Q2 (due today) not yet paid → MET so far
    dalateLine = await newLine(DALATE, dalateOfficer);
    await pay(dalateLine, 1, "100000.00", "2026-03-25", dalateOfficer);
    // 准格尔旗: Q1 paid short
    const zhungeerLine = await newLine(ZHUNGEER, zhungeerOfficer);
    await pay(zhungeerLine, 1, "60000.00", "2026-03-31", zhungeerOfficer);
  });

  it("R8: a banner's execution for the year: budgeted, due to date, paid, on time, rates and the short items", async () => {
    const res = await h.call(EXECUTION, { year: 2026 }, cityAdmin);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.budgetExecution as { unitId: string; status: string }[];
    const dalate = rows.find((r) => r.unitId === idOf(DALATE));
    expect(dalate).toMatchObject({
      status: "MET",
      asOf: TODAY,
      budgeted: "400000.00",
      dueToDate: "100000.00",
      paid: "100000.00",
      paidOnTime: "100000.00",
      executionRate: "25.00",
      onTimeRate: "100.00",
      items: [],
    });
    const zhungeer = rows.find((r) => r.unitId === idOf(ZHUNGEER));
    expect(zhungeer).toMatchObject({
      status: "NOT_MET",
      paid: "60000.00",
      executionRate: "15.00",
      items: [expect.objectContaining({ seq: 1, status: "SHORT", short: "40000.00", purpose: "WORK_FUNDS" })],
    });
    expect(rows.find((r) => r.unitId === idOf(DONGSHENG))).toMatchObject({
      status: "NOT_APPLICABLE",
      budgeted: "0.00",
    });
    expect(rows[0].unitId).toBe(idOf(CITY));
  });

  it("R8: the city-wide table is a fixed number of statements whatever the number of banners and lines", async () => {
    const count = async () => {
      h.queries.queries = [];
      const res = await h.call(EXECUTION, { year: 2026 }, cityAdmin);
      expect(res.errors).toBeUndefined();
      return h.queries.queries.length;
    };
    const before = await count();
    for (const code of ["150623000000", "150624000000", "150625000000"]) await newLine(code);
    await newLine(DALATE, dalateOfficer, { kind: "MONTHLY" });
    expect(await count()).toBe(before);
    expect(before).toBeLessThanOrEqual(4);
  });

  it("R8: OrgUnit.budgetExecution is batched (one execution for all units of a request) and null outside the area", async () => {
    const reps = (codes: string[]) => codes.map((c) => ({ __typename: "OrgUnit", id: idOf(c) }));
    const count = async (codes: string[]) => {
      h.queries.queries = [];
      const res = await h.call(UNIT_EXECUTION, { reps: reps(codes), year: 2026 }, cityAdmin);
      expect(res.errors).toBeUndefined();
      return { n: h.queries.queries.length, entities: res.data!._entities };
    };
    const one = await count([DALATE]);
    const many = await count([DALATE, ZHUNGEER, DONGSHENG, "150623000000", "150624000000"]);
    expect(many.n).toBe(one.n);
    expect(one.entities[0].budgetExecution.status).toBe("NOT_MET"); // the monthly line added above
    const outside = await h.call(UNIT_EXECUTION, { reps: reps([DALATE, ZHUNGEER]), year: 2026 }, dalateAdmin);
    expect(
      outside.data!._entities.map((e: { budgetExecution: unknown }) => e.budgetExecution === null),
    ).toEqual([false, true]);
    // a clerk's role reads no finance figures
    const clerk = await h.call(
      UNIT_EXECUTION,
      { reps: reps([DALATE]), year: 2026 },
      as("UNIT_CLERK", DALATE),
    );
    expect(clerk.data!._entities[0].budgetExecution).toBeNull();
  });

  it("R8: budgetLines pages by keyset, nested lists batched", async () => {
    const page = async (after?: string) => {
      h.queries.queries = [];
      const res = await h.call(LINES, { year: 2026, first: 2, after }, cityAdmin);
      expect(res.errors).toBeUndefined();
      return { conn: res.data!.budgetLines, n: h.queries.queries.length };
    };
    const first = await page();
    expect(first.conn.edges).toHaveLength(2);
    expect(first.conn.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.conn.pageInfo.endCursor);
    expect(second.conn.edges[0].node.id > first.conn.edges[1].node.id).toBe(true);
    expect(second.n).toBe(first.n);
    // a banner sees its own lines only
    const banner = await h.call(LINES, { year: 2026, first: 50 }, dalateOfficer);
    expect(banner.data!.budgetLines.totalCount).toBe(2);
    await h.expectRefused("FORBIDDEN", () => h.call(LINES, { year: 2026 }, as("UNIT_CLERK", DALATE)));
  });

  it("R8: the status event goes out per banner and year when it flips, also when only time passes (the periodic check)", async () => {
    const code = "150626000000";
    const who = as("FINANCE_OFFICER", code);
    const line = await newLine(code, who, { kind: "ONCE", dueDate: "2026-07-15" }, "50000.00");
    expect((await statusEvents(code)).map((e) => [e.status, e.period])).toEqual([["MET", "2026"]]);

    // nothing changed: the check publishes nothing for it
    await checkR8Statuses(h.services);
    expect(await statusEvents(code)).toHaveLength(1);

    // the due date passes unpaid
    testClock.set("2026-07-16");
    await checkR8Statuses(h.services);
    const events = await statusEvents(code);
    expect(events.map((e) => e.status)).toEqual(["MET", "NOT_MET"]);
    expect(events[1]).toMatchObject({
      republished: false,
      figures: expect.objectContaining({ dueToDate: "50000.00", paid: "0.00" }),
    });

    // paid late: still NOT_MET, the figures follow
    await pay(line, 1, "50000.00", "2026-07-16", who);
    const after = await statusEvents(code);
    expect(after.map((e) => e.status)).toEqual(["MET", "NOT_MET", "NOT_MET"]);
    expect(after[2].figures).toMatchObject({ paid: "50000.00", paidOnTime: "0.00" });
  });

  it("R8: republishFinanceRuleStatuses (CITY_ADMIN) sends every subject's current status again with republished: true", async () => {
    await h.expectRefused("FORBIDDEN", () => h.call(REPUBLISH, {}, cityOfficer));
    const res = await h.call(REPUBLISH, {}, cityAdmin);
    expect(res.errors).toBeUndefined();
    const republished = await h.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE type = $1 AND (data->>'republished')::boolean`,
      [RULE_STATUS],
    );
    expect(republished[0].n).toBe(res.data!.republishFinanceRuleStatuses);
    expect(res.data!.republishFinanceRuleStatuses).toBeGreaterThanOrEqual(6);
    const dalate = await statusEvents(DALATE);
    // its monthly line (added above) has January to May unpaid
    expect(dalate[dalate.length - 1]).toMatchObject({ republished: true, status: "NOT_MET" });
  });

  it("R8: an INSPECTOR reads everything in scope and changes nothing", async () => {
    const inspector = as("INSPECTOR", CITY);
    const res = await h.call(EXECUTION, { year: 2026 }, inspector);
    expect(res.errors).toBeUndefined();
    expect(res.data!.budgetExecution.length).toBeGreaterThan(1);
    const lines = await h.call(LINES, { year: 2026, first: 50 }, inspector);
    expect(lines.data!.budgetLines.totalCount).toBeGreaterThan(0);
    expect(
      await h.expectRefused("FORBIDDEN", () =>
        h.call(
          DISBURSE,
          {
            input: {
              lineId: lines.data!.budgetLines.edges[0].node.id,
              instalmentSeq: 1,
              amount: "1.00",
              paidOn: "2026-05-01",
              voucherNumber: "记-x",
              payer: "x",
            },
          },
          inspector,
        ),
      ),
    ).toBe("Only FINANCE_OFFICER may record disbursements; you are INSPECTOR.");
  });
});
