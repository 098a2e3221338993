import { badInput } from "@grassroots/kit/errors";
import { formatMoney, type Fen } from "@grassroots/kit/validation";
import { WHOLE, type Hundredths } from "../domain/score";

/**
 * R9 — 以奖代补: the programme's annual amount allocated to the banners by their evaluation scores,
 * under a rule held as versioned data. Pure bigint code: amounts are whole fen, never negative, and
 * the banners' amounts plus the remainder the rule leaves unallocated add up exactly to the annual
 * amount. Where fen must be rounded, the last fen go by largest remainder; ties go to the higher
 * score, then to the lower unit code (deterministic whatever the input order).
 */

export interface TierGrade {
  /** 优秀, 良好, 合格, 不合格 … */
  name: string;
  /** The band's lower bound (hundredths of a point): a banner takes the highest band it reaches. */
  minScore: Hundredths;
  /** Each banner in the grade gets a fixed amount, or a share of the annual amount (hundredths of a percent). */
  amountFen: Fen | null;
  share: Hundredths | null;
  /** Quota caps: at most N banners, or P % of them (rounded down); the overflow, lowest scores first, drops a grade. */
  maxCount: number | null;
  maxPercent: number | null;
}

export type AllocationRule =
  | { kind: "TIERS"; grades: TierGrade[]; remainder: "KEEP" | "SHARE_BY_SCORE" }
  | { kind: "SCORE_PROPORTIONAL"; minimumScore: Hundredths | null }
  | { kind: "BASE_PLUS_PERFORMANCE"; baseShare: Hundredths; minimumScore: Hundredths | null };

export const RULE_KINDS = ["TIERS", "SCORE_PROPORTIONAL", "BASE_PLUS_PERFORMANCE"] as const;

export interface ScoredBanner {
  unitId: string;
  unitCode: string;
  score: Hundredths;
}

export interface Allocation extends ScoredBanner {
  grade: string | null;
  amountFen: Fen;
}

export interface AllocationResult {
  allocations: Allocation[];
  /** What the rule leaves unallocated (kept by the programme). */
  remainderFen: Fen;
}

/** The deterministic order of ties: higher score first, then the lower unit code. */
export const byScoreThenCode = (a: ScoredBanner, b: ScoredBanner) =>
  a.score !== b.score
    ? a.score > b.score
      ? -1
      : 1
    : a.unitCode < b.unitCode
      ? -1
      : a.unitCode > b.unitCode
        ? 1
        : 0;

/**
 * Splits `total` fen by weight: each gets floor(total × w / W), and the fen left over go one each by
 * largest remainder (ties by score, then code). Weights of zero get nothing. Σ = total when W > 0.
 */
export function apportion(
  total: Fen,
  units: readonly (ScoredBanner & { weight: bigint })[],
): Map<string, Fen> {
  const result = new Map<string, Fen>(units.map((u) => [u.unitId, 0n]));
  const sum = units.reduce((a, u) => a + u.weight, 0n);
  if (sum === 0n || total === 0n) return result;
  const parts = units.map((u) => ({ u, q: (total * u.weight) / sum, r: (total * u.weight) % sum }));
  let left = total - parts.reduce((a, p) => a + p.q, 0n);
  parts.sort((a, b) => (a.r !== b.r ? (a.r > b.r ? -1 : 1) : byScoreThenCode(a.u, b.u)));
  for (const p of parts) {
    const extra = left > 0n && p.u.weight > 0n ? 1n : 0n;
    left -= extra;
    result.set(p.u.unitId, p.q + extra);
  }
  return result;
}

const capOf = (g: TierGrade, n: number): number =>
  Math.min(g.maxCount ?? n, g.maxPercent !== null ? Math.floor((g.maxPercent * n) / 100) : n);

const perBanner = (g: TierGrade, annual: Fen): Fen => g.amountFen ?? (annual * g.share!) / WHOLE;

/** Grades by band, highest first; a banner over a full grade's quota drops to the next one it reaches. */
function assignGrades(
  grades: readonly TierGrade[],
  banners: readonly ScoredBanner[],
): Map<string, TierGrade> {
  const bands = [...grades].sort((a, b) => (a.minScore > b.minScore ? -1 : 1));
  const taken = new Map<TierGrade, number>();
  const assigned = new Map<string, TierGrade>();
  for (const banner of [...banners].sort(byScoreThenCode)) {
    const grade = bands.find(
      (g) => g.minScore <= banner.score && (taken.get(g) ?? 0) < capOf(g, banners.length),
    )!; // the lowest band starts at 0 and has no cap (validateRule)
    taken.set(grade, (taken.get(grade) ?? 0) + 1);
    assigned.set(banner.unitId, grade);
  }
  return assigned;
}

