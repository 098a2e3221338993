import type { Assessment, AssessmentAdjustment, IndicatorScore } from "../domain/assessment";
import { decimalOf } from "../domain/decimal";
import type { AssessmentScheme, Indicator } from "../domain/scheme";
import type { MetricValue } from "../rules/r12-metrics";
import type { AssessmentAdjustmentType, AssessmentType, IndicatorScoreType } from "./types/assessment.type";
import type { AssessmentSchemeType, MetricValueType, SchemeIndicatorType } from "./types/scheme.type";

const dec = (v: number | null | undefined): string | null =>
  v === null || v === undefined ? null : decimalOf(v);

function indicatorView(i: Indicator): SchemeIndicatorType {
  const base = { code: i.code, name: i.name, weight: decimalOf(i.weight), kind: i.kind };
  if (i.kind === "MANUAL") {
    return {
      ...base,
      maxScore: decimalOf(i.maxScore),
      guide: i.guide,
      evidenceRequired: i.evidenceRequired,
      metric: null,
      scoring: null,
    };
  }
  const s = i.scoring;
  return {
    ...base,
    maxScore: null,
    guide: null,
    evidenceRequired: null,
    metric: i.metric,
    scoring: {
      function: s.kind,
      lower: s.kind === "LINEAR" ? decimalOf(s.lower) : null,
      upper: s.kind === "LINEAR" ? decimalOf(s.upper) : null,
      bands:
        s.kind === "STEP"
          ? s.bands.map((b) => ({
              from: decimalOf(b.from),
              to: decimalOf(b.to),
              percent: decimalOf(b.percent),
            }))
          : [],
      perOccurrence: s.kind === "DEDUCTION" ? decimalOf(s.perOccurrence) : null,
      floor: s.kind === "DEDUCTION" ? decimalOf(s.floor) : null,
    },
  };
}

export const schemeView = (s: AssessmentScheme): AssessmentSchemeType => ({
  id: s.id,
  schemeId: s.schemeId,
  version: s.version,
  name: s.name,
  year: s.year,
  owner: { id: s.ownerUnitId },
  subjectKinds: s.subjectKinds,
  cutOffDate: s.cutOffDate,
  isSample: s.isSample,
  indicators: s.definition.indicators.map(indicatorView),
  adjustments: s.definition.adjustments.map((a) => ({ ...a, cap: decimalOf(a.cap) })),
  grades: s.definition.grades.map((g) => ({ grade: g.grade, minScore: decimalOf(g.minScore) })),
  createdByName: s.createdByName,
  createdAt: s.createdAt,
});

export const assessmentView = (a: Assessment): AssessmentType => ({
  id: a.id,
  schemeVersionId: a.schemeVersionId,
  subject: { id: a.subjectUnitId },
  revision: a.revision,
  supersedesId: a.supersedesId,
  correctionReason: a.correctionReason,
  superseded: a.superseded,
  status: a.status,
  reviewedByName: a.reviewedByName,
  publishedAt: a.publishedAt,
  version: a.version,
});

export const scoreView = (s: IndicatorScore): IndicatorScoreType => ({
  indicatorCode: s.indicatorCode,
  kind: s.kind,
  points: decimalOf(s.points),
  score: dec(s.score),
  metricValue: dec(s.metricValue),
  figures: s.figures,
  evidence: s.evidence,
  comment: s.comment,
  scoredByName: s.scoredByName,
  scoredAt: s.scoredAt,
});

export const adjustmentView = (a: AssessmentAdjustment): AssessmentAdjustmentType => ({
  itemCode: a.itemCode,
  points: decimalOf(a.points),
  reason: a.reason,
  recordedByName: a.recordedByName,
  recordedAt: a.recordedAt,
});

export const metricValueView = (m: MetricValue): MetricValueType => ({
  metric: m.metric,
  value: decimalOf(m.value),
  figures: m.figures,
});
