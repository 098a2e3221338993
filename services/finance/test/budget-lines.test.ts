import {
  CITY,
  cityOfficer,
  dalateAdmin,
  dalateOfficer,
  DALATE,
  idOf,
  startHarness,
  ZHUNGEER,
  zhungeerOfficer,
  type Harness,
  outboxTypes,
  as,
  SHULINZHAO,
} from "./support/harness";
import { CREATE_LINE, LINE, REVISE_LINE, DISBURSE } from "./support/operations";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
});
afterAll(() => h.stop());

const line = (overrides: Record<string, unknown> = {}) => ({
  fiscalYear: 2026,
  ownerUnitId: idOf(DALATE),
  purpose: "WORK_FUNDS",
  classificationCode: "2010505",
  documentTitle: "关于下达2026年基层统计工作经费的通知",
  documentNumber: "达财行〔2026〕12号",
  amount: "120000.00",
  schedule: { kind: "QUARTERLY" },
  ...overrides,
});
const create = (input: Record<string, unknown>, who = dalateOfficer) => h.call(CREATE_LINE, { input }, who);

describe("R8: budget lines", () => {
  it("R8: a banner finance officer sets a work-funds line; a quarterly schedule adds up exactly to it", async () => {
    const res = await create(line({ amount: "100000.01" }));
    expect(res.errors).toBeUndefined();
    const created = res.data!.createBudgetLine;
    expect(created).toMatchObject({
      level: "BANNER",
      amount: "100000.01",
      amountInCapitals: "人民币壹拾万元零壹分",
      revision: 1,
      version: 1,
    });
    expect(
      created.instalments.map((i: { dueDate: string; amount: string }) => [i.dueDate, i.amount]),
    ).toEqual([
      ["2026-03-31", "25000.01"],
      ["2026-06-30", "25000.00"],
      ["2026-09-30", "25000.00"],
      ["2026-12-31", "25000.00"],
    ]);
    expect(await outboxTypes(h.dataSource)).toContain("grassroots.finance.budget-line.created.v1");
  });

  it("R8: MONTHLY, HALF_YEARLY, ONCE and CUSTOM schedules", async () => {
    const monthly = (await create(line({ schedule: { kind: "MONTHLY" } }))).data!.createBudgetLine;
    expect(monthly.instalments).toHaveLength(12);
    expect(monthly.instalments[1].dueDate).toBe("2026-02-28");
    const half = (await create(line({ schedule: { kind: "HALF_YEARLY" } }))).data!.createBudgetLine;
    expect(half.instalments.map((i: { amount: string }) => i.amount)).toEqual(["60000.00", "60000.00"]);
    const once = (await create(line({ schedule: { kind: "ONCE", dueDate: "2026-05-15" } }))).data!
      .createBudgetLine;
    expect(once.instalments).toEqual([
      expect.objectContaining({ seq: 1, dueDate: "2026-05-15", amount: "120000.00" }),
    ]);
    const custom = (
      await create(
        line({
          schedule: {
            kind: "CUSTOM",
            instalments: [
              { dueDate: "2026-03-01", amount: "100000.00" },
              { dueDate: "2026-10-01", amount: "20000.00" },
            ],
          },
        }),
      )
    ).data!.createBudgetLine;
    expect(custom.instalments.map((i: { amount: string }) => i.amount)).toEqual(["100000.00", "20000.00"]);
  });

  it("R8: instalments that do not add up are refused, saying by how much", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      create(
        line({
          schedule: {
            kind: "CUSTOM",
            instalments: [
              { dueDate: "2026-03-01", amount: "100000.00" },
              { dueDate: "2026-10-01", amount: "19999.99" },
            ],
          },
        }),
      ),
    );
    expect(message).toBe(
      "The instalments add up to 119999.99 but the line is 120000.00; they must add up exactly (add 0.01).",
    );
  });

  it.each([
    ["12.345", "amount must be an amount in yuan"],
    ["-5.00", "amount cannot be negative"],
    ["1e3", "amount must be an amount in yuan"],
    ["１００.００", "amount must be an amount in yuan"],
    ["92233720368547758.08", "over the largest amount accepted"],
  ])('R8: the amount "%s" is refused, nothing written', async (amount, words) => {
    const message = await h.expectRefused("BAD_USER_INPUT", () => create(line({ amount })));
    expect(message).toContain(words);
  });

  it("R8: a CUSTOM instalment amount with three decimals is refused naming the instalment", async () => {
    const res = await h.expectRefused("BAD_USER_INPUT", () =>
      create(
        line({
          schedule: { kind: "CUSTOM", instalments: [{ dueDate: "2026-03-01", amount: "120000.005" }] },
        }),
      ),
    );
    expect(res).toContain("schedule.instalments[0].amount");
  });

  it("R8: only a finance officer records lines, at their own level", async () => {
    expect(await h.expectRefused("FORBIDDEN", () => create(line(), dalateAdmin))).toBe(
      "Only FINANCE_OFFICER may record budget lines; you are BANNER_ADMIN.",
    );
    // another banner's government: as if it did not exist
    expect(await h.expectRefused("NOT_FOUND", () => create(line(), zhungeerOfficer))).toBe(
      `Org unit ${idOf(DALATE)} does not exist in your area.`,
    );
    // the city officer sees the banner but records the city's lines only
    expect(await h.expectRefused("FORBIDDEN", () => create(line(), cityOfficer))).toContain(
      "Only the bureau of 达拉特旗 (150621000000) may record budget lines",
    );
    // a township is no government with a budget here
    const township = as("FINANCE_OFFICER", SHULINZHAO);
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        create(line({ ownerUnitId: idOf(SHULINZHAO) }), township),
      ),
    ).toContain("belongs to the city's or a banner's government");
  });

  it("R8: the city officer records the city's lines (level CITY), for a banner as beneficiary", async () => {
    const res = await create(
      line({
        ownerUnitId: idOf(CITY),
        beneficiaryUnitId: idOf(ZHUNGEER),
        purpose: "OTHER",
        purposeName: "普查经费",
      }),
      cityOfficer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createBudgetLine).toMatchObject({
      level: "CITY",
      beneficiaryUnitId: idOf(ZHUNGEER),
      purposeName: "普查经费",
    });
    // the beneficiary banner reads it
    const read = await h.call(LINE, { id: res.data!.createBudgetLine.id }, zhungeerOfficer);
    expect(read.data!.budgetLine.id).toBe(res.data!.createBudgetLine.id);
    // another banner does not
    const other = await h.call(LINE, { id: res.data!.createBudgetLine.id }, dalateOfficer);
    expect(other.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("R8: a revision is a new version linked to the one it revises, with a reason; the first stays", async () => {
    const created = (await create(line())).data!.createBudgetLine;
    const res = await h.call(
      REVISE_LINE,
      {
        input: {
          lineId: created.id,
          expectedVersion: 1,
          reason: "追加预算",
          classificationCode: "2010505",
          documentTitle: "追加通知",
          documentNumber: "达财行〔2026〕30号",
          amount: "160000.00",
          schedule: { kind: "HALF_YEARLY" },
        },
      },
      dalateOfficer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reviseBudgetLine).toMatchObject({
      revision: 2,
      version: 2,
      amount: "160000.00",
      revisionReason: "追加预算",
    });
    const read = (await h.call(LINE, { id: created.id }, dalateOfficer)).data!.budgetLine;
    expect(read.revisions).toEqual([
      { revision: 1, revisesRevision: null, amount: "120000.00", reason: null },
      { revision: 2, revisesRevision: 1, amount: "160000.00", reason: "追加预算" },
    ]);
    expect(await outboxTypes(h.dataSource)).toContain("grassroots.finance.budget-line.revised.v1");
  });

  it("R8: a revision on a stale version is a CONFLICT, nothing written", async () => {
    const created = (await create(line())).data!.createBudgetLine;
    const revise = (expectedVersion: number) =>
      h.call(
        REVISE_LINE,
        {
          input: {
            lineId: created.id,
            expectedVersion,
            reason: "调整",
            classificationCode: "2010505",
            documentTitle: "t",
            documentNumber: "n",
            amount: "130000.00",
            schedule: { kind: "QUARTERLY" },
          },
        },
        dalateOfficer,
      );
    expect((await revise(1)).errors).toBeUndefined();
    expect(await h.expectRefused("CONFLICT", () => revise(1))).toContain("version 2, you edited version 1");
  });

  it("R8: a revision may not cut an instalment below what was paid on it", async () => {
    const created = (await create(line({ schedule: { kind: "ONCE", dueDate: "2026-03-31" } }))).data!
      .createBudgetLine;
    const paid = await h.call(
      DISBURSE,
      {
        input: {
          lineId: created.id,
          instalmentSeq: 1,
          amount: "100000.00",
          paidOn: "2026-03-20",
          voucherNumber: "V1",
          payer: "达拉特旗财政局",
        },
      },
      dalateOfficer,
    );
    expect(paid.errors).toBeUndefined();
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        REVISE_LINE,
        {
          input: {
            lineId: created.id,
            expectedVersion: 1,
            reason: "压减",
            classificationCode: "2010505",
            documentTitle: "t",
            documentNumber: "n",
            amount: "90000.00",
            schedule: { kind: "ONCE", dueDate: "2026-03-31" },
          },
        },
        dalateOfficer,
      ),
    );
    expect(message).toContain("100000.00 was already paid on instalment 1");
  });
});
