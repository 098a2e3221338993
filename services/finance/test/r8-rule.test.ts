import { asOfFor } from "../src/domain/budget-execution";
import { evaluateR8, instalmentStatus, type R8Line } from "../src/rules/r8-funds-on-time-in-full";

const inst = { lineId: "L", seq: 1, dueDate: "2026-03-31", amountFen: 10000n };
const pay = (amountFen: bigint, paidOn: string) => ({ lineId: "L", seq: 1, amountFen, paidOn });

describe("R8 rule: an instalment as of a date", () => {
  it("R8: paid in full by the due date is PAID_ON_TIME (also before it falls due)", () => {
    expect(
      instalmentStatus(inst, [pay(4000n, "2026-02-01"), pay(6000n, "2026-03-31")], "2026-06-30").status,
    ).toBe("PAID_ON_TIME");
    expect(instalmentStatus(inst, [pay(10000n, "2026-01-10")], "2026-02-01").status).toBe("PAID_ON_TIME");
  });

  it("R8: paid in full after the due date is PAID_LATE, with the days from the due date to full payment", () => {
    const r = instalmentStatus(inst, [pay(4000n, "2026-03-01"), pay(6000n, "2026-04-10")], "2026-06-30");
    expect(r).toMatchObject({ status: "PAID_LATE", daysLate: 10, settledOn: "2026-04-10", shortFen: 0n });
  });

  it("R8: past due and partly paid is SHORT by the rest; nothing paid is OUTSTANDING_OVERDUE", () => {
    expect(instalmentStatus(inst, [pay(2500n, "2026-03-01")], "2026-06-30")).toMatchObject({
      status: "SHORT",
      shortFen: 7500n,
    });
    expect(instalmentStatus(inst, [], "2026-04-01")).toMatchObject({
      status: "OUTSTANDING_OVERDUE",
      shortFen: 10000n,
    });
  });

  it("R8: not yet due and not paid in full is NOT_YET_DUE (the due day itself included)", () => {
    expect(instalmentStatus(inst, [pay(1n, "2026-03-01")], "2026-03-31").status).toBe("NOT_YET_DUE");
  });

  it("R8: payments after the as-of date do not count", () => {
    expect(instalmentStatus(inst, [pay(10000n, "2026-05-01")], "2026-04-01").status).toBe(
      "OUTSTANDING_OVERDUE",
    );
  });
});

describe("R8 rule: a subject's year", () => {
  const line = (id: string, instalments: [string, bigint][]): R8Line => ({
    lineId: id,
    purpose: "WORK_FUNDS",
    amountFen: instalments.reduce((a, [, f]) => a + f, 0n),
    instalments: instalments.map(([dueDate, amountFen], i) => ({
      lineId: id,
      seq: i + 1,
      dueDate,
      amountFen,
    })),
  });

  it("R8: MET when every instalment due was paid on time and in full; the figures in fen", () => {
    const r = evaluateR8(
      [
        line("A", [
          ["2026-03-31", 30000n],
          ["2026-09-30", 30000n],
        ]),
      ],
      [{ lineId: "A", seq: 1, amountFen: 30000n, paidOn: "2026-03-30" }],
      "2026-06-30",
    );
    expect(r).toMatchObject({
      status: "MET",
      budgetedFen: 60000n,
      dueToDateFen: 30000n,
      paidFen: 30000n,
      paidOnTimeFen: 30000n,
      executionRate: "50.00",
      onTimeRate: "100.00",
      items: [],
    });
  });

  it("R8: NOT_MET with the late, short and overdue items and their reasons", () => {
    const r = evaluateR8(
      [
        line("A", [
          ["2026-01-31", 10000n],
          ["2026-02-28", 10000n],
          ["2026-03-31", 10000n],
        ]),
      ],
      [
        { lineId: "A", seq: 1, amountFen: 10000n, paidOn: "2026-02-05" },
        { lineId: "A", seq: 2, amountFen: 4000n, paidOn: "2026-02-20" },
      ],
      "2026-06-30",
    );
    expect(r.status).toBe("NOT_MET");
    expect(r.items.map((i) => [i.seq, i.status])).toEqual([
      [1, "PAID_LATE"],
      [2, "SHORT"],
      [3, "OUTSTANDING_OVERDUE"],
    ]);
    expect(r.reason).toBe(
      "WORK_FUNDS: instalment 1 of 100.00 due 2026-01-31 was paid in full 5 day(s) late, on 2026-02-05; " +
        "WORK_FUNDS: instalment 2 of 100.00 due 2026-02-28 is short by 60.00 (paid 40.00); " +
        "WORK_FUNDS: instalment 3 of 100.00 due 2026-03-31 is overdue and unpaid",
    );
    expect(r.paidOnTimeFen).toBe(4000n);
    expect(r.onTimeRate).toBe("13.33");
  });

  it("R8: no line that year is NOT_APPLICABLE", () => {
    expect(evaluateR8([], [], "2026-06-30").status).toBe("NOT_APPLICABLE");
  });
});

describe("R8 rule: a finished year", () => {
  const q4 = { lineId: "L", seq: 4, dueDate: "2025-12-31", amountFen: 30000n };
  const line: R8Line = { lineId: "L", purpose: "WORK_FUNDS", amountFen: 30000n, instalments: [q4] };

  it("R8: an instalment due on 31 December and never paid is overdue once the year is over, and the year NOT_MET", () => {
    const asOf = asOfFor(2025, "2026-01-05");
    expect(instalmentStatus(q4, [], asOf).status).toBe("OUTSTANDING_OVERDUE");
    expect(evaluateR8([line], [], asOf)).toMatchObject({
      status: "NOT_MET",
      dueToDateFen: 30000n,
      paidFen: 0n,
    });
  });

  it("R8: a payment in January for last year's 31 December instalment counts, as paid late", () => {
    const paid = [{ lineId: "L", seq: 4, amountFen: 30000n, paidOn: "2026-01-04" }];
    expect(instalmentStatus(q4, paid, asOfFor(2025, "2026-01-05"))).toMatchObject({
      status: "PAID_LATE",
      daysLate: 4,
    });
  });
});
