import { badInput } from "@grassroots/kit/errors";
import type { MetricValue } from "../rules/r12-metrics";
import type { AssessmentScheme } from "./scheme";

/** R12: one subject's assessment under a scheme version. DRAFT → SCORED → REVIEWED → PUBLISHED. */
export const ASSESSMENT_STATUSES = ["DRAFT", "SCORED", "REVIEWED", "PUBLISHED"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export interface Assessment {
  id: string;
  schemeVersionId: string;
  subjectUnitId: string;
  /** 1, or the correction's number; a correction supersedes the revision before it (kept, `superseded`). */
  revision: number;
  supersedesId: string | null;
  correctionReason: string | null;
  superseded: boolean;
  status: AssessmentStatus;
  scoredAt: Date | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  publishedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewAssessment = Pick<
  Assessment,
  "id" | "schemeVersionId" | "subjectUnitId" | "revision" | "supersedesId" | "correctionReason" | "status"
>;
export type AssessmentPatch = Partial<
  Pick<
    Assessment,
    "status" | "scoredAt" | "reviewedBy" | "reviewedByName" | "reviewedAt" | "publishedAt" | "superseded"
  >
>;

/** An indicator's score: MANUAL with the assessor's score, evidence and comment; AUTO frozen with its metric value and figures. */
export interface IndicatorScore {
  assessmentId: string;
  indicatorCode: string;
  kind: "MANUAL" | "AUTO";
  /** Points earned (hundredths) out of the indicator's weight. */
  points: number;
  score: number | null;
  metricValue: number | null;
  figures: MetricValue["figures"] | null;
  evidence: string | null;
  comment: string | null;
  scoredBy: string;
  scoredByName: string;
  scoredAt: Date;
}

export interface AssessmentAdjustment {
  id: string;
  assessmentId: string;
  itemCode: string;
  points: number;
  reason: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
}

/** A published ranking of a scheme version's current assessments; a correction is the next revision. */
export interface ResultSet {
  id: string;
  schemeVersionId: string;
  revision: number;
  supersedesId: string | null;
  reason: string | null;
  publishedAt: Date;
  publishedBy: string;
  publishedByName: string;
}

export interface AssessmentResult {
  resultSetId: string;
  assessmentId: string;
  subjectUnitId: string;
  total: number;
  rank: number;
  grade: string | null;
}

/** Scores may be changed while DRAFT or SCORED; REVIEWED or PUBLISHED is final (a correction is a new revision). */
export function requireEditable(assessment: Assessment): void {
  if (assessment.status === "REVIEWED" || assessment.status === "PUBLISHED") {
    throw badInput(
      `Assessment ${assessment.id} is ${assessment.status} and cannot be edited; correct it as a new revision (correctAssessment).`,
      "assessmentId",
    );
  }
}

/** The indicators of the scheme that have no score yet, by code. */
export const unscoredOf = (scheme: AssessmentScheme, scores: readonly IndicatorScore[]): string[] =>
  scheme.definition.indicators
    .map((i) => i.code)
    .filter((code) => !scores.some((s) => s.indicatorCode === code));
