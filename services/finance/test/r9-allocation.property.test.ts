import fc from "fast-check";
import { isAppError } from "@grassroots/kit/errors";
import {
  allocate,
  validateRule,
  type AllocationRule,
  type ScoredBanner,
  type TierGrade,
} from "../src/rules/r9-award-allocation";

const ANNUAL = 10_000_000_00n; // 10,000,000.00 yuan in fen

const banners = fc
  .uniqueArray(fc.integer({ min: 100, max: 999 }), { minLength: 1, maxLength: 20 })
  .chain((codes) =>
    fc.tuple(...codes.map(() => fc.integer({ min: 0, max: 10000 }))).map((scores) =>
      codes.map((c, i): ScoredBanner => ({
        unitId: `u${c}`,
        unitCode: `150${c}000000`,
        score: BigInt(scores[i]),
      })),
    ),
  );

const grade = fc.record({
  name: fc.constantFrom("优秀", "良好", "合格", "较好", "一般"),
  minScore: fc.integer({ min: 1, max: 10000 }).map(BigInt),
  amountFen: fc.option(fc.bigInt({ min: 0n, max: 2_000_000_00n }), { nil: null }),
  share: fc.option(fc.integer({ min: 0, max: 3000 }).map(BigInt), { nil: null }),
  maxCount: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  maxPercent: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
});

const rule: fc.Arbitrary<AllocationRule> = fc.oneof(
  fc.record({
    kind: fc.constant("SCORE_PROPORTIONAL" as const),
    minimumScore: fc.option(fc.integer({ min: 0, max: 10000 }).map(BigInt), { nil: null }),
  }),
  fc.record({
    kind: fc.constant("BASE_PLUS_PERFORMANCE" as const),
    baseShare: fc.integer({ min: 0, max: 10000 }).map(BigInt),
    minimumScore: fc.option(fc.integer({ min: 0, max: 10000 }).map(BigInt), { nil: null }),
  }),
  fc
    .record({
      grades: fc.uniqueArray(grade, { minLength: 0, maxLength: 4, selector: (g) => g.name }),
      lowestAmount: fc.bigInt({ min: 0n, max: 100_000_00n }),
      remainder: fc.constantFrom("KEEP" as const, "SHARE_BY_SCORE" as const),
    })
    .map(({ grades, lowestAmount, remainder }) => ({
      kind: "TIERS" as const,
      remainder,
      grades: [
        ...grades.map((g): TierGrade =>
          g.amountFen !== null && g.share !== null ? { ...g, share: null } : g,
        ),
        {
          name: "不合格",
          minScore: 0n,
          amountFen: lowestAmount,
          share: null,
          maxCount: null,
          maxPercent: null,
        },
      ],
    })),
);

const isValid = (r: AllocationRule, n: number) => {
  try {
    validateRule(r, ANNUAL, n);
    return true;
  } catch (error) {
    if (isAppError(error)) return false;
    throw error;
  }
};

let tiersChecked = 0;

describe("R9: allocation properties (fast-check)", () => {
  it("R9: for any scores and any valid rule, amounts are whole non-negative fen and banners + remainder = the annual amount", () => {
    fc.assert(
      fc.property(banners, rule, (bs, r) => {
        fc.pre(isValid(r, bs.length));
        if (r.kind === "TIERS") tiersChecked++;
        const { allocations, remainderFen } = allocate(r, ANNUAL, bs);
        expect(allocations).toHaveLength(bs.length);
        for (const a of allocations) {
          expect(typeof a.amountFen).toBe("bigint");
          expect(a.amountFen >= 0n).toBe(true);
        }
        expect(remainderFen >= 0n).toBe(true);
        expect(allocations.reduce((s, a) => s + a.amountFen, 0n) + remainderFen).toBe(ANNUAL);
      }),
      { numRuns: 500 },
    );
    // the property is not vacuous for the rule kind with most ways to be invalid
    expect(tiersChecked).toBeGreaterThan(50);
  });

  it("R9: the allocation does not depend on the order the banners come in (the tie-break is deterministic)", () => {
    fc.assert(
      fc.property(banners, rule, (bs, r) => {
        fc.pre(isValid(r, bs.length));
        const a = allocate(r, ANNUAL, bs);
        const b = allocate(r, ANNUAL, [...bs].reverse());
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it("R9: score-proportional and base-plus-performance rules allocate everything when some banner scores", () => {
    fc.assert(
      fc.property(banners, fc.integer({ min: 0, max: 10000 }), (bs, base) => {
        fc.pre(bs.some((b) => b.score > 0n));
        expect(allocate({ kind: "SCORE_PROPORTIONAL", minimumScore: null }, ANNUAL, bs).remainderFen).toBe(
          0n,
        );
        expect(
          allocate({ kind: "BASE_PLUS_PERFORMANCE", baseShare: BigInt(base), minimumScore: null }, ANNUAL, bs)
            .remainderFen,
        ).toBe(0n);
      }),
    );
  });
});
