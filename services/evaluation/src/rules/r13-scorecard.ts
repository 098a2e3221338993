import { RuleIds, type RuleId, type RuleStatusValue } from "@grassroots/events/contracts";

/**
 * R13's live compliance picture: a unit's weighted score over the rules that apply to it. Weights come
 * from configuration (EVALUATION_SCORECARD_WEIGHTS), over these defaults: the staffing and money rules
 * weigh most, as the notice puts its weight on people and funds.
 */
export const DEFAULT_RULE_WEIGHTS: Readonly<Record<RuleId, number>> = {
  "R1.post-established": 10,
  "R2.standardization": 10,
  "R3.township-staffing": 15,
  "R4.village-staffing": 10,
  "R5.filing-timeliness": 10,
  "R6.city-obligation": 5,
  "R6.banner-coverage": 10,
  "R7.pending-training": 5,
  "R8.funds-on-time-in-full": 15,
  "R11.meeting-problems": 5,
  "R13.rectification": 5,
};

export type RuleWeights = Readonly<Record<RuleId, number>>;

/** "R3.township-staffing=20,R5.filing-timeliness=10" over the defaults; throws naming what is wrong. */
export function parseRuleWeights(text: string): RuleWeights {
  const weights: Record<string, number> = { ...DEFAULT_RULE_WEIGHTS };
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [rule, value] = part.split("=").map((p) => p.trim());
    if (!(RuleIds as readonly string[]).includes(rule))
      throw new Error(`unknown rule "${rule}" in the weights`);
    if (!/^\d{1,3}$/.test(value ?? "")) throw new Error(`the weight of ${rule} must be a whole number 0–999`);
    weights[rule] = Number(value);
  }
  return weights as RuleWeights;
}

/**
 * Whether a status counts, and how: MET earns the rule's weight; NOT_MET and UNKNOWN (the figures it
 * needs are missing — a gap too) earn nothing; NOT_APPLICABLE is left out of the score.
 */
export const counts = (status: RuleStatusValue): boolean => status !== "NOT_APPLICABLE";

/**
 * The score in hundredths of a point out of 100 (8750 is 87.50): the weight of the rules met over the
 * weight of the rules that apply, rounded half up in integers. Null when no rule with a weight applies.
 */
export function complianceScore(
  lines: readonly { rule: RuleId; status: RuleStatusValue }[],
  weights: RuleWeights,
): number | null {
  let applicable = 0;
  let met = 0;
  for (const line of lines) {
    if (!counts(line.status)) continue;
    applicable += weights[line.rule];
    if (line.status === "MET") met += weights[line.rule];
  }
  if (applicable === 0) return null;
  return Math.floor((2 * met * 10_000 + applicable) / (2 * applicable));
}

/** Worst first: the lowest score, then the most overdue findings, then the most open ones; no score last. */
export function worstFirst(
  a: { score: number | null; overdueFindings: number; openFindings: number; code: string },
  b: { score: number | null; overdueFindings: number; openFindings: number; code: string },
): number {
  if (a.score === null || b.score === null) {
    if (a.score !== b.score) return a.score === null ? 1 : -1;
  } else if (a.score !== b.score) return a.score - b.score;
  return (
    b.overdueFindings - a.overdueFindings || b.openFindings - a.openFindings || a.code.localeCompare(b.code)
  );
}
