import {
  cityOfficer,
  dalateAdmin,
  dalateOfficer,
  DALATE,
  CITY,
  idOf,
  startHarness,
  testClock,
  zhungeerOfficer,
  ZHUNGEER,
  type Harness,
  outboxTypes,
} from "./support/harness";
import { CLOSE_YEAR, CREATE_LINE, DISBURSE, LINE, REVERSE, REVISE_LINE } from "./support/operations";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
});
afterAll(() => h.stop());

async function newLine(year = 2026, owner = DALATE, who = dalateOfficer): Promise<string> {
  const res = await h.call(
    CREATE_LINE,
    {
      input: {
        fiscalYear: year,
        ownerUnitId: idOf(owner),
        purpose: "WORK_FUNDS",
        classificationCode: "2010505",
        documentTitle: "经费通知",
        documentNumber: `财〔${year}〕1号`,
        amount: "1005.07",
        schedule: { kind: "HALF_YEARLY" },
      },
    },
    who,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createBudgetLine.id;
}

const pay = (lineId: string, amount: string, extra: Record<string, unknown> = {}, who = dalateOfficer) =>
  h.call(
    DISBURSE,
    {
      input: {
        lineId,
        instalmentSeq: 1,
        amount,
        paidOn: "2026-05-01",
        voucherNumber: "记-001",
        payer: "达拉特旗财政局",
        ...extra,
      },
    },
    who,
  );

const reverse = (lineId: string, disbursementId: string) =>
  h.call(
    REVERSE,
    {
      input: {
        lineId,
        disbursementId,
        reversedOn: "2026-05-02",
        voucherNumber: "红-001",
        reason: "重复拨付",
      },
    },
    dalateOfficer,
  );

describe("R8: disbursements", () => {
  it("R8: partial payments against an instalment, each voucher with its amount in capital numerals", async () => {
    const lineId = await newLine();
    const first = await pay(lineId, "300.00");
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordDisbursement).toMatchObject({
      kind: "PAYMENT",
      amount: "300.00",
      amountInCapitals: "人民币叁佰元整",
    });
    const second = await pay(lineId, "202.54", { instalmentSeq: 1 });
    expect(second.data!.recordDisbursement.amountInCapitals).toBe("人民币贰佰零贰元伍角肆分");
    const line = (await h.call(LINE, { id: lineId }, dalateOfficer)).data!.budgetLine;
    expect(line.instalments[0]).toMatchObject({
      amount: "502.54",
      paid: "502.54",
      status: "PAID_ON_TIME",
      short: "0.00",
    });
    expect(line.instalments[1]).toMatchObject({ amount: "502.53", paid: "0.00", status: "NOT_YET_DUE" });
    expect(await outboxTypes(h.dataSource)).toContain("grassroots.finance.disbursement.recorded.v1");
  });

  it("R8: a disbursement over the line is refused, saying what is left", async () => {
    const lineId = await newLine();
    expect((await pay(lineId, "1000.00")).errors).toBeUndefined();
    const message = await h.expectRefused("BAD_USER_INPUT", () => pay(lineId, "5.08", { instalmentSeq: 2 }));
    expect(message).toContain("5.08 would take");
    expect(message).toContain("pay at most 5.07, or attach an over-budget approval");
  });

  it("R8: an explicit over-budget approval is recorded with the payment that goes past the line", async () => {
    const lineId = await newLine();
    const res = await pay(lineId, "2000.00", {
      overBudgetApproval: { documentNumber: "达政批〔2026〕8号", reason: "普查追加" },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordDisbursement.overBudgetDocument).toBe("达政批〔2026〕8号");
    const [row] = await h.rows(`SELECT over_budget_reason FROM disbursement WHERE id = $1`, [
      res.data!.recordDisbursement.id,
    ]);
    expect(row.over_budget_reason).toBe("普查追加");
  });

  it("R8: amounts in a bad form, a future date and a missing instalment are refused, nothing written", async () => {
    const lineId = await newLine();
    for (const amount of ["12.345", "-5.00", "1e3", "１００.００", "99999999999999999999.00"])
      await h.expectRefused("BAD_USER_INPUT", () => pay(lineId, amount));
    expect(await h.expectRefused("BAD_USER_INPUT", () => pay(lineId, "1.00", { paidOn: "2026-07-01" }))).toBe(
      "paidOn 2026-07-01 is in the future; use a date on or before 2026-06-30.",
    );
    expect(
      await h.expectRefused("BAD_USER_INPUT", () => pay(lineId, "1.00", { instalmentSeq: 3 })),
    ).toContain("there is no instalment 3");
  });

  it("R8: only the line's own finance officer pays from it (role, then area, then level)", async () => {
    const lineId = await newLine();
    await h.expectRefused("FORBIDDEN", () => pay(lineId, "1.00", {}, dalateAdmin));
    expect(await h.expectRefused("NOT_FOUND", () => pay(lineId, "1.00", {}, zhungeerOfficer))).toBe(
      `Budget line ${lineId} does not exist in your area.`,
    );
    await h.expectRefused("FORBIDDEN", () => pay(lineId, "1.00", {}, cityOfficer));
  });

  it("R8: a mistake is reversed by a reversal referencing it; the payment stays, and no longer counts", async () => {
    const lineId = await newLine();
    const paid = (await pay(lineId, "502.54")).data!.recordDisbursement;
    const reverse = (disbursementId: string, line = lineId) =>
      h.call(
        REVERSE,
        {
          input: {
            lineId: line,
            disbursementId,
            reversedOn: "2026-05-02",
            voucherNumber: "红-001",
            reason: "重复拨付",
          },
        },
        dalateOfficer,
      );
    const reversal = await reverse(paid.id);
    expect(reversal.errors).toBeUndefined();
    expect(reversal.data!.reverseDisbursement).toMatchObject({
      kind: "REVERSAL",
      amount: "502.54",
      reversesId: paid.id,
    });
    const line = (await h.call(LINE, { id: lineId }, dalateOfficer)).data!.budgetLine;
    expect(line.disbursements.map((d: { kind: string }) => d.kind)).toEqual(["PAYMENT", "REVERSAL"]);
    expect(line.instalments[0].paid).toBe("0.00");
    expect(await outboxTypes(h.dataSource)).toContain("grassroots.finance.disbursement.reversed.v1");
  });

  it("R8: a reversal of a reversal is refused, nothing written", async () => {
    const lineId = await newLine();
    const paid = (await pay(lineId, "10.00")).data!.recordDisbursement;
    const reversal = (await reverse(lineId, paid.id)).data!.reverseDisbursement;
    expect(await h.expectRefused("BAD_USER_INPUT", () => reverse(lineId, reversal.id))).toContain(
      "is itself a reversal; a reversal cannot be reversed",
    );
    expect(await h.expectRefused("BAD_USER_INPUT", () => reverse(lineId, paid.id))).toContain(
      "was already reversed",
    );
  });

  it("R8: a reversal of another line's payment is refused, nothing written", async () => {
    const lineId = await newLine();
    const other = await newLine();
    const paid = (await pay(lineId, "10.00")).data!.recordDisbursement;
    expect(await h.expectRefused("BAD_USER_INPUT", () => reverse(other, paid.id))).toContain(
      "was paid from another line",
    );
  });

  it("R8: a closed fiscal year takes no new line, disbursement, reversal or revision", async () => {
    const lineId = await newLine(2025);
    const paid = (await pay(lineId, "100.00", { paidOn: "2025-05-01" })).data!.recordDisbursement;
    const close = await h.call(
      CLOSE_YEAR,
      { input: { ownerUnitId: idOf(DALATE), fiscalYear: 2025 } },
      dalateOfficer,
    );
    expect(close.errors).toBeUndefined();
    const closed = "Fiscal year 2025 of 达拉特旗 (150621000000) is closed";
    expect(
      await h.expectRefused("BAD_USER_INPUT", () => pay(lineId, "1.00", { paidOn: "2025-12-01" })),
    ).toContain(closed);
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(
          REVERSE,
          {
            input: {
              lineId,
              disbursementId: paid.id,
              reversedOn: "2026-01-05",
              voucherNumber: "红",
              reason: "错",
            },
          },
          dalateOfficer,
        ),
      ),
    ).toContain(closed);
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(
          REVISE_LINE,
          {
            input: {
              lineId,
              expectedVersion: 1,
              reason: "r",
              classificationCode: "c",
              documentTitle: "t",
              documentNumber: "n",
              amount: "2000.00",
              schedule: { kind: "ONCE", dueDate: "2025-12-01" },
            },
          },
          dalateOfficer,
        ),
      ),
    ).toContain(closed);
    await expect(newLine(2025)).rejects.toThrow();
    // the year that is still running cannot be closed, nor a year twice
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        h.call(CLOSE_YEAR, { input: { ownerUnitId: idOf(DALATE), fiscalYear: 2026 } }, dalateOfficer),
      ),
    ).toBe("Fiscal year 2026 is not over yet; close it after 2026-12-31.");
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(CLOSE_YEAR, { input: { ownerUnitId: idOf(DALATE), fiscalYear: 2025 } }, dalateOfficer),
    );
    // the banner's closed year is not the city's
    expect(testClock.today()).toBe("2026-06-30");
    await newLine(2025, CITY, cityOfficer);
    void ZHUNGEER;
  });

  it("R8: a retried payment with the same requestId writes nothing and returns the first", async () => {
    const lineId = await newLine();
    const first = await pay(lineId, "10.00", { requestId: "payment-0001" });
    expect(first.errors).toBeUndefined();
    const before = await h.fingerprint();
    const again = await pay(lineId, "10.00", { requestId: "payment-0001" });
    expect(again.errors).toBeUndefined();
    expect(again.data!.recordDisbursement.id).toBe(first.data!.recordDisbursement.id);
    expect(await h.fingerprint()).toBe(before);
    await h.expectRefused("CONFLICT", () => pay(lineId, "11.00", { requestId: "payment-0001" }));
  });
});
