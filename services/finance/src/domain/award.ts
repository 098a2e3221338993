import { badInput } from "@grassroots/kit/errors";
import { checkText } from "@grassroots/kit/validation";
import type { AllocationRule, TierGrade } from "../rules/r9-award-allocation";
import { RULE_KINDS } from "../rules/r9-award-allocation";
import { formatMoney, parseMoney, type Fen } from "@grassroots/kit/validation";
import { formatHundredths, parseHundredths, WHOLE } from "./score";

/** R9: the allocation rule as the API and the database hold it: decimals as strings, never floats. */
export interface RuleData {
  kind: AllocationRule["kind"];
  remainder?: "KEEP" | "SHARE_BY_SCORE" | null;
  minimumScore?: string | null;
  baseShare?: string | null;
  grades?:
    | {
        name: string;
        minScore: string;
        amount?: string | null;
        share?: string | null;
        maxCount?: number | null;
        maxPercent?: number | null;
      }[]
    | null;
}

/** The stored or typed rule as the rule code takes it, or BAD_USER_INPUT naming the field. */
export function parseRule(data: RuleData): AllocationRule {
  if (!RULE_KINDS.includes(data.kind))
    throw badInput(`rule.kind must be one of ${RULE_KINDS.join(", ")}.`, "rule.kind");
  const score = (v: string | null | undefined, field: string) => (v ? parseHundredths(v, field) : null);
  if (data.kind === "SCORE_PROPORTIONAL")
    return { kind: data.kind, minimumScore: score(data.minimumScore, "rule.minimumScore") };
  if (data.kind === "BASE_PLUS_PERFORMANCE") {
    if (!data.baseShare)
      throw badInput(
        'BASE_PLUS_PERFORMANCE needs rule.baseShare, a percent such as "30.00".',
        "rule.baseShare",
      );
    return {
      kind: data.kind,
      baseShare: parseHundredths(data.baseShare, "rule.baseShare", WHOLE * 100n),
      minimumScore: score(data.minimumScore, "rule.minimumScore"),
    };
  }
  const remainder = data.remainder ?? "KEEP";
  if (!["KEEP", "SHARE_BY_SCORE"].includes(remainder))
    throw badInput("rule.remainder must be KEEP or SHARE_BY_SCORE.", "rule.remainder");
  const grades = (data.grades ?? []).map((g, i): TierGrade => ({
    name: checkText(g.name, `rule.grades[${i}].name`, 20),
    minScore: parseHundredths(g.minScore, `rule.grades[${i}].minScore`),
    amountFen: g.amount ? parseMoney(g.amount, `rule.grades[${i}].amount`) : null,
    share: g.share ? parseHundredths(g.share, `rule.grades[${i}].share`, WHOLE * 100n) : null,
    maxCount: g.maxCount ?? null,
    maxPercent: g.maxPercent ?? null,
  }));
  return { kind: "TIERS", remainder, grades };
}

/** The rule in its stored form (the same shape the API takes). */
export function ruleData(rule: AllocationRule): RuleData {
  if (rule.kind === "SCORE_PROPORTIONAL")
    return {
      kind: rule.kind,
      minimumScore: rule.minimumScore === null ? null : formatHundredths(rule.minimumScore),
    };
  if (rule.kind === "BASE_PLUS_PERFORMANCE")
    return {
      kind: rule.kind,
      baseShare: formatHundredths(rule.baseShare),
      minimumScore: rule.minimumScore === null ? null : formatHundredths(rule.minimumScore),
    };
  return {
    kind: rule.kind,
    remainder: rule.remainder,
    grades: rule.grades.map((g) => ({
      name: g.name,
      minScore: formatHundredths(g.minScore),
      amount: g.amountFen === null ? null : formatMoney(g.amountFen),
      share: g.share === null ? null : formatHundredths(g.share),
      maxCount: g.maxCount,
      maxPercent: g.maxPercent,
    })),
  };
}

export interface AwardProgramme {
  id: string;
  cityUnitId: string;
  name: string;
  firstYear: number;
  lastYear: number;
  annualAmountFen: Fen;
  ruleVersion: number;
  isSample: boolean;
  createdBy: string;
  createdByName: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface RuleVersion {
  programmeId: string;
  version: number;
  rule: RuleData;
  isSample: boolean;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
}

export const ROUND_STATUSES = ["DRAFT", "COMPUTED", "APPROVED", "DISBURSED", "CLOSED"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export interface AllocationRound {
  id: string;
  programmeId: string;
  fiscalYear: number;
  lineId: string;
  status: RoundStatus;
  ruleVersion: number | null;
  resultSetId: string | null;
  /** How many times it was computed; its allocations are those of the last computation. */
  computation: number;
  remainderFen: Fen | null;
  computedBy: string | null;
  computedByName: string | null;
  computedAt: Date | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  /** Set when evaluation corrected the results after approval: the round is flagged, not changed. */
  flag: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface RoundAllocation {
  roundId: string;
  computation: number;
  unitId: string;
  unitCode: string;
  unitName: string;
  score: string;
  grade: string | null;
  amountFen: Fen;
}

export interface RoundStep {
  roundId: string;
  seq: number;
  step: string;
  actorId: string;
  actorName: string;
  at: Date;
  note: string | null;
}

/** A result set of evaluation's AssessmentResultsPublished, as received. */
export interface ResultSet {
  resultSetId: string;
  schemeId: string;
  ownerUnitId: string;
  subjectKind: string;
  year: number;
  revision: number;
  supersedes: string | null;
  reason: string | null;
  publishedAt: Date;
  results: {
    unitId: string;
    unitPath: string;
    unitName: string;
    score: string;
    rank: number;
    grade: string | null;
  }[];
}

export const describeRound = (r: Pick<AllocationRound, "id" | "fiscalYear">) =>
  `${r.fiscalYear} round ${r.id}`;
