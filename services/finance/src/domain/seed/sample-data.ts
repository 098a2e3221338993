import type { RuleData } from "../award";

/** The sample rule of the city's 以奖代补 programme (flagged sample: the bureau adopts its own). */
export const SAMPLE_RULE: RuleData = {
  kind: "TIERS",
  remainder: "SHARE_BY_SCORE",
  grades: [
    { name: "优秀", minScore: "90.00", amount: "1500000.00", maxPercent: 30 },
    { name: "良好", minScore: "80.00", amount: "1000000.00" },
    { name: "合格", minScore: "60.00", amount: "600000.00" },
    { name: "不合格", minScore: "0.00", amount: "0.00" },
  ],
};

export const PROGRAMME_YEARS = { first: 2022, last: 2024 } as const;
export const ANNUAL_AMOUNT = "10000000.00";

/** A banner's sample standard (after the 4th national economic census enumerator subsidy's kinds). */
export const SAMPLE_STANDARD_ITEMS = [
  { taskKind: "HOUSEHOLD_LISTING", unitOfWork: "户", rate: "2.00" },
  { taskKind: "SHORT_FORM", unitOfWork: "户", rate: "3.00" },
  { taskKind: "LONG_FORM", unitOfWork: "户", rate: "8.00" },
  { taskKind: "MONTHLY_REPORT", unitOfWork: "份", rate: "30.00", isMinimum: true },
  { taskKind: "REGISTER_CHECK", unitOfWork: "个单位", rate: "5.00" },
];

/**
 * How a banner's sample work-funds line is paid (by its code, stable): on time, the first quarter late,
 * or the first quarter short — so the R8 table shows each kind.
 */
export type PaymentPattern = "ON_TIME" | "LATE" | "SHORT";
export const PATTERNS: PaymentPattern[] = ["ON_TIME", "LATE", "SHORT"];
