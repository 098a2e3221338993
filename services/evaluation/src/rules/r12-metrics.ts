import type { RuleId, RuleStatusValue } from "@grassroots/events/contracts";

/**
 * R12's metric catalogue: what an AUTO indicator may score, each computed per subject and year from
 * evaluation's projection of the rule status events (and its own R11/R13 results, which it consumes
 * like any other service's) over the subject's subtree — never from another service's database.
 *
 * SHARE: the share of the subtree's results for these rules that are MET, in percent with two
 * decimals (NOT_APPLICABLE left out, UNKNOWN counted as not met). COUNT: how many results are NOT_MET.
 */
export const METRICS = {
  "post-coverage": {
    rules: ["R1.post-established"],
    measure: "SHARE",
    about: "R1 statistics posts established",
  },
  "standardization-completion": {
    rules: ["R2.standardization"],
    measure: "SHARE",
    about: "R2 standardization",
  },
  "staffing-compliance": {
    rules: ["R3.township-staffing", "R4.village-staffing"],
    measure: "SHARE",
    about: "R3/R4 staffing",
  },
  "filing-timeliness": { rules: ["R5.filing-timeliness"], measure: "SHARE", about: "R5 filings on time" },
  "training-coverage": {
    rules: ["R6.banner-coverage"],
    measure: "SHARE",
    about: "R6 banner training coverage",
  },
  "city-training-obligation": {
    rules: ["R6.city-obligation"],
    measure: "SHARE",
    about: "R6 city obligation",
  },
  "posts-pending-training": {
    rules: ["R7.pending-training"],
    measure: "COUNT",
    about: "R7 posts pending training too long",
  },
  "budget-execution": {
    rules: ["R8.funds-on-time-in-full"],
    measure: "SHARE",
    about: "R8 funds on time and in full",
  },
  "meetings-and-problems": {
    rules: ["R11.meeting-problems"],
    measure: "SHARE",
    about: "R11 meetings held, problems resolved",
  },
  "rectifications-on-time": {
    rules: ["R13.rectification"],
    measure: "SHARE",
    about: "R13 rectifications on time",
  },
} as const satisfies Record<string, { rules: readonly RuleId[]; measure: "SHARE" | "COUNT"; about: string }>;

export type MetricId = keyof typeof METRICS;
export const METRIC_IDS = Object.keys(METRICS) as MetricId[];
export const isMetric = (id: string): id is MetricId => id in METRICS;

/** How many of a subtree's results for a rule had each status (at the cut-off). */
export type StatusCounts = Partial<Record<RuleStatusValue, number>>;

/** A metric's value (hundredths: 8550 is 85.50 % for a share, 300 is 3 for a count) with the figures behind it. */
export interface MetricValue {
  metric: MetricId;
  value: number;
  figures: { met: number; notMet: number; unknown: number; notApplicable: number };
}

/** The metric from the subtree's status counts per rule; a share with nothing applicable is 0. */
export function metricValue(metric: MetricId, countsByRule: ReadonlyMap<string, StatusCounts>): MetricValue {
  const figures = { met: 0, notMet: 0, unknown: 0, notApplicable: 0 };
  for (const rule of METRICS[metric].rules) {
    const c = countsByRule.get(rule) ?? {};
    figures.met += c.MET ?? 0;
    figures.notMet += c.NOT_MET ?? 0;
    figures.unknown += c.UNKNOWN ?? 0;
    figures.notApplicable += c.NOT_APPLICABLE ?? 0;
  }
  if (METRICS[metric].measure === "COUNT") return { metric, value: figures.notMet * 100, figures };
  const applicable = figures.met + figures.notMet + figures.unknown;
  const value = applicable === 0 ? 0 : Math.floor((2 * figures.met * 10_000 + applicable) / (2 * applicable));
  return { metric, value, figures };
}