/**
 * The rule is satisfiable for this annual amount and number of banners, or BAD_USER_INPUT naming the
 * field: shares over 100 %, fixed amounts that could exceed the annual amount, quotas that contradict.
 */
export function validateRule(rule: AllocationRule, annual: Fen, bannerCount: number): void {
  if (rule.kind === "SCORE_PROPORTIONAL") return;
  if (rule.kind === "BASE_PLUS_PERFORMANCE") {
    if (rule.baseShare > WHOLE) throw badInput("rule.baseShare cannot be over 100.00 %.", "rule.baseShare");
    return;
  }
  const { grades } = rule;
  if (grades.length === 0 || grades.length > 10)
    throw badInput("A TIERS rule needs 1 to 10 grades.", "rule.grades");
  const names = new Set(grades.map((g) => g.name));
  if (names.size !== grades.length) throw badInput("Each grade needs its own name.", "rule.grades");
  if (new Set(grades.map((g) => g.minScore)).size !== grades.length)
    throw badInput("Two grades start at the same score; each band needs its own minScore.", "rule.grades");
  grades.forEach((g, i) => {
    const field = `rule.grades[${i}]`;
    if ((g.amountFen === null) === (g.share === null))
      throw badInput(`Grade ${g.name} needs either an amount or a share per banner (one of them).`, field);
    if (g.share !== null && g.share > WHOLE)
      throw badInput(`Grade ${g.name}'s share cannot be over 100.00 %.`, field);
    if (g.maxCount !== null && (!Number.isInteger(g.maxCount) || g.maxCount < 1))
      throw badInput(`Grade ${g.name}'s maxCount must be a whole number of at least 1.`, field);
    if (g.maxPercent !== null && (!Number.isInteger(g.maxPercent) || g.maxPercent < 1 || g.maxPercent > 100))
      throw badInput(`Grade ${g.name}'s maxPercent must be a whole percent from 1 to 100.`, field);
  });
  const lowest = [...grades].sort((a, b) => (a.minScore < b.minScore ? -1 : 1))[0];
  if (lowest.minScore !== 0n || lowest.maxCount !== null || lowest.maxPercent !== null)
    throw badInput(
      `The quotas contradict: the lowest grade (${lowest.name}) must start at 0.00 and have no quota, so every banner has a grade.`,
      "rule.grades",
    );
  // The most the grades could pay: banners placed in the dearest grades first, up to each quota.
  let left = bannerCount;
  let most = 0n;
  for (const g of [...grades].sort((a, b) => (perBanner(a, annual) > perBanner(b, annual) ? -1 : 1))) {
    const n = Math.min(left, capOf(g, bannerCount));
    most += BigInt(n) * perBanner(g, annual);
    left -= n;
  }
  if (most > annual)
    throw badInput(
      `The grades could pay out ${formatMoney(most)} to ${bannerCount} banners, more than the annual amount ${formatMoney(annual)}; lower the amounts or shares, or cap the grades.`,
      "rule.grades",
    );
}

/** R9: the allocation of one year's annual amount by the banners' scores. */
export function allocate(
  rule: AllocationRule,
  annual: Fen,
  banners: readonly ScoredBanner[],
): AllocationResult {
  const weighted = (min: Hundredths | null) =>
    banners.map((b) => ({ ...b, weight: min !== null && b.score < min ? 0n : b.score }));
  const result = (amounts: Map<string, Fen>, grades?: Map<string, TierGrade>): AllocationResult => {
    const allocations = [...banners].sort(byScoreThenCode).map((b) => ({
      ...b,
      grade: grades?.get(b.unitId)?.name ?? null,
      amountFen: amounts.get(b.unitId) ?? 0n,
    }));
    return { allocations, remainderFen: annual - allocations.reduce((a, x) => a + x.amountFen, 0n) };
  };
  if (rule.kind === "SCORE_PROPORTIONAL") return result(apportion(annual, weighted(rule.minimumScore)));
  if (rule.kind === "BASE_PLUS_PERFORMANCE") {
    const base = (annual * rule.baseShare) / WHOLE;
    const equal = apportion(
      base,
      banners.map((b) => ({ ...b, weight: 1n })),
    );
    const performance = apportion(annual - base, weighted(rule.minimumScore));
    return result(new Map(banners.map((b) => [b.unitId, equal.get(b.unitId)! + performance.get(b.unitId)!])));
  }
  const grades = assignGrades(rule.grades, banners);
  const amounts = new Map(banners.map((b) => [b.unitId, perBanner(grades.get(b.unitId)!, annual)]));
  if (rule.remainder === "SHARE_BY_SCORE") {
    const rest = annual - [...amounts.values()].reduce((a, x) => a + x, 0n);
    const shared = apportion(rest, weighted(null));
    for (const [id, extra] of shared) amounts.set(id, amounts.get(id)! + extra);
  }
  return result(amounts, grades);
}
