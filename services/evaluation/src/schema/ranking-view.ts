import type { Ranking } from "../domain/assessment-queries";
import { decimalOf } from "../domain/decimal";
import { schemeView } from "./assessment-view";
import type { AssessmentResultSetType } from "./types/assessment.type";

export const rankingView = (r: Ranking): AssessmentResultSetType => ({
  id: r.set.id,
  scheme: schemeView(r.scheme),
  revision: r.set.revision,
  supersedesId: r.set.supersedesId,
  reason: r.set.reason,
  publishedAt: r.set.publishedAt,
  publishedByName: r.set.publishedByName,
  results: r.results.map((x) => ({
    rank: x.rank,
    unit: { id: x.subjectUnitId },
    unitName: x.unit.name,
    unitCode: x.unit.code,
    score: decimalOf(x.total),
    grade: x.grade,
    assessmentId: x.assessmentId,
  })),
});
