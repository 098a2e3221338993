import fc from "fast-check";
import { decimalOf, hundredthsOf } from "../src/domain/decimal";
import { autoPoints, ranked, totalPoints } from "../src/rules/r12-scoring";

// Properties of R12's integer scoring (no database): what any scheme may rely on.

const weight = fc.integer({ min: 1, max: 10_000 });
const value = fc.integer({ min: 0, max: 100_000 });

describe("R12 scoring properties", () => {
  it("R12: decimals round-trip through hundredths exactly (no float)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (h) => hundredthsOf(decimalOf(h), "x") === h),
    );
  });

  it("R12: weights split into thirds with one decimal add up exactly: 33.3 + 33.3 + 33.4", () => {
    expect(["33.3", "33.3", "33.4"].map((w) => hundredthsOf(w, "w")).reduce((a, b) => a + b)).toBe(10_000);
    expect(["33.3", "33.3", "32.9"].map((w) => hundredthsOf(w, "w")).reduce((a, b) => a + b)).toBe(9_950);
  });

  it("R12: an AUTO indicator earns between nothing and its weight, and LINEAR never falls as the value rises", () => {
    fc.assert(
      fc.property(weight, value, value, fc.integer({ min: 1, max: 50_000 }), (w, a, b, span) => {
        const scoring = { kind: "LINEAR" as const, lower: 1000, upper: 1000 + span };
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [pLo, pHi] = [autoPoints(w, scoring, lo), autoPoints(w, scoring, hi)];
        return pLo >= 0 && pHi <= w && pLo <= pHi;
      }),
    );
  });

  it("R12: DEDUCTION never goes below its floor; STEP bands pay their share", () => {
    fc.assert(
      fc.property(
        weight,
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 1, max: 2_000 }),
        (w, count, per) => {
          const floor = Math.floor(w / 3);
          const p = autoPoints(w, { kind: "DEDUCTION", perOccurrence: per, floor }, count * 100);
          return p >= floor && p <= w;
        },
      ),
    );
    const step = {
      kind: "STEP" as const,
      bands: [
        { from: 0, to: 6000, percent: 0 },
        { from: 6000, to: 10000, percent: 5000 },
      ],
    };
    expect([
      autoPoints(2000, step, 5999),
      autoPoints(2000, step, 6000),
      autoPoints(2000, step, 10000),
    ]).toEqual([0, 1000, 1000]);
  });

  it("R12: adjustments count up to their caps and the total is never negative", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 6 }),
        (points, entries) => {
          const items = [
            { code: "B", name: "b", kind: "BONUS" as const, cap: 300 },
            { code: "D", name: "d", kind: "DEDUCTION" as const, cap: 500 },
          ];
          const base = points.reduce((a, b) => a + b, 0);
          const adj = entries.map((p, i) => ({ itemCode: i % 2 ? "B" : "D", points: p }));
          const total = totalPoints(points, items, adj);
          return total >= 0 && total <= base + 300 && total >= Math.max(0, base - 500);
        },
      ),
    );
  });

  it("R12: equal totals share a rank and the next rank skips (1, 2, 2, 4)", () => {
    expect(ranked([{ total: 90 }, { total: 80 }, { total: 80 }, { total: 70 }]).map((r) => r.rank)).toEqual([
      1, 2, 2, 4,
    ]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 30 }), (totals) => {
        const rows = ranked(totals.map((total) => ({ total })));
        return rows.every((r) => r.rank === 1 + rows.filter((o) => o.total > r.total).length);
      }),
    );
  });
});
