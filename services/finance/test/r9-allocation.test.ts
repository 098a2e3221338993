import { isAppError } from "@grassroots/kit/errors";
import {
  allocate,
  validateRule,
  type AllocationRule,
  type TierGrade,
} from "../src/rules/r9-award-allocation";

const ANNUAL = 10_000_000_00n;
const b = (code: string, score: number) => ({ unitId: `id-${code}`, unitCode: code, score: BigInt(score) });
const g = (
  name: string,
  minScore: number,
  amountYuan: number | null,
  extra: Partial<TierGrade> = {},
): TierGrade => ({
  name,
  minScore: BigInt(minScore),
  amountFen: amountYuan === null ? null : BigInt(amountYuan) * 100n,
  share: null,
  maxCount: null,
  maxPercent: null,
  ...extra,
});
const refusal = (rule: AllocationRule, n = 9) => {
  try {
    validateRule(rule, ANNUAL, n);
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
  return undefined;
};

describe("R9: allocation rules by example", () => {
  it("R9: SCORE_PROPORTIONAL: share = score / sum of scores; the last fen by largest remainder, ties to the higher score then the lower code", () => {
    const r = allocate({ kind: "SCORE_PROPORTIONAL", minimumScore: null }, 100n, [
      b("B", 1),
      b("A", 1),
      b("C", 1),
    ]);
    expect(r.allocations.map((a) => [a.unitCode, a.amountFen])).toEqual([
      ["A", 34n],
      ["B", 33n],
      ["C", 33n],
    ]);
    expect(r.remainderFen).toBe(0n);
  });

  it("R9: SCORE_PROPORTIONAL with a minimum score: a banner below it gets nothing", () => {
    const r = allocate({ kind: "SCORE_PROPORTIONAL", minimumScore: 6000n }, ANNUAL, [
      b("A", 9000),
      b("B", 5999),
      b("C", 6000),
    ]);
    expect(r.allocations.map((a) => a.amountFen)).toEqual([6_000_000_00n, 4_000_000_00n, 0n]);
  });

  it("R9: BASE_PLUS_PERFORMANCE: a stated share split equally, the rest by score", () => {
    const r = allocate({ kind: "BASE_PLUS_PERFORMANCE", baseShare: 3000n, minimumScore: null }, ANNUAL, [
      b("A", 8000),
      b("B", 2000),
    ]);
    expect(r.allocations.map((a) => a.amountFen)).toEqual([
      1_500_000_00n + 5_600_000_00n,
      1_500_000_00n + 1_400_000_00n,
    ]);
  });

  it("R9: TIERS by score bands with a quota: the overflow, lowest score first, drops a grade; the remainder kept or shared", () => {
    const grades = [
      g("优秀", 9000, 2_000_000, { maxCount: 1 }),
      g("良好", 8000, 1_000_000),
      g("合格", 0, 500_000),
    ];
    const banners = [b("A", 9500), b("B", 9200), b("C", 8100), b("D", 7000)];
    const kept = allocate({ kind: "TIERS", grades, remainder: "KEEP" }, ANNUAL, banners);
    expect(kept.allocations.map((a) => [a.unitCode, a.grade, a.amountFen])).toEqual([
      ["A", "优秀", 2_000_000_00n],
      ["B", "良好", 1_000_000_00n],
      ["C", "良好", 1_000_000_00n],
      ["D", "合格", 500_000_00n],
    ]);
    expect(kept.remainderFen).toBe(5_500_000_00n);
    const shared = allocate({ kind: "TIERS", grades, remainder: "SHARE_BY_SCORE" }, ANNUAL, banners);
    expect(shared.remainderFen).toBe(0n);
    expect(shared.allocations.reduce((s, a) => s + a.amountFen, 0n)).toBe(ANNUAL);
  });

  it("R9: a rule that cannot be satisfied is refused when stored", () => {
    expect(refusal({ kind: "BASE_PLUS_PERFORMANCE", baseShare: 10001n, minimumScore: null })).toBe(
      "rule.baseShare cannot be over 100.00 %.",
    );
    expect(
      refusal({
        kind: "TIERS",
        remainder: "KEEP",
        grades: [g("优秀", 9000, null, { share: 2000n }), g("合格", 0, 0)],
      }),
    ).toBe(
      "The grades could pay out 18000000.00 to 9 banners, more than the annual amount 10000000.00; lower the amounts or shares, or cap the grades.",
    );
    expect(
      refusal({ kind: "TIERS", remainder: "KEEP", grades: [g("优秀", 9000, 3_000_000), g("合格", 0, 0)] }),
    ).toContain("could pay out 27000000.00");
    // capped at 3 banners it fits: 3 × 3,000,000 = 9,000,000
    expect(
      refusal({
        kind: "TIERS",
        remainder: "KEEP",
        grades: [g("优秀", 9000, 3_000_000, { maxCount: 3 }), g("合格", 0, 0)],
      }),
    ).toBeUndefined();
    expect(
      refusal({
        kind: "TIERS",
        remainder: "KEEP",
        grades: [g("优秀", 9000, 100, { maxPercent: 30 }), g("合格", 0, 0, { maxCount: 5 })],
      }),
    ).toContain("The quotas contradict");
    expect(
      refusal({ kind: "TIERS", remainder: "KEEP", grades: [g("优秀", 9000, 100), g("良好", 6000, 50)] }),
    ).toContain("must start at 0.00");
    expect(
      refusal({
        kind: "TIERS",
        remainder: "KEEP",
        grades: [g("优秀", 0, 100, { share: 10n }), g("合格", 1, 0)],
      }),
    ).toContain("either an amount or a share");
  });
});
