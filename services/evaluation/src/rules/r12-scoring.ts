import type { AdjustmentItem, Indicator, ScoringFunction } from "../domain/scheme";
import { scaled } from "../domain/decimal";

/**
 * R12 scoring in integers of hundredths: an indicator earns part of its weight (never more, never
 * less than nothing), adjustments add or take points within their caps, and the total is never below 0.
 */

/** What an AUTO indicator earns for a metric value. */
export function autoPoints(weight: number, scoring: ScoringFunction, value: number): number {
  switch (scoring.kind) {
    case "LINEAR": {
      if (value <= scoring.lower) return 0;
      if (value >= scoring.upper) return weight;
      return scaled(weight, value - scoring.lower, scoring.upper - scoring.lower);
    }
    case "STEP": {
      const last = scoring.bands[scoring.bands.length - 1];
      const band = scoring.bands.find(
        (b) => value >= b.from && (value < b.to || (b === last && value === b.to)),
      );
      return band ? scaled(weight, band.percent, 10_000) : 0;
    }
    case "DEDUCTION": {
      const occurrences = Math.floor(value / 100);
      return Math.max(scoring.floor, weight - occurrences * scoring.perOccurrence);
    }
  }
}

/** What a MANUAL indicator earns for an assessor's score out of its maximum. */
export const manualPoints = (indicator: Extract<Indicator, { kind: "MANUAL" }>, score: number): number =>
  scaled(indicator.weight, score, indicator.maxScore);

/** The total: the indicators' points, plus bonus and less deduction points, each item within its cap. */
export function totalPoints(
  indicatorPoints: readonly number[],
  items: readonly AdjustmentItem[],
  adjustments: readonly { itemCode: string; points: number }[],
): number {
  let total = indicatorPoints.reduce((a, b) => a + b, 0);
  for (const item of items) {
    const sum = adjustments.filter((a) => a.itemCode === item.code).reduce((a, b) => a + b.points, 0);
    total += (item.kind === "BONUS" ? 1 : -1) * Math.min(sum, item.cap);
  }
  return Math.max(0, total);
}

/** Ranks by total, highest first; equal totals share a rank (1, 2, 2, 4). */
export function ranked<T extends { total: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return sorted.map((row) => ({ ...row, rank: sorted.findIndex((r) => r.total === row.total) + 1 }));
}
